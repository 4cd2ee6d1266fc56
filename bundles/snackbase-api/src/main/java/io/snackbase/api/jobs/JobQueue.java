package io.snackbase.api.jobs;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable job queue: jobs are rows in the database, claimed by one worker of one instance at
 * a time and run by the {@link JobHandler} of their topic.
 *
 * <p>Registered by the jobs bundle with {@code snackbase.impl=default}; a replacement registers
 * with a higher {@code service.ranking}. Thread-safe.
 *
 * <h2>Transactions</h2>
 * {@link #enqueue} joins the calling thread's transaction
 * ({@link io.snackbase.api.storage.TransactionManager#inTransaction}) when there is one, so a job
 * enqueued by a record write is an outbox row: it commits with the write and is dropped by its
 * rollback. After commit the local workers are woken at once; other instances find the job on
 * their next poll.
 */
@ProviderType
public interface JobQueue {

    /**
     * Stores a job to run at or after {@link JobRequest#runAt()}.
     *
     * @param request the job
     * @return the new job's id (a UUID string)
     * @throws io.snackbase.api.storage.StorageException when it cannot be stored; inside a
     *     transaction the caller must then roll back
     */
    String enqueue(JobRequest request);
}
