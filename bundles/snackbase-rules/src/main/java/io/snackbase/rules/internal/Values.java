package io.snackbase.rules.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** Equality, ordering, LIKE and arithmetic on record values, matching what the compiled SQL does. */
final class Values {

    private Values() {}

    static boolean equal(Object l, Object r) {
        if (l instanceof Number a && r instanceof Number b) {
            return compareNumbers(a, b) == 0;
        }
        Instant[] instants = instants(l, r);
        if (instants != null) {
            return instants[0].equals(instants[1]);
        }
        return l.equals(r);
    }

    /** @return the order of l and r; values that cannot be ordered count as equal */
    static int order(Object l, Object r) {
        if (l instanceof Number a && r instanceof Number b) {
            return compareNumbers(a, b);
        }
        Instant[] instants = instants(l, r);
        if (instants != null) {
            return instants[0].compareTo(instants[1]);
        }
        if (l instanceof String a && r instanceof String b) {
            return Integer.signum(a.compareTo(b));
        }
        if (l instanceof Boolean a && r instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        return 0;
    }

    /** {@code %} any run, {@code _} one character, the whole value, ignoring case. */
    static boolean like(Object value, Object pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toString().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value.toString().toLowerCase(Locale.ROOT)).matches();
    }

    static Object negate(Object value) {
        if (isInteger(value)) {
            long n = ((Number) value).longValue();
            return n == Long.MIN_VALUE ? -(double) n : -n;
        }
        return value instanceof Number n ? -n.doubleValue() : null;
    }

    static Object arith(char op, Object l, Object r) {
        if (!(l instanceof Number a) || !(r instanceof Number b)) {
            return null;
        }
        if (op == '/') {
            return b.doubleValue() == 0 ? null : a.doubleValue() / b.doubleValue();
        }
        if (isInteger(l) && isInteger(r)) {
            long x = a.longValue();
            long y = b.longValue();
            try {
                return switch (op) {
                    case '+' -> Math.addExact(x, y);
                    case '-' -> Math.subtractExact(x, y);
                    case '*' -> Math.multiplyExact(x, y);
                    default -> y == 0 ? null : x % y;
                };
            } catch (ArithmeticException overflow) {
                return doubles(op, x, y); // SQLite turns an overflowing integer result into a real
            }
        }
        return op == '%' ? null : doubles(op, a.doubleValue(), b.doubleValue());
    }

    private static Object doubles(char op, double x, double y) {
        return switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            default -> null;
        };
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    private static int compareNumbers(Number a, Number b) {
        if (isInteger(a) && isInteger(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** Date or date-time values, or one of them and a text that reads as one, compare as instants. */
    private static Instant[] instants(Object l, Object r) {
        if (!Temporals.isTemporal(l) && !Temporals.isTemporal(r)) {
            return null;
        }
        if (l instanceof LocalDate && r instanceof String s && Temporals.date(s) == null) {
            return null;
        }
        if (r instanceof LocalDate && l instanceof String s && Temporals.date(s) == null) {
            return null;
        }
        Instant a = Temporals.instantOf(l);
        Instant b = Temporals.instantOf(r);
        return a == null || b == null ? null : new Instant[] {a, b};
    }
}
