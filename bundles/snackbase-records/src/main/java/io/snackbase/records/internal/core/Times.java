package io.snackbase.records.internal.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one timestamp form of the API, {@code YYYY-MM-DDTHH:MM:SS.ffffffZ}, from epoch milliseconds. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** @return the ISO text of an epoch-millisecond time, or null */
    public static String iso(Long millis) {
        return millis == null ? null : FORMAT.format(Instant.ofEpochMilli(millis));
    }

    /** @return the ISO text of an instant */
    public static String iso(Instant instant) {
        return FORMAT.format(instant);
    }
}
