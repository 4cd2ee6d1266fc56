package io.snackbase.rest.internal.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rest.RestConstants;
import io.snackbase.api.storage.StorageException;
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

/**
 * The last resort for any other throwable: a known error wrapped in another exception is still
 * answered as itself, everything else becomes the generic 500 with a correlation id, and its
 * stack trace goes to the log only.
 */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
public class UnexpectedExceptionMapper extends RequestAwareMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    // deep enough for Jersey's and MyBatis' wrappers, bounded against cause cycles
    private static final int MAX_CAUSE_DEPTH = 16;

    @Override
    public Response toResponse(Throwable e) {
        // Jersey and transaction code wrap exceptions; a client error must not turn into a 5xx
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (cause instanceof ApiException api) {
                return ApiExceptionMapper.respond(api);
            }
            if (cause instanceof JsonProcessingException json && JsonErrors.isClientInput(json)) {
                return JsonProcessingExceptionMapper.respond(json, correlationId());
            }
            if (cause instanceof StorageException storage) {
                return StorageExceptionMapper.respond(storage, correlationId());
            }
            cause = cause.getCause();
        }
        return unexpected(e, correlationId());
    }

    static Response unexpected(Throwable e, String correlationId) {
        LOG.error("Unexpected error [correlation_id={}]", correlationId, e);
        return ErrorResponses.unexpected(correlationId);
    }
}
