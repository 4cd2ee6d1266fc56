package io.snackbase.api.config;

/** The JSON type a {@link ConfigProperty}'s value must have. */
public enum ConfigPropertyType {
    /** A JSON string; may contain {@code {{template}}} variables where the extension says so. */
    STRING,
    /** A JSON number. */
    NUMBER,
    /** A JSON boolean. */
    BOOLEAN,
    /** A JSON array. */
    LIST,
    /** A JSON object. */
    MAP
}
