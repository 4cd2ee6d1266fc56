package io.snackbase.records.internal.rest;

import io.snackbase.records.internal.core.Problems;
import java.util.Map;

/** A JSON request body read field by field, with a 422 naming the field for a value of the wrong type. */
final class Body {

    private final Map<String, Object> values;

    private Body(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** @return the body; an absent body reads as empty */
    static Body of(Map<String, Object> values) {
        return new Body(values);
    }

    /** @return the string value, or null when absent or null */
    String text(String field) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw Problems.shape(field, "value must be a string");
        }
        return s;
    }

    /** @return the raw value */
    Object raw(String field) {
        return values.get(field);
    }

    /** @return the field list: {@code fields} (what the SDK sends), else {@code schema}; 422 when neither is there */
    Object fields() {
        Object fields = values.get("fields") != null ? values.get("fields") : values.get("schema");
        if (fields == null) {
            throw Problems.required("schema");
        }
        return fields;
    }

    /** @return the whole body */
    Map<String, Object> all() {
        return values;
    }
}
