package io.snackbase.rest.internal.errors;

import io.snackbase.api.errors.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the canonical error envelope {@code {"error", "message", "detail", ...extras}} as a
 * JSON response; every error answer of the API goes through here.
 */
public final class ErrorResponses {

    /** The message of every 500; the cause stays in the log, never in the body. */
    public static final String UNEXPECTED_MESSAGE = "An unexpected error occurred";

    private ErrorResponses() {}

    /**
     * @param status the HTTP status
     * @param error the short label
     * @param message the human text, also sent as {@code detail}
     * @param extras further fields, written after the fixed three; must not reuse their names
     * @return a response builder with the envelope as an application/json entity
     */
    public static Response.ResponseBuilder envelope(int status, String error, String message,
            Map<String, ?> extras) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        // the SDK reads detail first and crashes on anything but a string
        body.put("detail", message);
        extras.forEach(body::putIfAbsent);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * @param e an error thrown by a SnackBase bundle
     * @return its status and envelope
     */
    public static Response of(ApiException e) {
        Response.ResponseBuilder response = envelope(e.status(), e.error(), e.getMessage(), e.extras());
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        // the SDK reads Retry-After first and the body's retryAfter second; send both
        Object retryAfter = e.extras().get("retryAfter");
        if (e.status() == 429 && retryAfter != null) {
            response.header("Retry-After", retryAfter.toString());
        }
        return response.build();
    }

    /** @return the 503 sent while the database cannot be used */
    public static Response databaseUnavailable() {
        return envelope(503, "Service Unavailable", "Database unavailable", Map.of()).build();
    }

    /**
     * @param correlationId the request's id, which the logged stack trace also carries
     * @return the 500 sent for any failure nothing else explains
     */
    public static Response unexpected(String correlationId) {
        return envelope(500, "Internal server error", UNEXPECTED_MESSAGE,
                Map.of("correlation_id", correlationId)).build();
    }
}
