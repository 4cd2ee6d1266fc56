package io.snackbase.api.records;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Called for every record create, update and delete <em>inside the write's transaction</em>, after
 * the row and its audit entries are written and before the commit: the place to write outbox rows
 * (hook runs, webhook deliveries, jobs through {@link io.snackbase.api.jobs.JobQueue}) that must
 * commit with the write and vanish with its rollback.
 *
 * <p>A whiteboard: register the service with no required properties; listeners are called in
 * {@code service.ranking} order (highest first, then lowest service id). Calls are made on the
 * writing thread while the transaction is open, once per row (a batch calls it per row, in
 * order). A listener must be quick and must only write to the database: an exception it throws
 * rolls the whole write back and reaches the client as that write's error. Work that talks to
 * the outside world belongs after commit (a job), never here.
 */
@ConsumerType
public interface RecordWriteListener {

    /**
     * One record write, before its transaction commits.
     *
     * @param write the write
     */
    void recordWritten(RecordWrite write);
}
