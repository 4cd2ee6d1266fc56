package io.snackbase.audit.internal.chain;

import io.snackbase.api.storage.StorageException;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.audit.internal.Values;
import io.snackbase.audit.internal.store.AuditInserts;
import io.snackbase.audit.internal.store.AuditMapper;
import io.snackbase.audit.internal.store.AuditRow;
import io.snackbase.audit.internal.store.ChainHead;
import io.snackbase.audit.internal.store.PendingWrites;
import java.util.List;

/**
 * Moves committed writes from the outbox {@code audit_pending} into the one global chain of
 * {@code audit_log}, one batch per transaction: lock the chain head, read the oldest pending writes,
 * expand each into its entries, number and link them from the head, insert them, delete the writes
 * from the outbox, move the head, commit. Writers never take the head lock; only sealers do, so they queue on it (threads of this
 * instance and other instances on the same database alike) and the chain never forks. Inserting
 * and deleting in one transaction means a row is sealed exactly once: if the delete finds fewer
 * rows than were read (another sealer got there first, which the head lock should make impossible),
 * the batch rolls back. Ids come from the head, so they stay contiguous. A write whose outbox
 * row cannot be read (only a hand-edited one) fails its batch every time: it is logged, and sealing
 * stops there until the row is repaired, since skipping it would commit a write without its entries.
 *
 * <p>Thread-safe (the state is the database's). Every call runs its own transaction and must not be
 * made inside another one, which would keep the head locked until that one ends.
 */
public final class ChainSealer {

    private final AuditMapper mapper;
    private final TransactionManager transactions;
    private final int batchSize;

    /** @param batchSize most writes (outbox rows) sealed per transaction */
    public ChainSealer(AuditMapper mapper, TransactionManager transactions, int batchSize) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /**
     * Seals one batch: the oldest pending writes with ids up to {@code upTo}, at most the batch size.
     *
     * @return the sealed entries (ids, checksums and links filled in), committed; empty when none were pending
     * @throws IllegalStateException when called inside a transaction
     * @throws StorageException when the database fails or the head row is missing; nothing is sealed then
     */
    public List<AuditRow> sealBatch(long upTo) {
        return seal(upTo).entries();
    }

    /** One sealed batch: its entries, and how many writes they came from. */
    private record Batch(List<AuditRow> entries, int writes) {}

    private Batch seal(long upTo) {
        outsideTransactions();
        return transactions.inTransaction(() -> {
            ChainHead head = mapper.lockHead();
            if (head == null) {
                throw new StorageException("The audit chain head (audit_chain_head, id 1) is missing");
            }
            List<AuditRow> writes = mapper.pending(upTo, batchSize);
            if (writes.isEmpty()) {
                return new Batch(List.of(), 0);
            }
            List<AuditRow> rows = new java.util.ArrayList<>(writes.size() * 8);
            for (AuditRow write : writes) {
                rows.addAll(PendingWrites.entries(write));
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
            int deleted = AuditInserts.deletePending(mapper, writes);
            if (deleted != writes.size()) {
                throw new StorageException("Audit sealing raced: " + writes.size() + " pending writes read but " + deleted
                        + " deleted; the batch is rolled back and sealed again");
            }
            ChainHead moved = new ChainHead();
            moved.lastId = id;
            moved.lastChecksum = previous;
            mapper.moveHead(moved);
            return new Batch(rows, writes.size());
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
            Batch batch = seal(last);
            count += batch.entries().size();
            if (!batch.entries().isEmpty()) {
                sealed.accept(batch.entries());
            }
            if (batch.writes() < batchSize) {
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
