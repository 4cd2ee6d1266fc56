package io.snackbase.auth.internal.service;

import io.snackbase.auth.internal.core.Problems;
import java.util.regex.Pattern;

/** Request-shape checks shared by the auth routes (422 with the field named). */
public final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Inputs() {}

    /** @throws io.snackbase.api.errors.ApiException 422 when missing or not an email address */
    public static void requireEmail(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.required(field);
        }
        if (value.length() > 255 || !EMAIL.matcher(value.trim()).matches()) {
            throw Problems.shape(field, "value is not a valid email address");
        }
    }

    /** @throws io.snackbase.api.errors.ApiException 422 when missing or empty */
    public static String requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Problems.required(field);
        }
        return value;
    }

    /**
     * @return a required name, trimmed
     * @throws io.snackbase.api.errors.ApiException 422 when missing, blank or longer than max
     */
    public static String requireName(String field, String value, int max) {
        if (value == null) {
            throw Problems.required(field);
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw Problems.shape(field, "String should have at least 1 character");
        }
        if (trimmed.length() > max) {
            throw Problems.shape(field, "String should have at most " + max + " characters");
        }
        return trimmed;
    }

    /**
     * @return the optional text as given (possibly null)
     * @throws io.snackbase.api.errors.ApiException 422 when longer than max
     */
    public static String atMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Problems.shape(field, "String should have at most " + max + " characters");
        }
        return value;
    }

    /** @return the LIKE pattern for a case-insensitive substring, with {@code !} as the escape character */
    public static String containsPattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.trim().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
