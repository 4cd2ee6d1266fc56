package io.snackbase.records.internal.core;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The contract's error bodies of the collections API that {@link ApiException}'s factories do not make. */
public final class Problems {

    private Problems() {}

    /**
     * Schema validation: 400 {@code {"error":"Validation error","message":"<prefix>: a: m; b: n"}}
     * plus {@code details} [{field, message, code}] (and {@code field}, {@code errors}) for the SDK.
     *
     * @param prefix "Validation failed" (create) or "Schema validation failed" (update)
     */
    public static ApiException validation(String prefix, List<FieldError> problems) {
        String message = prefix + ": " + problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("field", problems.get(0).field());
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (FieldError p : problems) {
            byField.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(p.message());
        }
        extras.put("errors", byField);
        extras.put("details", List.copyOf(problems));
        return new ApiException(400, "Validation error", message, extras);
    }

    /** @return a 422 for one request-shape problem */
    public static ApiException shape(String field, String message) {
        return io.snackbase.request.support.InputErrors.shape(field, message);
    }

    /** @return a 422 for a missing required body field */
    public static ApiException required(String field) {
        return io.snackbase.request.support.InputErrors.required(field);
    }

    /** @return the 404 of an unknown collection id */
    public static ApiException notFound(String id) {
        return ApiException.notFound("Collection with ID '" + id + "' not found");
    }

    /** @return the 409 of a taken name */
    public static ApiException exists(String name) {
        return ApiException.conflict("Collection '" + name + "' already exists", "name");
    }

    /** @return true when the failure (or a cause) is a database unique or foreign-key violation */
    public static boolean isConstraintViolation(Throwable failure) {
        return io.snackbase.request.support.SqlFailures.isConstraintViolation(failure);
    }

    /**
     * @return true when the failure (or a cause) is a value the database cannot compare or convert:
     *     SQL state class 22 (data exception), 42883 (no such operator) or 42804 (datatype mismatch)
     */
    public static boolean isDataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || state.equals("42883") || state.equals("42804")) {
                    return true;
                }
            }
        }
        return false;
    }
}
