package io.snackbase.audit.internal.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The multi-row {@code INSERT} of a write's audit entries, built in Java for
 * {@link AuditMapper#insertBuilt}: one statement per write, every value bound. (A MyBatis
 * {@code <foreach>} over the rows re-parsed about 20 placeholders per row on every write.)
 */
public final class AuditInserts {

    private AuditInserts() {}

    /** Inserts the rows (ids, checksums and links already filled in). */
    public static void insert(AuditMapper mapper, List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(64 + rows.size() * 200).append("INSERT INTO audit_log (").append(AuditMapper.COLUMNS)
                .append(") VALUES ");
        List<Object> params = new ArrayList<>(rows.size() * 21);
        for (int i = 0; i < rows.size(); i++) {
            AuditRow r = rows.get(i);
            sql.append(i == 0 ? "(" : ", (");
            Object[] values = {r.id, r.accountId, r.operation, r.tableName, r.recordId, r.columnName, r.oldValue, r.newValue, r.userId,
                r.userEmail, r.userName, r.esUsername, r.esReason, r.esTimestamp, r.ipAddress, r.userAgent, r.requestId, r.occurredAt,
                r.checksum, r.previousHash, r.extraMetadata};
            for (int v = 0; v < values.length; v++) {
                sql.append(v == 0 ? "" : ", ").append("#{p[").append(params.size()).append("]}");
                params.add(values[v]);
            }
            sql.append(')');
        }
        mapper.insertBuilt(sql.toString(), params);
    }
}
