package io.snackbase.auth.internal.core;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract's error bodies that {@link ApiException}'s factories do not make. */
public final class Problems {

    private Problems() {}

    /** Domain validation: 400 {@code {"error":"Validation error","details":[...]}}, plus field and errors for the SDK. */
    public static ApiException domain(List<FieldError> problems) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("field", problems.get(0).field());
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (FieldError p : problems) {
            byField.computeIfAbsent(p.field(), f -> new java.util.ArrayList<>()).add(p.message());
        }
        extras.put("errors", byField);
        extras.put("details", List.copyOf(problems));
        return new ApiException(400, "Validation error", problems.get(0).message(), extras);
    }

    /** @return a 422 for one request-shape problem */
    public static ApiException shape(String field, String message) {
        return io.snackbase.request.support.InputErrors.shape(field, message);
    }

    /** @return a 422 for a missing required field */
    public static ApiException required(String field) {
        return io.snackbase.request.support.InputErrors.required(field);
    }

    /** @return 401 "Authentication failed" with the given message (login, refresh) */
    public static ApiException authenticationFailed(String message) {
        return new ApiException(401, "Authentication failed", message);
    }

    /** @return true when the failure (or a cause) is a database unique or foreign-key violation */
    public static boolean isConstraintViolation(Throwable failure) {
        return io.snackbase.request.support.SqlFailures.isConstraintViolation(failure);
    }
}
