package io.snackbase.hooks.internal;

import io.snackbase.whiteboard.support.ServiceProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The hook-specific reading of whiteboard properties on top of the shared
 * {@link ServiceProperties}: values are trimmed and blank ones dropped, a wrong type is an error
 * with a message, and flags may arrive as Boolean or text.
 */
final class ServiceProps {

    private ServiceProps() {}

    /**
     * @param value a String, String[] or Collection of Strings, or null
     * @return the values, trimmed, blank ones dropped; empty for null
     * @throws IllegalArgumentException for any other type
     */
    static List<String> strings(Object value) {
        List<String> raw = ServiceProperties.strings(value);
        if (raw == null) {
            throw new IllegalArgumentException(value instanceof java.util.Collection<?>
                    ? "must hold strings only"
                    : "must be a String or String[], found " + value.getClass().getSimpleName());
        }
        List<String> values = new ArrayList<>();
        for (String item : raw) {
            if (item != null && !item.isBlank()) {
                values.add(item.trim());
            }
        }
        return values;
    }

    /** @return true for Boolean.TRUE or the text "true" (configuration admin may deliver either) */
    static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value instanceof String s && Boolean.parseBoolean(s.trim());
    }
}
