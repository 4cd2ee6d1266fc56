package io.snackbase.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Job payloads as JSON text in the database and as mutable maps in a {@link io.snackbase.api.jobs.Job}. */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private Payloads() {}

    /**
     * @throws IllegalArgumentException when the payload holds something that is not JSON-serialisable
     */
    public static String toJson(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The job payload is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** @return a fresh mutable map per call, so that a handler changing it affects no retry */
    public static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored job payload is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
