package io.snackbase.audit.internal.chain;

import io.snackbase.audit.internal.store.AuditRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checksum of an entry (domain.md 4.2): SHA-256 of its canonical JSON, which is what Python's
 * {@code json.dumps(sort_keys=True)} writes: {@code ", "} and {@code ": "} separators, non-ASCII
 * and control characters as lowercase {@code \}{@code uXXXX}, 19 keys.
 */
public final class Canonical {

    private Canonical() {}

    /** @return the lowercase hex SHA-256 of the row's canonical JSON */
    public static String checksum(AuditRow row, Map<String, Object> extraMetadata) {
        return sha256(json(row, extraMetadata));
    }

    /** @return the canonical JSON of the row's fields (id and checksum excluded) */
    public static String json(AuditRow row, Map<String, Object> extraMetadata) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("account_id", row.accountId);
        fields.put("column_name", row.columnName);
        fields.put("es_reason", row.esReason);
        fields.put("es_timestamp", row.esTimestamp == null ? null : Times.canonical(row.esTimestamp));
        fields.put("es_username", row.esUsername);
        fields.put("extra_metadata", extraMetadata);
        fields.put("ip_address", row.ipAddress);
        fields.put("new_value", row.newValue);
        fields.put("occurred_at", Times.canonical(row.occurredAt));
        fields.put("old_value", row.oldValue);
        fields.put("operation", row.operation);
        fields.put("previous_hash", row.previousHash);
        fields.put("record_id", row.recordId);
        fields.put("request_id", row.requestId);
        fields.put("table_name", row.tableName);
        fields.put("user_agent", row.userAgent);
        fields.put("user_email", row.userEmail);
        fields.put("user_id", row.userId);
        fields.put("user_name", row.userName);
        StringBuilder out = new StringBuilder(512);
        write(out, fields);
        return out.toString();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                out.append(separator);
                string(out, e.getKey());
                out.append(": ");
                write(out, e.getValue());
                separator = ", ";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object item : list) {
                out.append(separator);
                write(out, item);
                separator = ", ";
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    /** A JSON string as Python's ensure_ascii encoder writes it; Java chars are already UTF-16 units. */
    public static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        out.append("\\u").append(String.format("%04x", (int) c));
                    }
                }
            }
        }
        out.append('"');
    }
}
