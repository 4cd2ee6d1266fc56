package io.snackbase.api.errors;

import java.util.Objects;

/**
 * One validation problem of one input field, rendered as
 * {@code {"field": ..., "message": ..., "code": ...}} in the {@code details} list of a
 * validation error body.
 *
 * @param field the offending field name as the client sent it, or "body" for the whole body
 * @param message human text, shown to the end user by the client SDK
 * @param code a stable machine-readable snake_case code, such as "required" or "invalid_json"
 */
public record FieldError(String field, String message, String code) {

    /** Rejects null components, because a null would reach the client as JSON null. */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }
}
