package io.snackbase.api.rules;

import java.util.Locale;

/**
 * The type of a field as far as expressions care: it decides which operators a filter or rule may
 * apply to the field (domain.md §3.5) and how literals compared with it are bound.
 */
public enum FieldType {
    TEXT, NUMBER, INTEGER, BOOLEAN, DATE, DATETIME, JSON, REFERENCE, EMAIL, URL, FILE, COMPUTED,
    /** Any type name this enum does not know; treated like text, as the reference server does. */
    UNKNOWN;

    /**
     * @param name a collection field type as stored in the schema ({@code "text"}, {@code "number"},
     *     ...), any case
     * @return the type, {@link #UNKNOWN} for a name not listed (never null)
     */
    public static FieldType of(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** @return the lower-case name used in messages ({@code "boolean"}) */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
