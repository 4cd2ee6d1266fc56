package io.snackbase.jobs.internal;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Owns the rules of a standard 5-field cron expression (minute hour day-of-month month
 * day-of-week): numbers, names, {@code *}, ranges, lists and steps, and why an expression breaks them.
 */
public final class CronExpressions {

    /** One of the five fields: its allowed values and, for month and day of week, the names of its values. */
    private record Field(String name, int min, int max, List<String> names, String nameHint) {

        /** @return the value of a number or name, or -1 when it is neither */
        int value(String token) {
            if (isNumber(token)) {
                // Too many digits to be in range, and parseInt would overflow: report it as out of range.
                return token.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(token);
            }
            int index = names.indexOf(token.toUpperCase(Locale.ROOT));
            return index < 0 ? -1 : min + index;
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of(), ""),
            new Field("hour", 0, 23, List.of(), ""),
            new Field("day-of-month", 1, 31, List.of(), ""),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
                    "NOV", "DEC"), " or a month name (JAN-DEC)"),
            // 7 is Sunday too, as in Vixie cron and most cron documentation.
            new Field("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"),
                    " or a day name (SUN-SAT)"));

    private CronExpressions() {}

    /**
     * @param expression the expression, fields separated by white space
     * @return why the expression is not a valid 5-field cron expression, or null when it is
     */
    public static String problem(String expression) {
        String trimmed = expression == null ? "" : expression.trim();
        String[] fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        if (fields.length != FIELDS.size()) {
            return "expected 5 fields (minute hour day-of-month month day-of-week), found " + fields.length;
        }
        for (int i = 0; i < fields.length; i++) {
            String problem = fieldProblem(FIELDS.get(i), fields[i]);
            if (problem != null) {
                return FIELDS.get(i).name() + " field '" + fields[i] + "': " + problem;
            }
        }
        return null;
    }

    private static String fieldProblem(Field field, String text) {
        for (String item : text.split(",", -1)) {
            String problem = itemProblem(field, item);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** One list item: a star, a star with a step, a value, a range a-b, or a range with a step. */
    private static String itemProblem(Field field, String item) {
        if (item.isEmpty()) {
            return "empty list item";
        }
        String[] stepped = item.split("/", -1);
        if (stepped.length > 2) {
            return "'" + item + "' has more than one /";
        }
        String base = stepped[0];
        if (stepped.length == 2) {
            int largest = field.max() - field.min();
            int step = field.value(stepped[1]);
            if (!isNumber(stepped[1]) || step < 1 || step > largest) {
                return "step '" + stepped[1] + "' must be a number from 1 to " + largest;
            }
            if (!base.equals("*") && !base.contains("-")) {
                return "a step needs * or a range before it, as in */" + stepped[1] + " or 0-30/" + stepped[1];
            }
        }
        if (base.equals("*")) {
            return null;
        }
        String[] bounds = base.split("-", -1);
        if (bounds.length > 2 || (bounds.length == 2 && (bounds[0].isEmpty() || bounds[1].isEmpty()))) {
            return "'" + base + "' is not a value or a range a-b";
        }
        int[] values = new int[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            String problem = valueProblem(field, bounds[i]);
            if (problem != null) {
                return problem;
            }
            values[i] = field.value(bounds[i]);
        }
        if (values.length == 2 && values[0] > values[1]) {
            return "range '" + base + "' goes backwards";
        }
        return null;
    }

    /** Index of the day-of-month field in {@link #fields}. */
    public static final int DAY_OF_MONTH = 2;
    /** Index of the day-of-week field in {@link #fields}. */
    public static final int DAY_OF_WEEK = 4;

    /**
     * @param expression a valid expression ({@link #problem} returned null)
     * @return its five fields, trimmed
     */
    public static String[] fields(String expression) {
        return expression.trim().split("\\s+");
    }

    /**
     * @param index the field's index (0 minute ... 4 day of week)
     * @param text the field of a valid expression
     * @return the values it matches; for the day of week 7 is folded into 0 (both Sunday)
     */
    public static BitSet values(int index, String text) {
        Field field = FIELDS.get(index);
        BitSet values = new BitSet();
        for (String item : text.split(",")) {
            String[] stepped = item.split("/");
            int step = stepped.length == 2 ? Integer.parseInt(stepped[1]) : 1;
            int from = field.min();
            int to = field.max();
            if (!stepped[0].equals("*")) {
                String[] bounds = stepped[0].split("-");
                from = field.value(bounds[0]);
                to = bounds.length == 2 ? field.value(bounds[1]) : from;
            }
            for (int v = from; v <= to; v += step) {
                values.set(index == DAY_OF_WEEK && v == 7 ? 0 : v);
            }
        }
        return values;
    }

    /** @return whether the field matches every value of its range (so {@code 0-6} counts as {@code *}, as in cron) */
    public static boolean unrestricted(int index, String text) {
        Field field = FIELDS.get(index);
        int span = index == DAY_OF_WEEK ? 7 : field.max() - field.min() + 1;
        return values(index, text).cardinality() == span;
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String valueProblem(Field field, String token) {
        int value = field.value(token);
        if (value < 0) {
            return "'" + token + "' is not a number" + field.nameHint();
        }
        if (value < field.min() || value > field.max()) {
            return token + " is outside " + field.min() + "-" + field.max();
        }
        return null;
    }
}
