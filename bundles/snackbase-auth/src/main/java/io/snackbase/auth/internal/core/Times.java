package io.snackbase.auth.internal.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.OffsetDateTime;

/** The one timestamp form of the API, {@code YYYY-MM-DDTHH:MM:SS.ffffffZ}, from and to epoch milliseconds. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** @return the ISO text of an epoch-millisecond time, or null */
    public static String iso(Long millis) {
        return millis == null ? null : FORMAT.format(Instant.ofEpochMilli(millis));
    }

    /**
     * @param text ISO-8601 with {@code Z} or an offset
     * @return epoch milliseconds
     * @throws DateTimeParseException when it is not such a time
     */
    public static long parse(String text) {
        return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }
}
