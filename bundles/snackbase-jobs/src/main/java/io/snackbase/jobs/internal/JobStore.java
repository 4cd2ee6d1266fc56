package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.api.storage.TransactionalWork;
import io.snackbase.jobs.internal.store.JobMapper;
import io.snackbase.jobs.internal.store.JobRow;
import io.snackbase.jobs.internal.store.JobStatus;
import io.snackbase.request.support.SqlFailures;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The state changes of jobs, each in one short transaction: enqueue (in the caller's), claim,
 * complete, fail with back-off, lease renewal and recovery, release and purge.
 */
final class JobStore {

    /** The longest error text kept (domain.md 6.5). */
    static final int MAX_ERROR = 5000;
    /** Tries of one state change that keeps losing deadlocks before the failure is passed on. */
    static final int DEADLOCK_RETRIES = 10;

    final JobMapper mapper;
    final Clock clock;
    private final TransactionManager transactions;

    JobStore(JobMapper mapper, TransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Inserts the job in the caller's transaction (it must have one).
     *
     * @throws IllegalArgumentException for a request the table cannot hold ({@link JobRequests})
     */
    JobRow insert(JobRequest request) {
        JobRequests.check(request);
        long now = clock.millis();
        JobRow row = new JobRow();
        row.id = UUID.randomUUID().toString();
        row.queue = request.queue();
        row.topic = request.topic();
        row.accountId = request.accountId();
        row.payload = Payloads.toJson(request.payload());
        row.priority = request.priority();
        row.status = JobStatus.PENDING;
        row.maxRetries = request.maxRetries();
        row.retryDelaySeconds = request.retryDelaySeconds();
        row.runAt = request.runAt() == null ? now : request.runAt().toEpochMilli();
        row.createdAt = now;
        row.orderingKey = request.orderingKey();
        row.createdBy = request.createdBy();
        mapper.insert(row);
        return row;
    }

    /**
     * Claims up to {@code limit} due jobs of the given topics for {@code owner}: locks the best
     * candidates (skipping those another instance is claiming) and marks them running with a lease.
     *
     * @return the claimed jobs, attempts already counted
     */
    List<JobRow> claim(String owner, Collection<String> topics, List<String> queues, int limit, Duration lease) {
        if (topics.isEmpty()) {
            return List.of();
        }
        return retried(() -> {
            long now = clock.millis();
            List<Long> seqs = mapper.claimable(now, topics, queues, limit);
            if (seqs.isEmpty()) {
                return List.of();
            }
            mapper.claim(seqs, owner, now, now + lease.toMillis());
            return mapper.claimed(seqs, owner);
        });
    }

    /** @return false when the job was no longer this owner's (its lease ran out and it was recovered) */
    boolean complete(JobRow job, String owner) {
        return retried(() -> mapper.complete(job.seq, owner, clock.millis())) == 1;
    }

    /**
     * Ends a failed attempt: {@code retrying} after {@code retryDelaySeconds * 2^(attempt-1)}
     * while retries remain ({@code attempts <= maxRetries}), else {@code dead}.
     *
     * @return false when the job was no longer {@code owner}'s
     */
    boolean fail(JobRow job, String owner, String error) {
        return retried(() -> failInTransaction(job, owner, error)) == 1;
    }

    private int failInTransaction(JobRow job, String owner, String error) {
        long now = clock.millis();
        boolean retry = job.attempts <= job.maxRetries;
        long runAt = retry ? now + Backoff.delayMillis(job.retryDelaySeconds, job.attempts) : job.runAt;
        return mapper.fail(job.seq, owner, retry ? JobStatus.RETRYING : JobStatus.DEAD, runAt, now, truncate(error));
    }

    /** Puts one claimed job back to waiting, its attempt not counted. */
    void release(JobRow job, String owner) {
        retried(() -> mapper.release(owner, job.seq));
    }

    /** Puts every job still running for {@code owner} back to waiting (shutdown). */
    int releaseAll(String owner) {
        return retried(() -> mapper.release(owner, null));
    }

    /** Extends the lease of every job running for {@code owner}. */
    int renew(String owner, Duration lease) {
        return retried(() -> mapper.renew(owner, clock.millis() + lease.toMillis()));
    }

    /**
     * Recovers running jobs whose lease ran out: each is a failed attempt of its (dead or hung)
     * owner, so it is retried with back-off or, out of retries, dead.
     *
     * @return how many were recovered
     */
    int recoverExpired(int limit) {
        return retried(() -> {
            int recovered = 0;
            for (JobRow job : mapper.expired(clock.millis(), limit)) {
                recovered += failInTransaction(job, job.lockedBy,
                        "Lease expired: the worker " + job.lockedBy + " stopped renewing it (it died or hangs)");
            }
            return recovered;
        });
    }

    /** Deletes completed jobs older than the retention; 0 days keeps them. */
    int purge(int retentionDays) {
        if (retentionDays == 0) {
            return 0;
        }
        long before = clock.millis() - Duration.ofDays(retentionDays).toMillis();
        return transactions.inTransaction(() -> mapper.purge(before));
    }

    /**
     * Runs one state change in its own transaction, again when the database chose it as the victim
     * of a deadlock (InnoDB's next-key locks make claims and completions of neighbouring rows
     * collide under load); each statement is idempotent for its owner, so a repeat is safe.
     */
    private <T> T retried(TransactionalWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= DEADLOCK_RETRIES || !SqlFailures.isRolledBack(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying after a deadlock", e);
        }
    }

    static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
