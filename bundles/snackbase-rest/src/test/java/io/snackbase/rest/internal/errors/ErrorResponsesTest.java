package io.snackbase.rest.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope's fixed fields, extras and content type. */
class ErrorResponsesTest {

    @Test
    void apiExceptionBecomesEnvelopeWithExtrasAfterFixedFields() {
        Response response = ErrorResponses.of(ApiException.validation(List.of(
                new FieldError("email", "Email is required", "required"),
                new FieldError("email", "Email is invalid", "format"))));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertThat(body.keySet()).containsExactly("error", "message", "detail", "field", "errors", "details");
        assertThat(body.get("detail")).isEqualTo("Email is required");
        assertThat(body.get("errors")).isEqualTo(Map.of("email", List.of("Email is required", "Email is invalid")));
    }

    @Test
    void extrasCannotReplaceTheFixedFields() {
        Map<?, ?> body = (Map<?, ?>) ErrorResponses.envelope(400, "Bad Request", "text",
                Map.of("detail", List.of("not a string"))).build().getEntity();
        assertThat(body.get("detail")).isEqualTo("text");
    }

    @Test
    void unexpectedCarriesOnlyTheGenericTextAndTheCorrelationId() {
        Response response = ErrorResponses.unexpected("cid_0123456789ab");
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity()).isEqualTo(Map.of("error", "Internal server error",
                "message", "An unexpected error occurred", "detail", "An unexpected error occurred",
                "correlation_id", "cid_0123456789ab"));
    }

    @Test
    void databaseUnavailableIs503() {
        Response response = ErrorResponses.databaseUnavailable();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getEntity()).isEqualTo(Map.of("error", "Service Unavailable",
                "message", "Database unavailable", "detail", "Database unavailable"));
    }
}
