package io.snackbase.rest.internal.errors;

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
 * Answers a database failure with 503 "Database unavailable" (retryable for the client) and
 * keeps the cause, which may name hosts and SQL, in the log only.
 */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@JakartarsExtensionSelect(RestConstants.JSON_EXTENSION_SELECT)
public class StorageExceptionMapper extends RequestAwareMapper implements ExceptionMapper<StorageException> {

    private static final Logger LOG = LoggerFactory.getLogger(StorageExceptionMapper.class);

    @Override
    public Response toResponse(StorageException e) {
        return respond(e, correlationId());
    }

    static Response respond(StorageException e, String correlationId) {
        LOG.error("Database failure [correlation_id={}]", correlationId, e);
        return ErrorResponses.databaseUnavailable();
    }
}
