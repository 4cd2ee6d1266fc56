package io.snackbase.rest.internal.errors;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.rest.internal.Whiteboard;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders an {@link ApiException} thrown by any bundle as its own status and envelope. */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(ApiException e) {
        return respond(e);
    }

    static Response respond(ApiException e) {
        if (e.status() >= 500) {
            // a bundle chose a server status on purpose; keep the trace for whoever is paged
            LOG.warn("Request failed with {} {}: {}", e.status(), e.error(), e.getMessage(), e);
        } else {
            LOG.debug("Request rejected with {} {}: {}", e.status(), e.error(), e.getMessage());
        }
        return ErrorResponses.of(e);
    }
}
