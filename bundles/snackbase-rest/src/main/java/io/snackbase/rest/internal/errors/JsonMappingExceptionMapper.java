package io.snackbase.rest.internal.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.rest.internal.Whiteboard;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;

/**
 * Takes {@link JsonMappingException} away from the mapper Jersey's auto-discovered JacksonFeature
 * registers for it, and answers it like any other Jackson error.
 */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Priority(JsonProcessingExceptionMapper.PRIORITY)
public class JsonMappingExceptionMapper extends RequestAwareMapper implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException e) {
        return JsonProcessingExceptionMapper.respond(e, correlationId());
    }
}
