package io.snackbase.auth.internal.core;

import java.util.regex.Pattern;

/** Account codes {@code XX####}: the next one after the highest, skipping the reserved {@code SY} prefix. */
public final class AccountCodes {

    public static final Pattern PATTERN = Pattern.compile("^[A-Z]{2}\\d{4}$");
    public static final String FIRST = "AA0001";

    private AccountCodes() {}

    /**
     * @param highest the highest existing non-system code, or null when there is none
     * @return the code to try next
     * @throws IllegalStateException when all 6,760,000 codes are used
     */
    public static String next(String highest) {
        if (highest == null || !PATTERN.matcher(highest).matches()) {
            return FIRST;
        }
        char first = highest.charAt(0);
        char second = highest.charAt(1);
        int number = Integer.parseInt(highest.substring(2)) + 1;
        if (number > 9999) {
            number = 0;
            second++;
            if (second > 'Z') {
                second = 'A';
                first++;
                if (first > 'Z') {
                    throw new IllegalStateException("No account codes are left");
                }
            }
        }
        String code = "" + first + second + String.format("%04d", number);
        return code.startsWith("SY") ? "SZ0000" : code;
    }
}
