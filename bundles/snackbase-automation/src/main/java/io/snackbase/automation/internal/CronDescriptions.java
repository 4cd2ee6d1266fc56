package io.snackbase.automation.internal;

import java.util.List;
import java.util.Locale;

/**
 * The {@code cron_description} of schedule hooks (domain.md 6.6): "Every minute", "Daily at 09:00",
 * "Every Monday at 09:00", ... for the common shapes, else the expression itself.
 */
public final class CronDescriptions {

    private static final List<String> DAYS = List.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final List<String> MONTH_NAMES = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private CronDescriptions() {}

    /** @param cron a valid 5-field expression */
    public static String describe(String cron) {
        String[] f = cron.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length != 5) {
            return cron;
        }
        String minute = f[0], hour = f[1], dom = f[2], month = f[3], dow = f[4];
        boolean anyDay = dom.equals("*") && month.equals("*") && dow.equals("*");
        if (anyDay && hour.equals("*")) {
            if (minute.equals("*")) {
                return "Every minute";
            }
            if (minute.matches("\\*/\\d+")) {
                return "Every " + minute.substring(2) + " minutes";
            }
            if (minute.equals("0")) {
                return "Every hour";
            }
            if (minute.matches("\\d+")) {
                return "Every hour at :" + pad(minute);
            }
        }
        if (!minute.matches("\\d+") || !hour.matches("\\d+")) {
            return cron;
        }
        String at = " at " + pad(hour) + ":" + pad(minute);
        if (anyDay) {
            return "Daily" + at;
        }
        if (dom.equals("*") && month.equals("*")) {
            if (dow.equals("1-5") || dow.equals("MON-FRI")) {
                return "Weekdays" + at;
            }
            int day = index(dow, DAY_NAMES);
            return day >= 0 ? "Every " + DAYS.get(day % 7) + at : cron;
        }
        if (dow.equals("*") && month.equals("*")) {
            if (dom.matches("\\d+")) {
                return "Monthly on day " + dom + at;
            }
            if (dom.matches("\\d+(,\\d+)+")) {
                return "On day " + dom + " of the month" + at;
            }
        }
        int monthIndex = index(month, MONTH_NAMES);
        if (dow.equals("*") && dom.matches("\\d+") && monthIndex >= 0) {
            return "Yearly on " + MONTHS.get(monthIndex - (month.matches("\\d+") ? 1 : 0)) + " " + dom + at;
        }
        return cron;
    }

    /** @return the number, or the index of the name, or -1 */
    private static int index(String token, List<String> names) {
        if (token.matches("\\d+")) {
            return Integer.parseInt(token);
        }
        return names.indexOf(token);
    }

    private static String pad(String number) {
        return number.length() == 1 ? "0" + number : number;
    }
}
