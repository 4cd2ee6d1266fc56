package io.snackbase.sample.rest;

import io.snackbase.api.rest.RestConstants;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * A plugin's REST resource, served at {@code /api/v1/sample} while this bundle is in
 * {@code plugins/}; the integration tests use it to prove hot deployment.
 */
@Component(service = SampleResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(RestConstants.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Path("sample")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

    /** The answer: which plugin spoke, and what it said. */
    public record Greeting(String plugin, String message) {}

    /** @return {"plugin":"sample","message":"hello from a plugin"} */
    @GET
    public Greeting hello() {
        return new Greeting("sample", "hello from a plugin");
    }
}
