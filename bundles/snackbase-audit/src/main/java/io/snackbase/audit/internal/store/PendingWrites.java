package io.snackbase.audit.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.storage.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A write's entries as one outbox row of {@code audit_pending} and back: the fields its entries
 * share, and {@code changes}, a JSON array of {@code [column_name, old_value, new_value]} in column
 * order. One row per write rather than per column keeps the writer's share of auditing to a single
 * small insert (and the sealer's delete to one row per write).
 */
public final class PendingWrites {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PendingWrites() {}

    /**
     * @param rows the entries of one write (as captured: the shared fields equal in every row)
     * @return the outbox row: the first entry's shared fields and the changes of all
     */
    public static AuditRow of(List<AuditRow> rows) {
        AuditRow first = rows.get(0);
        AuditRow write = copy(first);
        List<String[]> changes = new ArrayList<>(rows.size());
        for (AuditRow r : rows) {
            changes.add(new String[] {r.columnName, r.oldValue, r.newValue});
        }
        try {
            write.changes = JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new StorageException("Cannot encode the audit entries of " + first.tableName + "/" + first.recordId, e);
        }
        return write;
    }

    /**
     * @return the entries of an outbox row, in column order, each carrying the row's pending id
     * @throws StorageException when its changes are not the JSON this class writes (a hand-edited row)
     */
    public static List<AuditRow> entries(AuditRow write) {
        String[][] changes;
        try {
            changes = JSON.readValue(write.changes, String[][].class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StorageException("Pending audit write " + write.pendingId + " has unreadable changes", e);
        }
        List<AuditRow> rows = new ArrayList<>(changes.length);
        for (String[] change : changes) {
            if (change.length != 3 || change[0] == null) {
                throw new StorageException("Pending audit write " + write.pendingId + " has a malformed change " + Arrays.toString(change));
            }
            AuditRow r = copy(write);
            r.columnName = change[0];
            r.oldValue = change[1];
            r.newValue = change[2];
            rows.add(r);
        }
        return rows;
    }

    private static AuditRow copy(AuditRow from) {
        AuditRow r = new AuditRow();
        r.pendingId = from.pendingId;
        r.accountId = from.accountId;
        r.operation = from.operation;
        r.tableName = from.tableName;
        r.recordId = from.recordId;
        r.userId = from.userId;
        r.userEmail = from.userEmail;
        r.userName = from.userName;
        r.esUsername = from.esUsername;
        r.esReason = from.esReason;
        r.esTimestamp = from.esTimestamp;
        r.ipAddress = from.ipAddress;
        r.userAgent = from.userAgent;
        r.requestId = from.requestId;
        r.occurredAt = from.occurredAt;
        r.extraMetadata = from.extraMetadata;
        return r;
    }
}
