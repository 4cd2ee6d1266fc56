package io.snackbase.rest.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Builds the one Jackson configuration the HTTP API uses for request and response bodies. */
public final class ObjectMappers {

    private ObjectMappers() {}

    /**
     * Creates the API mapper. No naming strategy is set: DTOs name their snake_case fields
     * themselves, so a plugin's DTO is never renamed behind its author's back.
     *
     * @return a new, fully configured mapper; thread-safe once built
     */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // the contract wants ISO-8601 strings, never epoch numbers
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // the reference server emits null-valued optional fields instead of omitting them
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                // the reference server ignores unknown body fields; the SDK may send extra ones
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
