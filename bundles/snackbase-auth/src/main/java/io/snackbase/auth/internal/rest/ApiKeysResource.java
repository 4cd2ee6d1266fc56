package io.snackbase.auth.internal.rest;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.auth.internal.service.ApiKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/**
 * {@code /api/v1/admin/api-keys}: a superadmin's own API keys (other users' keys are 404). Beyond
 * the contract, creation takes optional {@code scopes} and {@code account_id}, and every body
 * shows them.
 */
@Component(service = ApiKeysResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    private final ApiKeys keys;

    @Activate
    public ApiKeysResource(@Reference AuthServices auth) {
        this(new ApiKeys(auth.store, auth.snackbaseTokens, auth.settings.apiKeysPerUser()));
    }

    /** For tests: the resource over a given service. */
    public ApiKeysResource(ApiKeys keys) {
        this.keys = keys;
    }

    private static Principal superadmin(ContainerRequestContext request) {
        return AuthResource.caller(request).requireSuperadmin().principal();
    }

    @POST
    public Response create(Map<String, Object> json, @Context ContainerRequestContext request) {
        Principal caller = superadmin(request);
        Body body = Body.of(json);
        return Response.status(201).entity(keys.create(caller, body.text("name"), body.text("expires_at"), body.raw("scopes"),
                body.text("account_id"))).build();
    }

    /** The SDK's limit and offset are ignored, as by the reference: a user has at most a few keys. */
    @GET
    public Map<String, Object> list(@Context ContainerRequestContext request) {
        return keys.list(superadmin(request));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        return keys.get(superadmin(request), id);
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context ContainerRequestContext request) {
        keys.revoke(superadmin(request), id);
        return Response.noContent().build();
    }
}
