package io.snackbase.audit.internal.store;

/** One row of {@code audit_log}; times are epoch microseconds, {@code extraMetadata} is JSON text. */
public class AuditRow {
    public Long id;
    public String accountId;
    public String operation;
    public String tableName;
    public String recordId;
    public String columnName;
    public String oldValue;
    public String newValue;
    public String userId;
    public String userEmail;
    public String userName;
    public String esUsername;
    public String esReason;
    public Long esTimestamp;
    public String ipAddress;
    public String userAgent;
    public String requestId;
    public Long occurredAt;
    public String checksum;
    public String previousHash;
    public String extraMetadata;
}
