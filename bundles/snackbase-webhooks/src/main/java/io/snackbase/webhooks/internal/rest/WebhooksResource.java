package io.snackbase.webhooks.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.request.support.Paging;
import io.snackbase.webhooks.internal.WebhookServices;
import io.snackbase.webhooks.internal.Webhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/webhooks}: any authenticated caller's webhooks in their own account (webhooks.md). */
@Component(service = WebhooksResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    private final Webhooks webhooks;

    @Activate
    public WebhooksResource(@Reference WebhookServices services) {
        this(services.engine.webhooks);
    }

    /** For tests: the resource over a given service. */
    public WebhooksResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    private static RequestContext caller(ContainerRequestContext request) {
        return RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).requireUser();
    }

    @POST
    public Response create(Map<String, Object> body, @Context ContainerRequestContext request) {
        return Response.status(201).entity(webhooks.create(caller(request), body)).build();
    }

    @GET
    public Map<String, Object> list(@Context ContainerRequestContext request) {
        return webhooks.list(caller(request));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return webhooks.get(caller(request), id);
    }

    @PUT
    @Path("{id}")
    public Map<String, Object> update(@PathParam("id") String id, Map<String, Object> body,
            @Context ContainerRequestContext request) {
        return webhooks.update(caller(request), id, body);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        webhooks.delete(caller(request), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    public Map<String, Object> deliveries(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context ContainerRequestContext request) {
        RequestContext caller = caller(request);
        return webhooks.deliveries(caller, id, Paging.integer("limit", limit, 1, 200, 50),
                Paging.integer("offset", offset, 0, Integer.MAX_VALUE, 0));
    }

    @POST
    @Path("{id}/deliveries/{delivery_id}/redeliver")
    public Response redeliver(@PathParam("id") String id, @PathParam("delivery_id") String deliveryId,
            @Context ContainerRequestContext request) {
        return Response.status(202).entity(webhooks.redeliver(caller(request), id, deliveryId)).build();
    }

    @POST
    @Path("{id}/test")
    public Map<String, Object> test(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return webhooks.test(caller(request), id);
    }

    @POST
    @Path("{id}/rotate-secret")
    public Map<String, Object> rotateSecret(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return webhooks.rotateSecret(caller(request), id);
    }
}
