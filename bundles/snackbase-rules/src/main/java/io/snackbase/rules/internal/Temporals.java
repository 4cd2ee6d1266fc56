package io.snackbase.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

/** Reads date and date-time values (ISO-8601 text or java.time objects) the same way for SQL and memory. */
final class Temporals {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})?");

    private Temporals() {}

    /** @return the date of a {@code yyyy-MM-dd} text, or null when it is not one */
    static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the instant of an ISO-8601 date or date-time text (UTC when it has no offset), or null */
    static Instant instant(String text) {
        LocalDate day = date(text);
        if (day != null) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (!DATE_TIME.matcher(text).matches()) {
            return null;
        }
        String iso = text.replace(' ', 'T');
        try {
            return iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")
                    ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the instant of a record value (java.time, Date, ISO text; local values as UTC), or null */
    static Instant instantOf(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        return value instanceof String s ? instant(s) : null;
    }

    /** @return true for the java.time and Date values {@link #instantOf} reads */
    static boolean isTemporal(Object value) {
        return value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof LocalDateTime || value instanceof LocalDate || value instanceof Date;
    }

    /** @return the instant as epoch microseconds (how the records tables store date-times) */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    /** @return the instant of epoch microseconds */
    static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
