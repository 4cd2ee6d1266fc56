package io.snackbase.audit.internal.store;

/**
 * One row of {@code audit_log}; times are epoch microseconds, {@code extraMetadata} is JSON text.
 * Also an entry on its way from the outbox ({@code pendingId} set; {@code id}, {@code checksum} and
 * {@code previousHash} filled in by sealing), and an outbox row itself ({@link PendingWrites}:
 * {@code changes} set instead of the column and its values).
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
    /** Of an outbox row only: the write's columns and values, JSON (see {@link PendingWrites}). */
    public String changes;
}
