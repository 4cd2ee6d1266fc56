package io.snackbase.auth.internal.core;

import io.snackbase.api.errors.FieldError;
import java.util.ArrayList;
import java.util.List;

/** The password policy of the contract: at least 12 characters, upper, lower, digit, special; every failure listed. */
public final class PasswordPolicy {

    static final String SPECIALS = "!@#$%^&*()_+-=[]{};':\"\\|,.<>/?`~";
    private static final int MIN_LENGTH = 12;

    private PasswordPolicy() {}

    /**
     * @param field the body field the password came in ({@code password} or {@code new_password})
     * @return the problems, empty when the password is acceptable
     */
    public static List<FieldError> check(String password, String field) {
        String value = password == null ? "" : password;
        List<FieldError> problems = new ArrayList<>();
        if (value.length() < MIN_LENGTH) {
            problems.add(new FieldError(field, "Password must be at least " + MIN_LENGTH + " characters long", "password_too_short"));
        }
        if (value.chars().noneMatch(Character::isUpperCase)) {
            problems.add(new FieldError(field, "Password must contain at least one uppercase letter", "password_no_uppercase"));
        }
        if (value.chars().noneMatch(Character::isLowerCase)) {
            problems.add(new FieldError(field, "Password must contain at least one lowercase letter", "password_no_lowercase"));
        }
        if (value.chars().noneMatch(Character::isDigit)) {
            problems.add(new FieldError(field, "Password must contain at least one digit", "password_no_digit"));
        }
        if (value.chars().noneMatch(c -> SPECIALS.indexOf(c) >= 0)) {
            problems.add(new FieldError(field, "Password must contain at least one special character", "password_no_special"));
        }
        return problems;
    }
}
