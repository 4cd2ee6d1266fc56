package io.snackbase.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives audit entries after they are committed and sealed into the chain (with their id,
 * checksum and previous hash): a whiteboard, register it as a service (no service property is
 * needed). Entries of a transaction that rolled back are never delivered.
 *
 * <p>Each sink has its own delivery thread and a bounded queue: calls to one sink come one at a
 * time, in chain order, never on the writing thread. A sink that throws is logged and gets the
 * next batch; when its queue is full (a sink slower than the writes) further batches for it are
 * dropped and logged with their id range, so a sink that must see everything reads the gap back
 * from the audit log. Neither case delays or fails a write.
 */
@ConsumerType
@FunctionalInterface
public interface AuditSink {

    /**
     * @param entries entries sealed together, in id order: those of one or more
     *     {@link AuditService#recordChange} calls (a large backlog is delivered in several lists);
     *     an unmodifiable list
     */
    void accept(List<AuditEntry> entries);
}
