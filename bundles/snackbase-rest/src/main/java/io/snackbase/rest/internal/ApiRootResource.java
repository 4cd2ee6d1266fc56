package io.snackbase.rest.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.snackbase.api.rest.RestConstants;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code GET /api/v1} (with or without the trailing slash): what this server is. */
@Component(service = ApiRootResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ApiRootResource {

    /** The body: product name, product version and API version. */
    public record ApiRoot(String name, String version, @JsonProperty("api_version") String apiVersion) {}

    private String version;

    @Activate
    void activate(BundleContext context) {
        version = ProductVersion.of(context);
    }

    /** @return the product name and versions */
    @GET
    public ApiRoot root() {
        return new ApiRoot(ProductVersion.SERVICE_NAME, version, "v1");
    }
}
