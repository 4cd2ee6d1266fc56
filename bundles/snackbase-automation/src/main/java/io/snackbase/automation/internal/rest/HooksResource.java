package io.snackbase.automation.internal.rest;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.automation.internal.AutomationServices;
import io.snackbase.automation.internal.HookService;
import io.snackbase.request.support.InputErrors;
import io.snackbase.request.support.Paging;
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
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code /api/v1/hooks} (hooks.md): any authenticated user, on the hooks of their own account only. */
@Component(service = HooksResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("hooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HooksResource {

    static final int MAX_LIMIT = 200;
    static final int DEFAULT_LIMIT = 50;

    private final HookService hooks;

    @Activate
    public HooksResource(@Reference AutomationServices services) {
        this(services.hooks);
    }

    public HooksResource(HookService hooks) {
        this.hooks = hooks;
    }

    private static RequestContext caller(ContainerRequestContext request) {
        return RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).requireUser();
    }

    @POST
    public Response create(Map<String, Object> body, @Context ContainerRequestContext request) {
        RequestContext caller = caller(request);
        return Response.status(201).entity(hooks.create(caller, body)).build();
    }

    @GET
    public Map<String, Object> list(@QueryParam("trigger_type") String triggerType, @QueryParam("enabled") String enabled,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context ContainerRequestContext request) {
        RequestContext caller = caller(request);
        if (triggerType != null && !HookService.triggerTypes().contains(triggerType)) {
            throw InputErrors.shape("trigger_type", "Input should be 'schedule', 'event' or 'manual'");
        }
        return hooks.list(caller, triggerType, Paging.bool("enabled", enabled),
                Paging.integer("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT), Paging.integer("offset", offset, 0, Integer.MAX_VALUE, 0));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return hooks.get(caller(request), id);
    }

    @PATCH
    @Path("{id}")
    public Map<String, Object> patch(@PathParam("id") String id, Map<String, Object> body, @Context ContainerRequestContext request) {
        return hooks.patch(caller(request), id, body);
    }

    @PATCH
    @Path("{id}/toggle")
    public Map<String, Object> toggle(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return hooks.toggle(caller(request), id);
    }

    @POST
    @Path("{id}/trigger")
    public Response trigger(@PathParam("id") String id, @Context ContainerRequestContext request) {
        RequestContext caller = caller(request);
        return Response.status(202).entity(hooks.trigger(caller, id)).build();
    }

    @GET
    @Path("{id}/executions")
    public Map<String, Object> executions(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset, @Context ContainerRequestContext request) {
        RequestContext caller = caller(request);
        return hooks.executions(caller, id, Paging.integer("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT),
                Paging.integer("offset", offset, 0, Integer.MAX_VALUE, 0));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        hooks.delete(caller(request), id);
        return Response.noContent().build();
    }
}
