package io.snackbase.api.collections;

import java.util.Locale;
import java.util.Optional;

/**
 * The type of a collection field, with its wire name (the lower-case {@code type} of a field
 * definition).
 */
public enum FieldType {
    /** Free text. */
    TEXT,
    /** A JSON number (integer or float), stored as a double. */
    NUMBER,
    /** A JSON boolean. */
    BOOLEAN,
    /** An ISO-8601 instant. */
    DATETIME,
    /** A calendar date {@code YYYY-MM-DD}. */
    DATE,
    /** An email address. */
    EMAIL,
    /** An http(s) URL. */
    URL,
    /** Any JSON value. */
    JSON,
    /** The id of a record of another (or the same) collection, in the same account. */
    REFERENCE,
    /** File metadata ({@code filename, size, mime_type, path}) stored as JSON text. */
    FILE,
    /** A virtual field computed on read from an expression; it has no column. */
    COMPUTED;

    /** @return the wire name, e.g. {@code "text"} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param wireName a type name in any case
     * @return the type, or empty when the name is not a field type
     */
    public static Optional<FieldType> of(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        for (FieldType t : values()) {
            if (t.wireName().equals(wireName.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
