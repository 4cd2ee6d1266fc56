package io.snackbase.rest.internal.admin;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.api.runtime.RegistrationSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code GET /api/v1/admin/runtime}: what every extension registry has seen (action types, hook
 * handlers, endpoint and job handlers), with state and reason.
 *
 * <p>Superadmins only (the same data is on the Web Console page, behind the console's
 * credentials).
 */
@Component(service = AdminRuntimeResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("admin/runtime")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRuntimeResource {

    private final List<RegistrationSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addSource(RegistrationSource source) {
        sources.add(source);
    }

    void removeSource(RegistrationSource source) {
        sources.remove(source);
    }

    /** @return the registrations of every registry, grouped by kind */
    @GET
    public Map<String, Object> runtime(@Context ContainerRequestContext request) {
        RequestAuthentication.of(request.getProperty(RequestAuthentication.PROPERTY)).requireSuperadmin();
        return RuntimeReport.of(List.copyOf(sources));
    }
}
