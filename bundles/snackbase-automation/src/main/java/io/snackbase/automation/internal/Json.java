package io.snackbase.automation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The JSON columns (trigger, actions, execution context) and template values, written and read with one mapper. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** @return the value as JSON text */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the JSON object text as a map, or null for null text */
    public static Map<String, Object> object(String text) {
        return text == null ? null : read(text, new TypeReference<Map<String, Object>>() {});
    }

    /** @return the JSON array of objects as a list */
    public static List<Map<String, Object>> objects(String text) {
        return text == null ? List.of() : read(text, new TypeReference<List<Map<String, Object>>>() {});
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
