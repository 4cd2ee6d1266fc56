package io.snackbase.rest.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.snackbase.rest.internal.InMemoryServer;
import io.snackbase.rest.internal.InMemoryServer.Result;
import io.snackbase.rest.internal.TestResource;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of failure, raised inside real Jersey, comes out as the canonical JSON envelope. */
class ErrorMappingTest {

    private static InMemoryServer server;

    @BeforeAll
    static void start() {
        server = new InMemoryServer(TestResource.class);
    }

    @Test
    void apiExceptionKeepsStatusLabelAndExtras() {
        Result result = server.get("/test/api");
        assertEnvelope(result, 409, "Conflict", "Collection 'posts' already exists");
        assertThat(result.json().get("field").asText()).isEqualTo("name");
    }

    @Test
    void apiExceptionWrappedInAnotherExceptionIsStillItself() {
        assertEnvelope(server.get("/test/api-wrapped"), 403, "Forbidden", "Superadmin access required");
    }

    @Test
    void unknownRouteIs404WithMethodAndPath() {
        assertEnvelope(server.get("/nothing/here"), 404, "Not Found", "Not found: GET /nothing/here");
    }

    @Test
    void resourceNotFoundKeepsItsOwnMessage() {
        assertEnvelope(server.get("/test/gone"), 404, "Not Found", "Collection 'x' not found");
    }

    @Test
    void wrongMethodIs405AndKeepsAllow() {
        Result result = server.call("DELETE", "/test/api", Map.of(), null);
        assertEnvelope(result, 405, "Method Not Allowed", "Method not allowed: DELETE /test/api");
        assertThat(result.header("Allow")).contains("GET");
    }

    @Test
    void wrongContentTypeIs415() {
        Result result = server.call("POST", "/test/items", Map.of("Content-Type", "text/plain"), "x");
        assertEnvelope(result, 415, "Unsupported Media Type", "Unsupported media type: text/plain");
    }

    @Test
    void unacceptableAcceptIs406() {
        Result result = server.call("GET", "/test/api", Map.of("Accept", "application/xml"), null);
        assertEnvelope(result, 406, "Not Acceptable",
                "Not acceptable: no representation matches Accept application/xml");
    }

    @Test
    void serverWebApplicationExceptionHidesItsMessageAndKeepsRetryAfter() {
        Result result = server.get("/test/unavailable");
        assertEnvelope(result, 503, "Service Unavailable", "Service Unavailable");
        assertThat(result.body()).doesNotContain("db-secret");
        assertThat(result.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void malformedJsonIs422WithFieldErrorsAndDetails() {
        Result result = post("{\"name\": ");
        JsonNode body = result.json();
        String message = body.get("message").asText();
        assertEnvelope(result, 422, "Validation error", message);
        assertThat(message).startsWith("Malformed JSON body: ").doesNotContain("\tat ", "Exception");
        assertThat(body.get("field").asText()).isEqualTo("body");
        assertThat(body.at("/errors/body/0").asText()).isEqualTo(message);
        assertThat(body.at("/details/0/field").asText()).isEqualTo("body");
        assertThat(body.at("/details/0/message").asText()).isEqualTo(message);
        assertThat(body.at("/details/0/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void wronglyTypedFieldIs422() {
        Result result = post("{\"name\": \"a\", \"count\": \"many\"}");
        assertEnvelope(result, 422, "Validation error", result.json().get("message").asText());
        assertThat(result.json().get("message").asText()).contains("Malformed JSON body");
    }

    @Test
    void unknownFieldsAreIgnored() {
        Result result = post("{\"name\": \"a\", \"count\": 2, \"extra\": true}");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void storageFailureIs503WithoutTheCause() {
        Result result = server.get("/test/storage");
        assertEnvelope(result, 503, "Service Unavailable", "Database unavailable");
        assertThat(result.body()).doesNotContain("db-secret", "jdbc");
    }

    @Test
    void unexpectedFailureIs500WithCorrelationIdAndNoInternals() {
        Result result = server.get("/test/boom");
        assertEnvelope(result, 500, "Internal server error", "An unexpected error occurred");
        assertThat(result.json().get("correlation_id").asText())
                .isEqualTo(result.header("X-Correlation-ID"));
        assertThat(result.body()).doesNotContain("secret", "IllegalStateException", "\tat ", "TestResource");
    }

    @Test
    void responseThatCannotBeSerialisedIsAServerFaultNotAValidationError() {
        Result result = server.get("/test/opaque");
        assertThat(result.status()).isEqualTo(500);
        assertThat(result.json().get("error").asText()).isEqualTo("Internal server error");
    }

    private static Result post(String json) {
        return server.call("POST", "/test/items", Map.of("Content-Type", "application/json"), json);
    }

    private static void assertEnvelope(Result result, int status, String error, String message) {
        assertThat(result.status()).as(result.body()).isEqualTo(status);
        assertThat(result.header("Content-Type")).startsWith("application/json");
        JsonNode body = result.json();
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(body.get("detail").isTextual()).as("detail is a string").isTrue();
        assertThat(body.get("detail").asText()).isEqualTo(message);
        assertThat(result.header("X-Correlation-ID")).isNotBlank();
    }
}
