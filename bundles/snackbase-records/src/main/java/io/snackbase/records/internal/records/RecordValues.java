package io.snackbase.records.internal.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.errors.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Record values between JSON and columns (domain.md §2.3): validation without coercion, with the
 * contract's codes, and the stored forms (datetime → epoch µs, date → ISO text, json and file →
 * JSON text, boolean → Boolean, number → Double).
 */
public final class RecordValues {

    /** How a body is read: create and PUT need every required field and apply defaults, PATCH neither. */
    public enum Mode { CREATE, PUT, PATCH }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#].[^\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})?)?");

    private RecordValues() {}

    /**
     * Validates a body and converts it to column values (stored spelling of each field's name).
     * Computed fields are ignored; on create and PUT, missing optional fields with a default get it.
     * Reference existence is checked by the caller (it needs the database).
     *
     * @param errors where the problems go, in body order then required/missing order
     * @return the column values of the fields present (and defaulted)
     */
    public static Map<String, Object> columns(CollectionDefinition def, Map<String, Object> body, Mode mode, List<FieldError> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            FieldDefinition f = def.field(e.getKey()).orElse(null);
            if (f == null) {
                errors.add(new FieldError(e.getKey(), "Field '" + e.getKey() + "' is not defined in the collection schema", "unknown_field"));
                continue;
            }
            if (f.isVirtual()) {
                continue;
            }
            Object value = e.getValue();
            if (value == null) {
                if (f.required()) {
                    errors.add(new FieldError(f.name(), "Field '" + f.name() + "' is required and cannot be null", "required_null"));
                } else {
                    out.put(f.name(), null);
                }
                continue;
            }
            Object column = column(f, value, errors);
            if (column != INVALID) {
                out.put(f.name(), column);
            }
        }
        if (mode != Mode.PATCH) {
            for (FieldDefinition f : def.fields()) {
                if (f.isVirtual() || present(body, f)) {
                    continue;
                }
                if (f.defaultValue() != null) {
                    Object column = column(f, f.defaultValue(), errors);
                    if (column != INVALID) {
                        out.put(f.name(), column);
                    }
                } else if (f.required()) {
                    errors.add(new FieldError(f.name(), "Field '" + f.name() + "' is required", "required_missing"));
                }
            }
        }
        return out;
    }

    private static boolean present(Map<String, Object> body, FieldDefinition f) {
        return body.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(f.name()));
    }

    private static final Object INVALID = new Object();

    /** @return true when a string anywhere in the value (a JSON tree included) holds U+0000 */
    static boolean containsNul(Object value) {
        if (value instanceof String s) {
            return s.indexOf('\0') >= 0;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> containsNul(e.getKey()) || containsNul(e.getValue()));
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().anyMatch(RecordValues::containsNul);
        }
        return false;
    }

    /** @return the column value of a non-null JSON value, or {@link #INVALID} after adding the problem */
    static Object column(FieldDefinition f, Object value, List<FieldError> errors) {
        String name = f.name();
        if (containsNul(value)) {
            // PostgreSQL refuses NUL in text and jsonb; refusing it everywhere keeps the databases alike
            errors.add(new FieldError(name, "Field '" + name + "' contains a NUL character", "invalid_characters"));
            return INVALID;
        }
        switch (f.type()) {
            case TEXT:
                return value instanceof String ? value : invalidType(f, "a string", errors);
            case NUMBER:
                return value instanceof Number n && !(value instanceof Boolean) ? (Object) n.doubleValue() : invalidType(f, "a number", errors);
            case BOOLEAN:
                return value instanceof Boolean ? value : invalidType(f, "a boolean", errors);
            case DATETIME: {
                if (!(value instanceof String s)) {
                    return invalidType(f, "an ISO-8601 datetime string", errors);
                }
                Instant instant = instant(s);
                if (instant == null) {
                    errors.add(new FieldError(name, "Field '" + name + "' must be a valid ISO-8601 datetime", "invalid_datetime_format"));
                    return INVALID;
                }
                return micros(instant);
            }
            case DATE: {
                if (!(value instanceof String s)) {
                    return invalidType(f, "a date string (YYYY-MM-DD)", errors);
                }
                if (!DATE.matcher(s).matches() || !validDate(s)) {
                    errors.add(new FieldError(name, "Field '" + name + "' must be a valid date (YYYY-MM-DD)", "invalid_date_format"));
                    return INVALID;
                }
                return s;
            }
            case EMAIL:
                if (!(value instanceof String s)) {
                    return invalidType(f, "an email string", errors);
                }
                if (!EMAIL.matcher(s).matches()) {
                    errors.add(new FieldError(name, "Field '" + name + "' must be a valid email address", "invalid_email_format"));
                    return INVALID;
                }
                return s;
            case URL:
                if (!(value instanceof String s)) {
                    return invalidType(f, "a URL string", errors);
                }
                if (!URL.matcher(s).matches()) {
                    errors.add(new FieldError(name, "Field '" + name + "' must be a valid URL (http:// or https://)", "invalid_url_format"));
                    return INVALID;
                }
                return s;
            case JSON:
                try {
                    return JSON.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    errors.add(new FieldError(name, "Field '" + name + "' must be valid JSON", "invalid_json"));
                    return INVALID;
                }
            case REFERENCE:
                if (!(value instanceof String s)) {
                    return invalidType(f, "a record id string", errors);
                }
                if (s.isBlank()) {
                    errors.add(new FieldError(name, "Field '" + name + "' must not be an empty reference", "empty_reference"));
                    return INVALID;
                }
                return s;
            case FILE:
                return file(f, value, errors);
            default:
                return INVALID;
        }
    }

    private static Object file(FieldDefinition f, Object value, List<FieldError> errors) {
        String name = f.name();
        Object meta = value;
        if (value instanceof String s) {
            try {
                meta = JSON.readValue(s, Object.class);
            } catch (JsonProcessingException e) {
                errors.add(new FieldError(name, "Field '" + name + "' must be valid JSON file metadata", "invalid_json"));
                return INVALID;
            }
        }
        if (!(meta instanceof Map<?, ?> m)) {
            return invalidType(f, "a file metadata object", errors);
        }
        for (String key : List.of("filename", "size", "mime_type", "path")) {
            if (!m.containsKey(key) || m.get(key) == null) {
                errors.add(new FieldError(name, "Field '" + name + "' is missing file metadata '" + key + "'", "missing_file_metadata"));
                return INVALID;
            }
            Object v = m.get(key);
            boolean ok = key.equals("size") ? (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) : v instanceof String;
            if (!ok) {
                errors.add(new FieldError(name, "Field '" + name + "' has invalid file metadata '" + key + "'", "invalid_file_metadata"));
                return INVALID;
            }
        }
        try {
            return JSON.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(name, "Field '" + name + "' must be valid JSON", "invalid_json"));
            return INVALID;
        }
    }

    private static Object invalidType(FieldDefinition f, String expected, List<FieldError> errors) {
        errors.add(new FieldError(f.name(), "Field '" + f.name() + "' must be " + expected, "invalid_type"));
        return INVALID;
    }

    private static boolean validDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** @return the instant of an ISO-8601 date or date-time (no offset = UTC), or null */
    public static Instant instant(String text) {
        if (!DATE_TIME.matcher(text).matches()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = text.replace(' ', 'T').replace('z', 'Z');
            if (iso.matches(".*[+-]\\d{4}$")) {
                iso = iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2);
            }
            return iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")
                    ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return epoch microseconds (sub-microsecond digits dropped) */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    /** @return the instant of epoch microseconds */
    public static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** @return the JSON value of a column read from the database (driver types normalised), null stays null */
    public static Object json(FieldType type, Object column) {
        if (column == null) {
            return null;
        }
        return switch (type) {
            case NUMBER -> column instanceof Number n ? (Object) n.doubleValue() : Double.valueOf(column.toString());
            case BOOLEAN -> column instanceof Boolean b ? b : column instanceof Number n ? n.intValue() != 0 : Boolean.valueOf(column.toString());
            case DATETIME -> io.snackbase.records.internal.core.Times.iso(ofMicros(((Number) column).longValue()));
            case JSON, FILE -> parse(column.toString());
            default -> column.toString();
        };
    }

    private static Object parse(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text; // not written by this bundle; returned as stored
        }
    }
}
