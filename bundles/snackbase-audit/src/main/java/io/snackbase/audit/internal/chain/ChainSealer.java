package io.snackbase.audit.internal.chain;

import io.snackbase.api.storage.StorageException;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.audit.internal.Values;
import io.snackbase.audit.internal.store.AuditInserts;
import io.snackbase.audit.internal.store.AuditMapper;
import io.snackbase.audit.internal.store.AuditRow;
import io.snackbase.audit.internal.store.ChainHead;
import java.util.List;

/**
 * Moves committed rows from the outbox {@code audit_pending} into the one global chain of
 * {@code audit_log}, one batch per transaction: lock the chain head, read the oldest pending rows,
 * number and link them from the head, insert them, delete them from the outbox, move the head,
 * commit. Writers never take the head lock; only sealers do, so they queue on it (threads of this
 * instance and other instances on the same database alike) and the chain never forks. Inserting
 * and deleting in one transaction means a row is sealed exactly once: if the delete finds fewer
 * rows than were read (another sealer got there first, which the head lock should make impossible),
 * the batch rolls back. Ids come from the head, so they stay contiguous.
 *
 * <p>Thread-safe (the state is the database's). Every call runs its own transaction and must not be
 * made inside another one, which would keep the head locked until that one ends.
 */
public final class ChainSealer {

    private final AuditMapper mapper;
    private final TransactionManager transactions;
    private final int batchSize;

    /** @param batchSize most rows sealed per transaction */
    public ChainSealer(AuditMapper mapper, TransactionManager transactions, int batchSize) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Seals one batch: the oldest pending rows with ids up to {@code upTo}, at most the batch size.
     *
     * @return the sealed rows (ids, checksums and links filled in), committed; empty when none were pending
     * @throws IllegalStateException when called inside a transaction
     * @throws StorageException when the database fails or the head row is missing; nothing is sealed then
     */
    public List<AuditRow> sealBatch(long upTo) {
        outsideTransactions();
        return transactions.inTransaction(() -> {
            ChainHead head = mapper.lockHead();
            if (head == null) {
                throw new StorageException("The audit chain head (audit_chain_head, id 1) is missing");
            }
            List<AuditRow> rows = mapper.pending(upTo, batchSize);
            if (rows.isEmpty()) {
                return rows;
            }
            long id = head.lastId;
            String previous = head.lastChecksum;
            // a write's rows share their metadata text: parse it once per run of equal texts
            String metadataText = null;
            java.util.Map<String, Object> metadata = null;
            for (AuditRow row : rows) {
                if (metadata == null || !java.util.Objects.equals(metadataText, row.extraMetadata)) {
                    metadataText = row.extraMetadata;
                    metadata = Values.metadata(metadataText);
                }
                row.id = ++id;
                row.previousHash = previous;
                row.checksum = Canonical.checksum(row, metadata);
                previous = row.checksum;
            }
            AuditInserts.sealed(mapper, rows);
            int deleted = AuditInserts.deletePending(mapper, rows);
            if (deleted != rows.size()) {
                throw new StorageException("Audit sealing raced: " + rows.size() + " pending rows read but " + deleted
                        + " deleted; the batch is rolled back and sealed again");
            }
            ChainHead moved = new ChainHead();
            moved.lastId = id;
            moved.lastChecksum = previous;
            mapper.moveHead(moved);
            return rows;
        });
    }

    /**
     * Seals, batch after batch, every row pending when the call began (rows that writers commit
     * meanwhile may be sealed too, or left for the next call): what a reader calls so that it sees
     * the entries of every write that committed before its read.
     *
     * @param sealed called with each batch once it is committed
     * @return how many rows were sealed
     * @throws IllegalStateException when called inside a transaction
     */
    public long sealPending(java.util.function.Consumer<List<AuditRow>> sealed) {
        outsideTransactions();
        Long last = mapper.lastPendingId();
        if (last == null) {
            return 0;
        }
        long count = 0;
        while (true) {
            List<AuditRow> batch = sealBatch(last);
            count += batch.size();
            if (!batch.isEmpty()) {
                sealed.accept(batch);
            }
            if (batch.size() < batchSize) {
                return count;
            }
        }
    }

    private void outsideTransactions() {
        if (transactions.isActive()) {
            throw new IllegalStateException("Sealing runs in a transaction of its own, not inside the caller's");
        }
    }
}
