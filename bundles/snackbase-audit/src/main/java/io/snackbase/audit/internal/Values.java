package io.snackbase.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.audit.internal.chain.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How column values become the text of {@code old_value}/{@code new_value}, and which columns are secrets. */
public final class Values {

    /** Stored in place of the value of a secret column. */
    public static final String MASK = "***";

    private static final Set<String> SECRETS = Set.of("password", "password_hash", "hashed_password", "refresh_token",
            "token_hash", "access_token", "client_secret", "secret", "code_verifier", "state_token", "verification_token");

    static final ObjectMapper JSON = new ObjectMapper();

    private Values() {}

    /** @return true for a column whose values are never stored (domain.md 4.1, case-insensitive) */
    public static boolean secret(String column) {
        return SECRETS.contains(column.toLowerCase(Locale.ROOT));
    }

    /** @return the value as text: ISO-8601 (UTC) for instants, JSON for maps and lists, base64 for bytes */
    public static String text(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Instant instant) {
            return Times.iso(Times.micros(instant));
        }
        if (value instanceof OffsetDateTime time) {
            return Times.iso(Times.micros(time.toInstant()));
        }
        if (value instanceof ZonedDateTime time) {
            return Times.iso(Times.micros(time.toInstant()));
        }
        if (value instanceof java.util.Date date) {
            return Times.iso(Times.micros(date.toInstant()));
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray()) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        return value.toString();
    }

    /** @return the stored form of a value of that column: the text, or {@link #MASK} for a secret that is set */
    public static String stored(String column, String text) {
        return text != null && secret(column) ? MASK : text;
    }

    /** @return the text cut to a column's length, or null */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** @return the JSON text of extra metadata, or null */
    public static String metadataText(Map<String, Object> metadata) {
        try {
            return metadata == null ? null : JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Extra metadata is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @return the stored JSON text as a map, or null; a value that is not a JSON object (only a
     *     hand-edited row has one) is returned under the key {@code "?"} so that its checksum fails
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> metadata(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of("?", text);
        }
    }
}
