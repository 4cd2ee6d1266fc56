package io.snackbase.webhooks.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON text of the stored payloads and headers, and the API's timestamp form, for the whole bundle. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Json() {}

    /** @return the JSON text of a value (maps keep their order) */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the object of a JSON text, keys in order; null for null text */
    public static Map<String, Object> object(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not an object: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the string map of a JSON text; null for null text */
    public static Map<String, String> strings(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored headers are not a string map: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the API's timestamp text ({@code YYYY-MM-DDTHH:MM:SS.ffffffZ}) of epoch milliseconds, or null */
    public static String iso(Long millis) {
        return millis == null ? null : ISO.format(Instant.ofEpochMilli(millis));
    }
}
