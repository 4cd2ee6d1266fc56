package io.snackbase.records.internal.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keyset cursor tokens (records.md §4, discrepancies #42): URL-safe base64 with padding of the
 * compact JSON {@code {"sort_value":<v>,"id":"<id>"}}. The sort value is the stored form of the
 * sort column (datetime and {@code created_at}/{@code updated_at}: epoch microseconds; number: a
 * JSON number; boolean: true/false; text-like: the string), so that it binds back unchanged.
 */
public final class Cursors {

    /** A decoded position: the sort column's value (may be null) and the record id. */
    public record Key(Object sortValue, String id) {}

    /** The kind of value a sort column holds; json and file columns have no cursor. */
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, NONE }

    private Cursors() {}

    static Kind kind(CollectionDefinition def, String column) {
        switch (column) {
            case "id", "created_by", "updated_by", "account_id":
                return Kind.STRING;
            case "created_at", "updated_at":
                return Kind.INTEGER;
            default:
                break;
        }
        FieldDefinition f = def.field(column).orElse(null);
        if (f == null) {
            return Kind.NONE;
        }
        FieldType type = f.type();
        return switch (type) {
            case NUMBER -> Kind.NUMBER;
            case DATETIME -> Kind.INTEGER;
            case BOOLEAN -> Kind.BOOLEAN;
            case TEXT, EMAIL, URL, DATE, REFERENCE -> Kind.STRING;
            default -> Kind.NONE;
        };
    }

    /** @return whether cursor paging can sort on the column */
    static boolean supported(CollectionDefinition def, String column) {
        return kind(def, column) != Kind.NONE;
    }

    /** @return the token of a stored row for the sort column */
    static String encode(CollectionDefinition def, String column, Map<String, Object> row) {
        Object raw = row.get(column);
        Object value = raw == null ? null : switch (kind(def, column)) {
            case INTEGER -> ((Number) raw).longValue();
            case NUMBER -> raw instanceof Number n ? n.doubleValue() : Double.valueOf(raw.toString());
            case BOOLEAN -> RecordValues.json(FieldType.BOOLEAN, raw);
            default -> raw.toString();
        };
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sort_value", value);
        json.put("id", row.get("id"));
        try {
            return Base64.getUrlEncoder().encodeToString(RecordValues.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param param {@code cursor} or {@code cursor_before} (names the error)
     * @return the position, or null for an empty token (start at the first, or for
     *     {@code cursor_before} the last, page)
     * @throws ApiException 400 {@code Invalid cursor} / {@code Invalid cursor_before} when the
     *     token does not decode or its value does not fit the sort column
     */
    static Key decode(CollectionDefinition def, String column, String token, String param) {
        if (token == null || token.isBlank()) {
            return null;
        }
        Map<?, ?> json;
        try {
            Object parsed = RecordValues.JSON.readValue(Base64.getUrlDecoder().decode(token.strip().getBytes(StandardCharsets.US_ASCII)),
                    Object.class);
            if (!(parsed instanceof Map<?, ?> m)) {
                throw invalid(param);
            }
            json = m;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid(param);
        }
        if (!(json.get("id") instanceof String id) || id.isEmpty() || !json.containsKey("sort_value")) {
            throw invalid(param);
        }
        Object v = json.get("sort_value");
        if (v == null) {
            return new Key(null, id);
        }
        Object value = switch (kind(def, column)) {
            case STRING -> v instanceof String s ? s : null;
            case INTEGER -> v instanceof Integer || v instanceof Long ? (Object) ((Number) v).longValue() : null;
            case NUMBER -> v instanceof Number n && !(v instanceof java.math.BigInteger) ? (Object) n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean b ? b : null;
            case NONE -> null;
        };
        if (value == null) {
            throw invalid(param);
        }
        return new Key(value, id);
    }

    private static ApiException invalid(String param) {
        return new ApiException(400, "cursor".equals(param) ? "Invalid cursor" : "Invalid cursor_before",
                "The " + param + " token is malformed or does not belong to this sort order");
    }
}
