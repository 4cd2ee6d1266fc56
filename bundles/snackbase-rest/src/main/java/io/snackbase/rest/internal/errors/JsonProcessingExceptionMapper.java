package io.snackbase.rest.internal.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.rest.internal.Whiteboard;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request body that Jackson cannot read with 422 "Malformed JSON body", and a Jackson
 * failure on the server side (writing, broken DTO) with the plain 500.
 */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
@Priority(JsonProcessingExceptionMapper.PRIORITY)
public class JsonProcessingExceptionMapper extends RequestAwareMapper
        implements ExceptionMapper<JsonProcessingException> {

    /**
     * Jersey auto-discovers its JacksonFeature, which registers its own mappers for
     * JsonParseException and JsonMappingException (400, plain text). Jersey prefers the closest
     * mapper and, at equal distance, the lower priority value; ours map the same types at a
     * lower value, so they win whatever order the whiteboard registers things in.
     */
    static final int PRIORITY = Priorities.USER - 100;

    private static final Logger LOG = LoggerFactory.getLogger(JsonProcessingExceptionMapper.class);

    @Override
    public Response toResponse(JsonProcessingException e) {
        return respond(e, correlationId());
    }

    static Response respond(JsonProcessingException e, String correlationId) {
        if (!JsonErrors.isClientInput(e)) {
            return UnexpectedExceptionMapper.unexpected(e, correlationId);
        }
        LOG.debug("Malformed JSON body: {}", e.getOriginalMessage());
        return ErrorResponses.of(JsonErrors.malformedBody(e));
    }
}
