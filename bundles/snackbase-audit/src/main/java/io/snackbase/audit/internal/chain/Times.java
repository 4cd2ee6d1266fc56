package io.snackbase.audit.internal.chain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Audit times: stored as epoch microseconds (UTC), rendered as the reference server renders them. */
public final class Times {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private Times() {}

    /** @return the instant in epoch microseconds (sub-microsecond digits dropped) */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** @return the instant of epoch microseconds */
    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** @return the checksum form: UTC wall time, no zone, {@code .ffffff} only when microseconds are not 0 */
    public static String canonical(long micros) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) (Math.floorMod(micros, 1_000_000L) * 1_000L), ZoneOffset.UTC);
        long fraction = Math.floorMod(micros, 1_000_000L);
        String seconds = SECONDS.format(time);
        if (fraction == 0) {
            return seconds;
        }
        // zero-padded by hand: String.format was the largest single cost of sealing a batch
        String digits = Long.toString(fraction);
        return new StringBuilder(seconds.length() + 7).append(seconds).append('.').append("000000", digits.length(), 6)
                .append(digits).toString();
    }

    /** @return the API form, Python's {@code isoformat()} of an aware UTC datetime: the canonical form plus {@code +00:00} */
    public static String iso(long micros) {
        return canonical(micros) + "+00:00";
    }
}
