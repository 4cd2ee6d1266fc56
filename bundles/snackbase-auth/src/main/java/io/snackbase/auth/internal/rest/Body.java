package io.snackbase.auth.internal.rest;

import io.snackbase.auth.internal.core.Problems;
import java.util.Map;

/** A JSON request body read field by field, with a 422 naming the field for a value of the wrong type. */
public final class Body {

    private final Map<String, Object> values;

    private Body(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** @return the body; an absent body reads as empty */
    public static Body of(Map<String, Object> values) {
        return new Body(values);
    }

    /** @return the string value, or null when absent or null */
    public String text(String field) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw Problems.shape(field, "value must be a string");
        }
        return s;
    }

    /** @return the boolean value, or null */
    public Boolean bool(String field) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean b)) {
            throw Problems.shape(field, "value must be a boolean");
        }
        return b;
    }

    /** @return the integer value (a JSON number or a numeric string), or null */
    public Integer integer(String field) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof String s && s.matches("\\d{1,9}")) {
            return Integer.valueOf(s);
        }
        throw Problems.shape(field, "value must be an integer");
    }

    /** @return the raw value */
    public Object raw(String field) {
        return values.get(field);
    }

    /** @return true when the field is present (even as null) */
    public boolean has(String field) {
        return values.containsKey(field);
    }
}
