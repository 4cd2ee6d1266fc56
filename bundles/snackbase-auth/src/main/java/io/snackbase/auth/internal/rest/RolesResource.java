package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.rest.AuthResource.caller;

import io.snackbase.api.rest.RestConstants;
import io.snackbase.auth.internal.AuthServices;
import io.snackbase.api.errors.ApiException;
import io.snackbase.auth.internal.core.Problems;
import io.snackbase.auth.internal.service.AuthStore;
import io.snackbase.auth.internal.service.RoleAdmin;
import io.snackbase.auth.internal.service.Views;
import io.snackbase.request.support.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import io.snackbase.api.rules.RuleEngine;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/v1/roles}: superadmin administration of the global roles, and the SDK's permission
 * calls answered truthfully: no per-role permissions exist, collection rules replaced them.
 */
@Component(service = RolesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RolesResource {

    static final String NO_PERMISSIONS = "Per-role permissions are replaced by collection rules";

    private final AuthStore store;
    private final RoleAdmin admin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile RuleEngine rules;

    @Activate
    public RolesResource(@Reference AuthServices auth) {
        this(auth.store);
    }

    RolesResource(AuthStore store) {
        this.store = store;
        this.admin = new RoleAdmin(store);
    }

    /** For tests. */
    void setRules(RuleEngine rules) {
        this.rules = rules;
    }

    @POST
    @Path("validate-rule")
    public Map<String, Object> validateRule(Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        return RoleRuleChecks.validate(engine(), Body.of(json).text("rule"));
    }

    @POST
    @Path("test-rule")
    @SuppressWarnings("unchecked")
    public Map<String, Object> testRule(Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Body body = Body.of(json);
        Object context = body.raw("context");
        if (context != null && !(context instanceof Map)) {
            throw Problems.shape("context", "value must be an object");
        }
        return RoleRuleChecks.test(engine(), body.text("rule"), (Map<String, Object>) context);
    }

    private RuleEngine engine() {
        RuleEngine engine = rules;
        if (engine == null) {
            throw new ApiException(503, "Service Unavailable", "The rule engine is not available");
        }
        return engine;
    }

    @GET
    public Map<String, Object> list(@Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        List<Map<String, Object>> items = store.roles.all().stream().map(Views::role).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", items.size());
        return body;
    }

    @POST
    public Response create(Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Body b = Body.of(json);
        String name = RoleAdmin.checkName(b.text("name"));
        String description = RoleAdmin.checkDescription(b.text("description"));
        return Response.status(201).entity(Views.role(admin.create(name, description))).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        return Views.role(admin.require(roleId(id)));
    }

    /** {@code name} may be left out (the SDK's RoleUpdate makes it optional); an absent description is kept, a null one cleared. */
    @PUT
    @Path("{id}")
    public Map<String, Object> update(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        int roleId = roleId(id);
        Body b = Body.of(json);
        String name = b.text("name") == null ? null : RoleAdmin.checkName(b.text("name"));
        String description = RoleAdmin.checkDescription(b.text("description"));
        return Views.role(admin.update(roleId, name, b.has("description"), description));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        admin.delete(roleId(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/permissions")
    public List<Object> permissions(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        admin.require(roleId(id));
        return List.of();
    }

    @GET
    @Path("{id}/permissions/matrix")
    public Map<String, Object> matrix(@PathParam("id") String id, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", Views.role(admin.require(roleId(id))));
        body.put("collections", List.of());
        return body;
    }

    /** Nothing is applied: every update is reported as failed, with the reason. */
    @PUT
    @Path("{id}/permissions/bulk")
    public Map<String, Object> bulk(@PathParam("id") String id, Map<String, Object> json, @Context ContainerRequestContext request) {
        caller(request).requireSuperadmin();
        int roleId = roleId(id);
        Object updates = Body.of(json).raw("updates");
        if (updates == null) {
            throw Problems.required("updates");
        }
        if (!(updates instanceof List<?> list)) {
            throw Problems.shape("updates", "Input should be a valid list");
        }
        admin.require(roleId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success_count", 0);
        body.put("failure_count", list.size());
        body.put("errors", Collections.nCopies(list.size(), NO_PERMISSIONS));
        return body;
    }

    private static int roleId(String text) {
        return Paging.integer("role_id", text, Integer.MIN_VALUE, Integer.MAX_VALUE, 0);
    }
}
