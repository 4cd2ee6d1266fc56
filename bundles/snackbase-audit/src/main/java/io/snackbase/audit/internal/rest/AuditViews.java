package io.snackbase.audit.internal.rest;

import io.snackbase.audit.internal.Values;
import io.snackbase.audit.internal.chain.Times;
import io.snackbase.audit.internal.store.AuditRow;
import java.util.LinkedHashMap;
import java.util.Map;

/** The AuditLog object of the contract, from a stored row; times as Python's {@code isoformat()} of UTC. */
final class AuditViews {

    private AuditViews() {}

    static Map<String, Object> entry(AuditRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("account_id", r.accountId);
        m.put("operation", r.operation);
        m.put("table_name", r.tableName);
        m.put("record_id", r.recordId);
        m.put("column_name", r.columnName);
        m.put("old_value", r.oldValue);
        m.put("new_value", r.newValue);
        m.put("user_id", r.userId);
        m.put("user_email", r.userEmail);
        m.put("user_name", r.userName);
        m.put("es_username", r.esUsername);
        m.put("es_reason", r.esReason);
        m.put("es_timestamp", r.esTimestamp == null ? null : Times.iso(r.esTimestamp));
        m.put("ip_address", r.ipAddress);
        m.put("user_agent", r.userAgent);
        m.put("request_id", r.requestId);
        m.put("occurred_at", Times.iso(r.occurredAt));
        m.put("checksum", r.checksum);
        m.put("previous_hash", r.previousHash);
        m.put("extra_metadata", Values.metadata(r.extraMetadata));
        return m;
    }
}
