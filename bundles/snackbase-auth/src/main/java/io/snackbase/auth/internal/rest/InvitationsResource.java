package io.snackbase.auth.internal.rest;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.service.Invitations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/v1/invitations}: management by the account's users (create, list, resend, cancel)
 * and the public lookup and acceptance by token. {@code {token}} (64 hex) and invitation ids
 * (UUIDs) share the path segment (one template name, so that Jakarta REST sees one sub-resource
 * per path); GET of a segment is always the public token lookup.
 */
@Component(service = InvitationsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    private final Invitations invitations;

    @Activate
    public InvitationsResource(@Reference AuthServices auth) {
        this(new Invitations(auth.store, auth.users, auth.sessions, auth.mail));
    }

    /** For tests: the resource over a given service. */
    public InvitationsResource(Invitations invitations) {
        this.invitations = invitations;
    }

    @POST
    public Response create(Map<String, Object> json, @Context ContainerRequestContext request) {
        RequestContext context = AuthResource.caller(request).requireUser();
        Body body = Body.of(json);
        Map<String, Object> created = invitations.create(context, body.text("email"), body.integer("role_id"),
                groupIds(body.raw("groups")), body.text("account_id"));
        return Response.status(201).entity(created).build();
    }

    @GET
    public Map<String, Object> list(@QueryParam("status_filter") String status, @QueryParam("account_id") String accountId,
            @QueryParam("page") String page, @QueryParam("page_size") String pageSize, @Context ContainerRequestContext request) {
        RequestContext context = AuthResource.caller(request).requireUser();
        String filter = Query.present(status) ? status.trim() : null;
        if (filter != null && !Invitations.STATUSES.contains(filter)) {
            throw Problems.shape("status_filter", "Input should be 'pending', 'accepted', 'expired' or 'cancelled'");
        }
        Integer limit = null;
        Integer offset = null;
        if (Query.present(page) || Query.present(pageSize)) {
            limit = Query.integer("page_size", pageSize, 25, 1, 100);
            offset = (Query.integer("page", page, 1, 1, 1_000_000) - 1) * limit;
        }
        return invitations.list(context.principal(), accountId, filter, limit, offset);
    }

    @POST
    @Path("{id}/resend")
    public Map<String, Object> resend(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return invitations.resend(AuthResource.caller(request).requireUser(), id);
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id, @Context ContainerRequestContext request) {
        invitations.cancel(AuthResource.caller(request).requireUser().principal(), id);
        return Response.noContent().build();
    }

    /** Public. */
    @GET
    @Path("{id}")
    public Map<String, Object> lookup(@PathParam("id") String token) {
        return invitations.lookup(token);
    }

    /** Public; the answer is that of a login. */
    @POST
    @Path("{id}/accept")
    public Map<String, Object> accept(@PathParam("id") String token, Map<String, Object> json) {
        return invitations.accept(token, Body.of(json).text("password"));
    }

    private static List<String> groupIds(Object raw) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof List<?> list)) {
            throw Problems.shape("groups", "Input should be a valid list");
        }
        List<String> ids = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String id) || id.isBlank()) {
                throw Problems.shape("groups", "Input should be a list of group ids");
            }
            ids.add(id.trim());
        }
        return ids;
    }
}
