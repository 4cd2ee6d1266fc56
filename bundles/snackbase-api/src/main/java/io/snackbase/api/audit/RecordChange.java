package io.snackbase.api.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row written by a CREATE, UPDATE or DELETE, as the write path hands it to
 * {@link AuditService#recordChange}. Immutable; the maps are copied in their iteration order, which
 * becomes the order (and id order) of the entries.
 *
 * <p>Values may be of any type: {@code null} stays null, strings are kept, temporal values are
 * written as ISO-8601 (UTC), numbers and booleans as their JSON text, maps and lists as JSON.
 *
 * @param tableName the physical table, for example {@code col_posts} or {@code users}
 * @param recordId the primary key of the row
 * @param accountId the tenant of the row (for {@code accounts} rows: the account itself)
 * @param operation what happened
 * @param oldValues the row before the write: empty for CREATE; the whole pre-update row for UPDATE
 *     and DELETE
 * @param newValues the row after the write: the whole created row for CREATE (system fields
 *     included); the whole returned row for UPDATE; empty for DELETE
 * @param signature the electronic signature given with the write, or null
 */
public record RecordChange(String tableName, String recordId, String accountId, AuditOperation operation,
        Map<String, Object> oldValues, Map<String, Object> newValues, ElectronicSignature signature) {

    public RecordChange {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(operation, "operation");
        oldValues = copy(oldValues);
        newValues = copy(newValues);
    }

    /** @return a CREATE of the row with these values, without signature */
    public static RecordChange created(String tableName, String recordId, String accountId, Map<String, ?> values) {
        return new RecordChange(tableName, recordId, accountId, AuditOperation.CREATE, Map.of(), cast(values), null);
    }

    /** @return an UPDATE from the whole old row to the whole returned row, without signature */
    public static RecordChange updated(String tableName, String recordId, String accountId, Map<String, ?> before,
            Map<String, ?> after) {
        return new RecordChange(tableName, recordId, accountId, AuditOperation.UPDATE, cast(before), cast(after), null);
    }

    /** @return a DELETE of the row that had these values, without signature */
    public static RecordChange deleted(String tableName, String recordId, String accountId, Map<String, ?> values) {
        return new RecordChange(tableName, recordId, accountId, AuditOperation.DELETE, cast(values), Map.of(), null);
    }

    /** @return this change signed electronically */
    public RecordChange withSignature(ElectronicSignature signature) {
        return new RecordChange(tableName, recordId, accountId, operation, oldValues, newValues, signature);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<String, ?> values) {
        return (Map<String, Object>) values;
    }

    // LinkedHashMap: keeps the caller's column order and, unlike Map.copyOf, null values
    private static Map<String, Object> copy(Map<String, Object> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
