package io.snackbase.api.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An error with a known HTTP status and body, thrown by any bundle on a request path and
 * rendered by the REST bundle.
 *
 * <p>The body is {@code {"error": error(), "message": getMessage(), "detail": getMessage(),
 * ...extras()}}, always as {@code application/json}. {@code detail} is always the message
 * string: the client SDK reads a non-string {@code detail} as a crash. Extras are written
 * after the three fixed fields in insertion order; they must be JSON-serialisable (strings,
 * numbers, booleans, lists, maps, records such as {@link FieldError}) and may not use the
 * names "error", "message" or "detail".
 *
 * <p>Use a 4xx status for every failure that repeating the request cannot fix: the client
 * SDK retries every 5xx answer, POSTs included. Instances are immutable and thread-safe.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Set<String> RESERVED = Set.of("error", "message", "detail");

    private final int status;
    private final String error;
    private final transient Map<String, Object> extras;

    /**
     * @param status the HTTP status, 400 to 599
     * @param error the short label, such as "Not Found" or "Validation error"
     * @param message the human text, sent as both {@code message} and {@code detail}
     */
    public ApiException(int status, String error, String message) {
        this(status, error, message, Map.of());
    }

    /**
     * @param status the HTTP status, 400 to 599
     * @param error the short label, such as "Conflict"
     * @param message the human text, sent as both {@code message} and {@code detail}
     * @param extras further body fields, such as {@code field} of a 409; copied
     * @throws IllegalArgumentException if the status is not an error status or an extra uses
     *     a reserved name
     */
    public ApiException(int status, String error, String message, Map<String, ?> extras) {
        super(Objects.requireNonNull(message, "message"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("Not an error status: " + status);
        }
        for (String key : extras.keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("Reserved error body field: " + key);
            }
        }
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /**
     * @param message the human text
     * @return a 400 "Bad Request" error
     */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "Bad Request", message);
    }

    /**
     * @param message the human text; it must not contain "email" or "verify" unless an
     *     unverified email is the cause, because the client SDK reclassifies such 401s
     * @return a 401 "Unauthorized" error
     */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, "Unauthorized", message);
    }

    /**
     * @param message the human text
     * @return a 403 "Forbidden" error
     */
    public static ApiException forbidden(String message) {
        return new ApiException(403, "Forbidden", message);
    }

    /**
     * @param message the human text
     * @return a 404 "Not Found" error
     */
    public static ApiException notFound(String message) {
        return new ApiException(404, "Not Found", message);
    }

    /**
     * @param message the human text
     * @param field the field whose value clashes, sent as body field {@code field}
     * @return a 409 "Conflict" error
     */
    public static ApiException conflict(String message, String field) {
        return new ApiException(409, "Conflict", message, Map.of("field", field));
    }

    /**
     * A request-shape validation error (422): the message is that of the first problem, and
     * the body carries {@code field} (the first field), {@code errors} (field to its messages)
     * and {@code details} (the problems as given).
     *
     * @param problems at least one problem, in the order they were found
     * @return a 422 "Validation error" error
     */
    public static ApiException validation(List<FieldError> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A validation error needs at least one problem");
        }
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (FieldError problem : problems) {
            byField.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(problem.message());
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("field", problems.get(0).field());
        extras.put("errors", byField);
        extras.put("details", List.copyOf(problems));
        return new ApiException(422, "Validation error", problems.get(0).message(), extras);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the short label sent as {@code error} */
    public String error() {
        return error;
    }

    /** @return the further body fields in insertion order; unmodifiable, possibly empty */
    public Map<String, Object> extras() {
        // null only after Java deserialisation, which drops the transient extras
        return extras == null ? Map.of() : extras;
    }
}
