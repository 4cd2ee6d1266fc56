package io.snackbase.records.internal.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.context.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PII masking of record responses (domain.md §2.6): fields with {@code pii: true} are masked for
 * callers who are neither superadmins nor members of the {@code pii_access} group. Applied after
 * field-level filtering; realtime events, hooks and audit entries keep raw values.
 */
public final class PiiMasks {

    /** The group whose members see raw PII. */
    public static final String PII_ACCESS_GROUP = "pii_access";

    private static final Pattern COUNTRY_CODE = Pattern.compile("^\\+(\\d{1,3})");

    private PiiMasks() {}

    /** @return whether the caller sees PII unmasked */
    public static boolean seesRaw(Principal caller) {
        return caller != null && (caller.isSuperadmin() || caller.inGroup(PII_ACCESS_GROUP));
    }

    /**
     * @param record a record response (not changed)
     * @return the record itself when nothing is to be masked, else a copy with the PII fields masked
     */
    public static Map<String, Object> apply(CollectionDefinition def, Principal caller, Map<String, Object> record) {
        if (record == null || seesRaw(caller) || def.fields().stream().noneMatch(FieldDefinition::pii)) {
            return record;
        }
        Map<String, Object> out = new LinkedHashMap<>(record);
        for (FieldDefinition f : def.fields()) {
            if (f.pii() && out.containsKey(f.name())) {
                out.put(f.name(), mask(f.maskType(), out.get(f.name())));
            }
        }
        return out;
    }

    /** @return the masked value; null stays null, non-strings are stringified first */
    public static Object mask(String maskType, Object value) {
        if (value == null) {
            return null;
        }
        String text = text(value);
        String type = maskType == null ? "full" : maskType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "email" -> email(text);
            case "ssn" -> ssn(text);
            case "phone" -> phone(text);
            case "name" -> name(text);
            default -> "*".repeat(text.length());
        };
    }

    /** {@code j***@example.com}; without {@code @} unchanged. */
    static String email(String v) {
        int at = v.indexOf('@');
        if (at < 0) {
            return v;
        }
        String local = v.substring(0, at);
        return (local.isEmpty() ? "" : local.substring(0, 1)) + "***" + v.substring(at);
    }

    /** 9 digits → {@code ***-**-****}, else every digit → {@code *}. */
    static String ssn(String v) {
        return digits(v).length() == 9 ? "***-**-****" : v.replaceAll("\\d", "*");
    }

    /** Fewer than 4 digits → digits masked; {@code +CC-***-***-NNNN}; else {@code ***-***-NNNN}. */
    static String phone(String v) {
        String digits = digits(v);
        if (digits.length() < 4) {
            return v.replaceAll("\\d", "*");
        }
        String last4 = digits.substring(digits.length() - 4);
        String trimmed = v.strip();
        if (trimmed.startsWith("+")) {
            Matcher m = COUNTRY_CODE.matcher(trimmed);
            String cc = m.find() ? m.group(1) : "";
            return "+" + cc + "-***-***-" + last4;
        }
        return "***-***-" + last4;
    }

    /** Each word → its first character + {@code ***} ({@code John Doe} → {@code J*** D***}). */
    static String name(String v) {
        StringBuilder out = new StringBuilder();
        for (String word : v.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.appendCodePoint(word.codePointAt(0)).append("***");
        }
        return out.toString();
    }

    private static String digits(String v) {
        return v.replaceAll("\\D", "");
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        try {
            return RecordValues.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
