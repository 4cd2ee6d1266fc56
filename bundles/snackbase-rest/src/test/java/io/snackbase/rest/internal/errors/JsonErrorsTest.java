package io.snackbase.rest.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.rest.internal.json.ObjectMappers;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client input errors are told apart from server-side Jackson failures, and worded briefly. */
class JsonErrorsTest {

    private final ObjectMapper mapper = ObjectMappers.create();

    /** A bean Jackson cannot serialise, because it has no properties. */
    static final class Opaque {}

    @Test
    void syntaxErrorIsClientInputWithPosition() {
        JsonProcessingException e = readFails("{\"a\": }");
        assertThat(JsonErrors.isClientInput(e)).isTrue();
        assertThat(JsonErrors.reason(e)).contains("Unexpected character").contains("(line 1, column 7)")
                .doesNotContain("Source:", "\n");
    }

    @Test
    void typeMismatchIsClientInput() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue("{\"n\": \"x\"}", Numbered.class));
        assertThat(JsonErrors.isClientInput(e)).isTrue();
    }

    @Test
    void serialisationFailureIsAServerFault() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.writeValueAsString(new Opaque()));
        assertThat(JsonErrors.isClientInput(e)).isFalse();
    }

    @Test
    void malformedBodyHasTheValidationShape() {
        var error = JsonErrors.malformedBody(readFails("[1,"));
        assertThat(error.status()).isEqualTo(422);
        assertThat(error.error()).isEqualTo("Validation error");
        assertThat(error.getMessage()).startsWith("Malformed JSON body: ");
        assertThat(error.extras()).containsEntry("field", "body")
                .containsEntry("errors", Map.of("body", java.util.List.of(error.getMessage())));
    }

    @Test
    void longReasonsAreCut() {
        String longName = "x".repeat(1000);
        JsonProcessingException e = readFails("{\"" + longName + "\" 1}");
        assertThat(JsonErrors.reason(e).length()).isLessThan(260);
    }

    /** A body with an int field. */
    record Numbered(int n) {}

    private JsonProcessingException readFails(String json) {
        try {
            mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("parsed: " + json);
    }
}
