package io.snackbase.audit.internal.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The multi-row statements of the audit tables, built in Java for {@link AuditMapper#insertBuilt}
 * and {@link AuditMapper#deleteBuilt}, every value bound. (A MyBatis {@code <foreach>} over the
 * rows re-parsed about 20 placeholders per row on every call.) Long lists are cut into statements
 * of at most {@value #ROWS_PER_STATEMENT} rows, well under every driver's bound-parameter limit.
 */
public final class AuditInserts {

    /** Rows per statement: 21 parameters each, so 4,200 per statement (SQLite allows 32,766). */
    static final int ROWS_PER_STATEMENT = 200;

    private AuditInserts() {}

    /** Inserts a write's captured entries into the outbox {@code audit_pending}, as one row ({@link PendingWrites}). */
    public static void pending(AuditMapper mapper, List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        build(mapper, "audit_pending", AuditMapper.PENDING_COLUMNS, List.of(PendingWrites.of(rows)), r -> new Object[] {r.accountId,
            r.operation, r.tableName, r.recordId, r.userId, r.userEmail, r.userName, r.esUsername, r.esReason, r.esTimestamp,
            r.ipAddress, r.userAgent, r.requestId, r.occurredAt, r.extraMetadata, r.changes});
    }

    /** Inserts sealed rows (ids, checksums and links filled in) into {@code audit_log}. */
    public static void sealed(AuditMapper mapper, List<AuditRow> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<AuditRow> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            build(mapper, "audit_log", AuditMapper.COLUMNS, part, r -> new Object[] {r.id, r.accountId, r.operation, r.tableName,
                r.recordId, r.columnName, r.oldValue, r.newValue, r.userId, r.userEmail, r.userName, r.esUsername, r.esReason,
                r.esTimestamp, r.ipAddress, r.userAgent, r.requestId, r.occurredAt, r.checksum, r.previousHash, r.extraMetadata});
        }
    }

    /**
     * Deletes the outbox rows of those writes (by their pending ids).
     *
     * @return how many rows were deleted (fewer than asked when another transaction got there first)
     */
    public static int deletePending(AuditMapper mapper, List<AuditRow> rows) {
        int deleted = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT * 4) {
            List<AuditRow> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT * 4));
            StringBuilder sql = new StringBuilder(48 + part.size() * 12).append("DELETE FROM audit_pending WHERE id IN (");
            List<Object> params = new ArrayList<>(part.size());
            for (AuditRow r : part) {
                sql.append(params.isEmpty() ? "" : ", ").append("#{p[").append(params.size()).append("]}");
                params.add(r.pendingId);
            }
            deleted += mapper.deleteBuilt(sql.append(')').toString(), params);
        }
        return deleted;
    }

    private static void build(AuditMapper mapper, String table, String columns, List<AuditRow> rows,
            java.util.function.Function<AuditRow, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(64 + rows.size() * 200).append("INSERT INTO ").append(table).append(" (")
                .append(columns).append(") VALUES ");
        List<Object> params = new ArrayList<>(rows.size() * 21);
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = values.apply(rows.get(i));
            sql.append(i == 0 ? "(" : ", (");
            for (int v = 0; v < row.length; v++) {
                sql.append(v == 0 ? "" : ", ").append("#{p[").append(params.size()).append("]}");
                params.add(row[v]);
            }
            sql.append(')');
        }
        mapper.insertBuilt(sql.toString(), params);
    }
}
