package io.snackbase.records.internal.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyset cursor tokens (records.md §4, discrepancies #42): URL-safe base64 with padding of the
 * compact JSON {@code {"sort_value":<v>,"id":"<id>"}} for a one-field sort, and of
 * {@code {"sort_value":[<v1>,<v2>,...],"id":"<id>"}} (one value per sort field, in order) for a
 * sort on several fields. Values are the stored form of the sort column (datetime and
 * {@code created_at}/{@code updated_at}: epoch microseconds; number: a JSON number; boolean:
 * true/false; text-like: the string; computed fields: by their {@code return_type}), so that they
 * bind back unchanged.
 */
public final class Cursors {

    /** A decoded position: the sort columns' values (in sort order, each may be null) and the record id. */
    public record Key(List<Object> values, String id) {}

    /** The kind of value a sort column holds; json, file and encrypted columns have no cursor. */
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
        if (f == null || f.encrypted()) {
            return Kind.NONE;
        }
        FieldType type = f.type() == FieldType.COMPUTED ? (f.returnType() == null ? FieldType.TEXT : f.returnType()) : f.type();
        return switch (type) {
            case NUMBER -> Kind.NUMBER;
            case DATETIME -> Kind.INTEGER;
            case BOOLEAN -> Kind.BOOLEAN;
            case TEXT, EMAIL, URL, DATE, REFERENCE -> Kind.STRING;
            default -> Kind.NONE;
        };
    }

    /** @return whether cursor paging can sort on every one of the columns */
    static boolean supported(CollectionDefinition def, List<RecordStore.Order> sort) {
        return sort.stream().allMatch(o -> kind(def, o.column()) != Kind.NONE);
    }

    /** @return the token of a stored row for the sort */
    static String encode(CollectionDefinition def, List<RecordStore.Order> sort, Map<String, Object> row) {
        List<Object> values = new ArrayList<>();
        for (RecordStore.Order o : sort) {
            values.add(stored(kind(def, o.column()), row.get(o.column())));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sort_value", values.size() == 1 ? values.get(0) : values);
        json.put("id", row.get("id"));
        try {
            return Base64.getUrlEncoder().encodeToString(RecordValues.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object stored(Kind kind, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (kind) {
            case INTEGER -> raw instanceof Number n ? n.longValue() : Long.valueOf(raw.toString());
            case NUMBER -> raw instanceof Number n ? n.doubleValue() : Double.valueOf(raw.toString());
            // SQLite and MariaDB hand booleans (and boolean expressions) back as 0/1
            case BOOLEAN -> raw instanceof Boolean b ? b : raw instanceof Number n ? n.doubleValue() != 0 : Boolean.valueOf(raw.toString());
            default -> raw.toString();
        };
    }

    /**
     * @param param {@code cursor} or {@code cursor_before} (names the error)
     * @return the position, or null for an empty token (start at the first, or for
     *     {@code cursor_before} the last, page)
     * @throws ApiException 400 {@code Invalid cursor} / {@code Invalid cursor_before} when the
     *     token does not decode, has another number of sort values than the sort has fields, or
     *     holds a value that does not fit its sort column
     */
    static Key decode(CollectionDefinition def, List<RecordStore.Order> sort, String token, String param) {
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
        List<?> raw;
        if (sort.size() == 1) {
            if (v instanceof List<?>) {
                throw invalid(param);
            }
            raw = java.util.Collections.singletonList(v);
        } else if (v instanceof List<?> l && l.size() == sort.size()) {
            raw = l;
        } else {
            throw invalid(param);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            values.add(typed(kind(def, sort.get(i).column()), raw.get(i), param));
        }
        return new Key(values, id);
    }

    private static Object typed(Kind kind, Object v, String param) {
        if (v == null) {
            return null;
        }
        Object value = switch (kind) {
            case STRING -> v instanceof String s ? s : null;
            case INTEGER -> v instanceof Integer || v instanceof Long ? (Object) ((Number) v).longValue() : null;
            case NUMBER -> v instanceof Number n && !(v instanceof java.math.BigInteger) ? (Object) n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean b ? b : null;
            case NONE -> null;
        };
        if (value == null) {
            throw invalid(param);
        }
        return value;
    }

    static ApiException invalid(String param) {
        return new ApiException(400, "cursor".equals(param) ? "Invalid cursor" : "Invalid cursor_before",
                "The " + param + " token is malformed or does not belong to this sort order");
    }
}
