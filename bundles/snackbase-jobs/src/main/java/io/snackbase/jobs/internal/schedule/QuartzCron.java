package io.snackbase.jobs.internal.schedule;

import io.snackbase.jobs.internal.CronExpressions;
import java.text.ParseException;
import java.time.Instant;
import java.util.BitSet;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.quartz.CronExpression;

/**
 * A standard 5-field cron expression as the Quartz cron expressions of its triggers, in UTC.
 *
 * <p>Quartz adds a seconds field (always 0 here) and needs {@code ?} in one of day-of-month and
 * day-of-week, and cannot say "either day matches". So when both are restricted (cron then fires
 * on a day that matches either, as in Vixie cron) there are two triggers, and the day-of-week one
 * skips the firings that the day-of-month one makes too, so that no minute fires twice. Days of
 * week are written as names, which avoids Quartz's different numbering (1 = Sunday).
 */
final class QuartzCron {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /**
     * One trigger's expression.
     *
     * @param expression the Quartz expression
     * @param skipWhen null, or the Quartz expression of the other trigger: a firing that it
     *     matches is left to it
     */
    record Part(String expression, String skipWhen) {}

    private QuartzCron() {}

    /**
     * @throws IllegalArgumentException naming the problem when {@code cron} is not a valid 5-field
     *     expression
     */
    static List<Part> parts(String cron) {
        String problem = CronExpressions.problem(cron);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid cron expression '" + cron + "': " + problem);
        }
        String[] f = CronExpressions.fields(cron);
        String head = "0 " + f[0] + " " + f[1] + " ";
        boolean anyDayOfMonth = CronExpressions.unrestricted(CronExpressions.DAY_OF_MONTH, f[2]);
        boolean anyDayOfWeek = CronExpressions.unrestricted(CronExpressions.DAY_OF_WEEK, f[4]);
        String byDayOfMonth = head + (anyDayOfMonth ? "*" : f[2]) + " " + f[3] + " ?";
        if (anyDayOfWeek) {
            return List.of(new Part(byDayOfMonth, null));
        }
        String byDayOfWeek = head + "? " + f[3] + " " + dayNames(CronExpressions.values(CronExpressions.DAY_OF_WEEK, f[4]));
        if (anyDayOfMonth) {
            return List.of(new Part(byDayOfWeek, null));
        }
        return List.of(new Part(byDayOfMonth, null), new Part(byDayOfWeek, byDayOfMonth));
    }

    /**
     * @return the first firing strictly after {@code after} (so from the next whole minute)
     * @throws IllegalArgumentException when the expression is invalid or never fires (30 February)
     */
    static Instant nextAfter(String cron, Instant after) {
        Date from = Date.from(after);
        Instant next = null;
        for (Part part : parts(cron)) {
            Date candidate = expression(part.expression()).getNextValidTimeAfter(from);
            if (candidate != null && (next == null || candidate.toInstant().isBefore(next))) {
                next = candidate.toInstant();
            }
        }
        if (next == null) {
            throw new IllegalArgumentException("Invalid cron expression '" + cron + "': it never fires");
        }
        return next;
    }

    /** @return the parsed Quartz expression, in UTC */
    static CronExpression expression(String quartz) {
        try {
            CronExpression expression = new CronExpression(quartz);
            expression.setTimeZone(UTC);
            return expression;
        } catch (ParseException e) {
            // Only reachable if CronExpressions accepts something Quartz does not: a bug, but a clear one.
            throw new IllegalArgumentException("Quartz refuses the cron expression '" + quartz + "': " + e.getMessage(), e);
        }
    }

    private static String dayNames(BitSet days) {
        return days.stream().mapToObj(DAY_NAMES::get).collect(Collectors.joining(","));
    }
}
