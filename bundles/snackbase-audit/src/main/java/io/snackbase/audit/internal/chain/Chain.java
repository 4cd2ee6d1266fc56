package io.snackbase.audit.internal.chain;

import io.snackbase.api.storage.StorageException;
import io.snackbase.audit.internal.Values;
import io.snackbase.audit.internal.store.AuditInserts;
import io.snackbase.audit.internal.store.AuditMapper;
import io.snackbase.audit.internal.store.AuditRow;
import io.snackbase.audit.internal.store.ChainHead;
import java.util.List;

/**
 * Appends rows to the one global chain inside the caller's transaction: lock the head, number and
 * link the rows from it, insert them, move the head. The head lock is held until the transaction
 * ends, so concurrent appends (threads or instances) queue and a rolled-back one leaves no trace,
 * not even a used id.
 */
public final class Chain {

    private final AuditMapper mapper;

    public Chain(AuditMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param rows rows without id, checksum and previous hash; they are filled in
     * @throws StorageException when the chain head row is missing
     */
    public void append(List<AuditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ChainHead head = mapper.lockHead();
        if (head == null) {
            throw new StorageException("The audit chain head (audit_chain_head, id 1) is missing");
        }
        long id = head.lastId;
        String previous = head.lastChecksum;
        for (AuditRow row : rows) {
            row.id = ++id;
            row.previousHash = previous;
            row.checksum = Canonical.checksum(row, Values.metadata(row.extraMetadata));
            previous = row.checksum;
        }
        AuditInserts.insert(mapper, rows);
        ChainHead moved = new ChainHead();
        moved.lastId = id;
        moved.lastChecksum = previous;
        mapper.moveHead(moved);
    }
}
