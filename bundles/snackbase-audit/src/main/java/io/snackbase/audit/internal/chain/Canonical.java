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

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Canonical() {}

    /** @return the lowercase hex SHA-256 of the row's canonical JSON */
    public static String checksum(AuditRow row, Map<String, Object> extraMetadata) {
        return sha256(json(row, extraMetadata));
    }

    /**
     * @return the canonical JSON of the row's fields (id and checksum excluded), written in the
     *     keys' sorted order directly (a sorted map per entry showed in the sealer's profile)
     */
    public static String json(AuditRow row, Map<String, Object> extraMetadata) {
        StringBuilder out = new StringBuilder(512).append('{');
        field(out, "account_id", row.accountId, true);
        field(out, "column_name", row.columnName, false);
        field(out, "es_reason", row.esReason, false);
        field(out, "es_timestamp", row.esTimestamp == null ? null : Times.canonical(row.esTimestamp), false);
        field(out, "es_username", row.esUsername, false);
        field(out, "extra_metadata", extraMetadata, false);
        field(out, "ip_address", row.ipAddress, false);
        field(out, "new_value", row.newValue, false);
        field(out, "occurred_at", Times.canonical(row.occurredAt), false);
        field(out, "old_value", row.oldValue, false);
        field(out, "operation", row.operation, false);
        field(out, "previous_hash", row.previousHash, false);
        field(out, "record_id", row.recordId, false);
        field(out, "request_id", row.requestId, false);
        field(out, "table_name", row.tableName, false);
        field(out, "user_agent", row.userAgent, false);
        field(out, "user_email", row.userEmail, false);
        field(out, "user_id", row.userId, false);
        field(out, "user_name", row.userName, false);
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String key, Object value, boolean first) {
        if (!first) {
            out.append(", ");
        }
        out.append('"').append(key).append("\": ");
        write(out, value);
    }

    /** One digest per thread: looking the algorithm up for every entry showed in the sealer's profile. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    });

    static String sha256(String text) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
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
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                                .append(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.append('"');
    }
}
