package io.snackbase.auth.internal.rest;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.service.Groups;
import io.snackbase.auth.internal.service.Inputs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/groups}: groups of the caller's account (any account for superadmins) and their members. */
@Component(service = GroupsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupsResource {

    private final Groups groups;

    @Activate
    public GroupsResource(@Reference AuthServices auth) {
        this(new Groups(auth.store));
    }

    /** For tests: the resource over a given service. */
    public GroupsResource(Groups groups) {
        this.groups = groups;
    }

    private static Principal user(ContainerRequestContext request) {
        return AuthResource.caller(request).requireUser().principal();
    }

    @POST
    public Response create(Map<String, Object> json, @Context ContainerRequestContext request) {
        Principal caller = user(request);
        Body body = Body.of(json);
        Map<String, Object> created = groups.create(caller, body.text("name"), body.text("description"), body.text("account_id"));
        return Response.status(201).entity(created).build();
    }

    /** skip/limit as in the reference; the SDK's page/page_size take precedence when given. */
    @GET
    public List<Map<String, Object>> list(@QueryParam("skip") String skip, @QueryParam("limit") String limit,
            @QueryParam("page") String page, @QueryParam("page_size") String pageSize, @QueryParam("search") String search,
            @QueryParam("account_id") String accountId, @Context ContainerRequestContext request) {
        Principal caller = user(request);
        int size;
        int offset;
        if (Query.present(page) || Query.present(pageSize)) {
            size = Query.integer("page_size", pageSize, 25, 1, 100);
            offset = (Query.integer("page", page, 1, 1, 1_000_000) - 1) * size;
        } else {
            size = Query.integer("limit", limit, 100, 1, 1000);
            offset = Query.integer("skip", skip, 0, 0, Integer.MAX_VALUE);
        }
        return groups.list(caller, accountId, Inputs.containsPattern(search), size, offset);
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return groups.get(user(request), id);
    }

    @PATCH
    @Path("{id}")
    public Map<String, Object> update(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        Principal caller = user(request);
        Body body = Body.of(json);
        return groups.update(caller, id, body.text("name"), body.has("description"), body.text("description"));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        groups.delete(user(request), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/users")
    public Response addUser(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        Principal caller = user(request);
        String userId = Body.of(json).text("user_id");
        if (userId == null || userId.isBlank()) {
            throw Problems.required("user_id");
        }
        groups.addMember(caller, id, userId.trim());
        return Response.status(201).entity(Map.of("message", "User added to group")).build();
    }

    @DELETE
    @Path("{id}/users/{userId}")
    public Response removeUser(@PathParam("id") String id, @PathParam("userId") String userId,
            @Context ContainerRequestContext request) {
        groups.removeMember(user(request), id, userId);
        return Response.noContent().build();
    }
}
