package io.snackbase.audit.internal;

import io.snackbase.api.audit.AuditEntry;
import io.snackbase.api.audit.AuditOperation;
import io.snackbase.audit.internal.chain.Times;
import io.snackbase.audit.internal.store.AuditRow;

/** Stored rows as the API's {@link AuditEntry}. */
public final class Entries {

    private Entries() {}

    public static AuditEntry of(AuditRow r) {
        return new AuditEntry(r.id, r.accountId, AuditOperation.valueOf(r.operation), r.tableName, r.recordId, r.columnName,
                r.oldValue, r.newValue, r.userId, r.userEmail, r.userName, r.esUsername, r.esReason,
                r.esTimestamp == null ? null : Times.instant(r.esTimestamp), r.ipAddress, r.userAgent, r.requestId,
                Times.instant(r.occurredAt), r.checksum, r.previousHash, Values.metadata(r.extraMetadata));
    }
}
