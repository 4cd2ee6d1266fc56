package io.snackbase.rest.internal.errors;

import io.snackbase.rest.internal.filters.CorrelationIds;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Gives an exception mapper the current request's correlation id, for the log line and the body.
 *
 * <p>Subclasses are registered with prototype scope: the whiteboard then gives each application
 * its own instance, so the injected request proxy belongs to the application that uses it.
 */
abstract class RequestAwareMapper {

    @Context
    HttpHeaders headers;

    /** @return the id the correlation filter assigned to the current request */
    String correlationId() {
        return CorrelationIds.current(headers);
    }
}
