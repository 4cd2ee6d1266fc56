package io.snackbase.rest.internal;

import io.snackbase.api.rest.RestConstants;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * The SnackBase API application on the whiteboard, served under {@code /api/v1}; its resources
 * and extensions come from other services that select it by name.
 */
@Component(service = Application.class)
@JakartarsApplicationBase(RestConstants.APPLICATION_BASE)
@JakartarsName(RestConstants.APPLICATION_NAME)
public class SnackbaseApplication extends Application {

    /**
     * Jersey's WADL feature needs a JAXB implementation that the runtime does not ship; without
     * this it logs a warning on every application reload (plugins come and go at runtime).
     */
    private static final Map<String, Object> PROPERTIES =
            Map.of("jersey.config.server.wadl.disableWadl", Boolean.TRUE);

    @Override
    public Map<String, Object> getProperties() {
        return PROPERTIES;
    }
}
