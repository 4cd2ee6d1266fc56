package io.snackbase.audit.internal.store;

/**
 * One row of {@code audit_log}, or of its outbox {@code audit_pending} (then {@code pendingId} is
 * set and {@code id}, {@code checksum}, {@code previousHash} are not, until sealing fills them in);
 * times are epoch microseconds, {@code extraMetadata} is JSON text.
 */
public class AuditRow {
    public Long id;
    public Long pendingId;
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
