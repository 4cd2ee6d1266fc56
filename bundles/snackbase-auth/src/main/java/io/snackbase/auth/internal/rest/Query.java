package io.snackbase.auth.internal.rest;

import io.snackbase.auth.internal.core.Problems;

/**
 * Query parameters read as text and checked here, so that a malformed or out-of-range value is a
 * 422 naming the parameter rather than the 404 Jakarta REST gives for an unconvertible one.
 */
final class Query {

    private Query() {}

    /**
     * @param name the parameter, for the error
     * @param value the raw value, or null when absent
     * @param fallback the value when absent or blank
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the integer
     */
    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.shape(name, "Input should be a valid integer");
        }
        if (parsed < min) {
            throw Problems.shape(name, "Input should be greater than or equal to " + min);
        }
        if (parsed > max) {
            throw Problems.shape(name, "Input should be less than or equal to " + max);
        }
        return parsed;
    }

    /** @return true when the parameter was given a non-blank value */
    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
