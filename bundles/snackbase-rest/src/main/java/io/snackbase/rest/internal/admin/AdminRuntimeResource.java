package io.snackbase.rest.internal.admin;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.api.runtime.RegistrationSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * <p>Until authentication exists it is served to loopback clients only (the same data is on the
 * Web Console page, behind the console's credentials); the authentication issue replaces the
 * check with "superadmin only".
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
    public Map<String, Object> runtime(@Context HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr())) {
            throw ApiException.forbidden("The runtime report is served to local clients only");
        }
        return RuntimeReport.of(List.copyOf(sources));
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            return InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
