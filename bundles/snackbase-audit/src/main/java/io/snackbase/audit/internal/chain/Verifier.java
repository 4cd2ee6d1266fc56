package io.snackbase.audit.internal.chain;

import io.snackbase.audit.internal.Values;
import io.snackbase.audit.internal.store.AuditMapper;
import io.snackbase.audit.internal.store.AuditRow;
import io.snackbase.audit.internal.store.ChainHead;
import java.util.List;
import java.util.Objects;

/**
 * Walks the chain by id in batches (a cursor on the id, so memory stays bounded by the batch
 * size) and stops at the first break: a missing id ({@code gap}), a checksum that does not match
 * the stored fields ({@code checksum_mismatch}), or a previous hash that is not the preceding
 * entry's checksum ({@code broken_link}). Entries removed from the end are found through the
 * chain head, read before the walk, which names the last id written. Each batch is its own read;
 * entries appended during the walk are checked when the walk reaches them.
 */
public final class Verifier {

    private final AuditMapper mapper;
    private final int batchSize;

    public Verifier(AuditMapper mapper, int batchSize) {
        this.mapper = mapper;
        this.batchSize = batchSize;
    }

    /**
     * @param fromId the first id to check, or null for the whole chain; the entry before it is
     *     trusted as the anchor of the first link
     */
    public Verification verify(Long fromId) {
        long expected = fromId == null ? 1 : Math.max(1, fromId);
        String previous = null;
        // read first: every id up to the head's was committed before the walk began
        ChainHead head = mapper.head();
        long last = head == null ? 0 : head.lastId;
        if (expected > 1) {
            if (last < expected) {
                return new Verification(0, null, null);
            }
            AuditRow anchor = mapper.findById(expected - 1);
            if (anchor == null) {
                return new Verification(0, expected - 1, Verification.GAP);
            }
            previous = anchor.checksum;
        }
        long checked = 0;
        while (true) {
            List<AuditRow> batch = mapper.fromId(expected, batchSize);
            for (AuditRow row : batch) {
                checked++;
                if (row.id != expected) {
                    return new Verification(checked, expected, Verification.GAP);
                }
                if (!Canonical.checksum(row, Values.metadata(row.extraMetadata)).equals(row.checksum)) {
                    return new Verification(checked, row.id, Verification.CHECKSUM_MISMATCH);
                }
                if (!Objects.equals(previous, row.previousHash)) {
                    return new Verification(checked, row.id, Verification.BROKEN_LINK);
                }
                previous = row.checksum;
                expected++;
            }
            if (batch.size() < batchSize) {
                break;
            }
        }
        if (last >= expected) {
            return new Verification(checked, expected, Verification.GAP);
        }
        return new Verification(checked, null, null);
    }
}
