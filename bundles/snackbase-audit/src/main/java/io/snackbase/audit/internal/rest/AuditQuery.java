package io.snackbase.audit.internal.rest;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.audit.internal.chain.Times;
import io.snackbase.audit.internal.store.AuditFilter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query parameters of the list and the export, read as text and checked here so that a bad
 * value is a 422 naming the parameter. {@code sort_by} reaches ORDER BY only from {@link #SORTABLE}.
 */
public final class AuditQuery {

    /** Columns {@code sort_by} may name; anything else sorts by {@code occurred_at}, as the reference does. */
    static final Set<String> SORTABLE = Set.of("id", "account_id", "operation", "table_name", "record_id", "column_name",
            "old_value", "new_value", "user_id", "user_email", "user_name", "es_username", "es_reason", "es_timestamp",
            "ip_address", "user_agent", "request_id", "occurred_at", "checksum", "previous_hash");

    public static final int MAX_LIMIT = 500;

    private AuditQuery() {}

    /** @return the filters only (export) */
    public static AuditFilter filters(String accountId, String tableName, String recordId, String userId, String operation,
            String fromDate, String toDate) {
        AuditFilter f = new AuditFilter();
        f.accountId = blankToNull(accountId);
        f.tableName = blankToNull(tableName);
        f.recordId = blankToNull(recordId);
        f.userId = blankToNull(userId);
        f.operation = operation(operation);
        f.fromMicros = time("from_date", fromDate);
        f.toMicros = time("to_date", toDate);
        return f;
    }

    /** Adds the order and page of a list to the filters. */
    public static AuditFilter page(AuditFilter f, String skip, String limit, String sortBy, String sortOrder) {
        f.skip = integer("skip", skip, 0, Integer.MAX_VALUE, 0);
        f.limit = integer("limit", limit, 1, MAX_LIMIT, 50);
        String column = sortBy == null ? "" : sortBy.trim().toLowerCase(Locale.ROOT);
        f.sortColumn = SORTABLE.contains(column) ? column : "occurred_at";
        f.sortOrder = switch (sortOrder == null ? "desc" : sortOrder.trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> "ASC";
            case "desc" -> "DESC";
            default -> throw invalid("sort_order", "String should match pattern '^(asc|desc)$'");
        };
        return f;
    }

    static String operation(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (!Set.of("CREATE", "UPDATE", "DELETE").contains(value)) {
            throw invalid("operation", "Input should be 'CREATE', 'UPDATE' or 'DELETE'");
        }
        return value;
    }

    /** @return epoch microseconds of an ISO date-time (no offset: UTC) or date (midnight UTC), or null */
    static Long time(String field, String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        String value = text.trim().replace(' ', 'T');
        try {
            return Times.micros(OffsetDateTime.parse(value.replaceFirst("Z$", "+00:00")).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Times.micros(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Times.micros(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    throw invalid(field, "Input should be a valid datetime");
                }
            }
        }
    }

    /** @return the integer, or the fallback when absent; 422 when not an integer in [min, max] */
    static long longInteger(String field, String text, long min, long max, long fallback) {
        if (blankToNull(text) == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(field, "Input should be a valid integer, unable to parse string as an integer");
        }
        if (value < min) {
            throw invalid(field, "Input should be greater than or equal to " + min);
        }
        if (value > max) {
            throw invalid(field, "Input should be less than or equal to " + max);
        }
        return value;
    }

    static int integer(String field, String text, int min, int max, int fallback) {
        return (int) longInteger(field, text, min, max, fallback);
    }

    static ApiException invalid(String field, String message) {
        return ApiException.validation(List.of(new FieldError(field, message, "invalid")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
