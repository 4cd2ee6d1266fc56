package io.snackbase.api.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that keep every ApiException renderable as the canonical envelope. */
class ApiExceptionTest {

    @Test
    void factoriesSetStatusAndLabel() {
        assertThat(ApiException.notFound("Record not found").status()).isEqualTo(404);
        assertThat(ApiException.notFound("Record not found").error()).isEqualTo("Not Found");
        ApiException conflict = ApiException.conflict("Slug taken", "slug");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.extras()).containsExactly(Map.entry("field", "slug"));
    }

    @Test
    void reservedExtrasAreRejected() {
        assertThatThrownBy(() -> new ApiException(400, "Bad Request", "x", Map.of("detail", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail");
    }

    @Test
    void onlyErrorStatusesAreAccepted() {
        assertThatThrownBy(() -> new ApiException(200, "OK", "fine")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiException(600, "?", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validationGroupsMessagesByFieldAndKeepsOrder() {
        ApiException e = ApiException.validation(List.of(
                new FieldError("name", "Name is required", "required"),
                new FieldError("age", "Age must be positive", "min"),
                new FieldError("name", "Name is too short", "min_length")));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.error()).isEqualTo("Validation error");
        assertThat(e.getMessage()).isEqualTo("Name is required");
        assertThat(e.extras().keySet()).containsExactly("field", "errors", "details");
        assertThat(e.extras().get("field")).isEqualTo("name");
        assertThat(e.extras().get("errors")).isEqualTo(Map.of(
                "name", List.of("Name is required", "Name is too short"), "age", List.of("Age must be positive")));
        assertThat((List<?>) e.extras().get("details")).hasSize(3);
    }

    @Test
    void validationNeedsAProblem() {
        assertThatThrownBy(() -> ApiException.validation(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extrasAreACopy() {
        Map<String, Object> extras = new java.util.HashMap<>(Map.of("field", "a"));
        ApiException e = new ApiException(409, "Conflict", "x", extras);
        extras.put("field", "b");
        assertThat(e.extras().get("field")).isEqualTo("a");
        assertThatThrownBy(() -> e.extras().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }
}
