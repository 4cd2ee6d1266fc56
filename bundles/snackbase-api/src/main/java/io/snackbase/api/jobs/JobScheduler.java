package io.snackbase.api.jobs;

import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Cron schedules that enqueue a job on every firing: standard 5-field cron
 * ({@code minute hour day-of-month month day-of-week}), evaluated in UTC.
 *
 * <p>Registered by the jobs bundle with {@code snackbase.impl=default}. Schedules are durable and,
 * on PostgreSQL and MySQL/MariaDB, clustered: when several instances share the database each
 * firing enqueues its job once. Thread-safe.
 */
@ProviderType
public interface JobScheduler {

    /**
     * Creates or replaces the schedule {@code scheduleId}.
     *
     * @param scheduleId a stable id chosen by the caller (e.g. {@code hook:<id>})
     * @param cron a 5-field cron expression
     * @param job the job enqueued at each firing ({@link JobRequest#runAt()} is ignored)
     * @return the next firing time
     * @throws IllegalArgumentException when {@code cron} is not a valid 5-field expression
     */
    Instant schedule(String scheduleId, String cron, JobRequest job);

    /** Removes a schedule; nothing happens when it does not exist. */
    void unschedule(String scheduleId);

    /** The next firing of a schedule, or empty when there is no such schedule. */
    Optional<Instant> nextRun(String scheduleId);

    /**
     * Validates a cron expression and computes its next firing after {@code after}, without
     * scheduling anything.
     *
     * @throws IllegalArgumentException with a message naming the problem when it is invalid
     */
    Instant nextRunAfter(String cron, Instant after);
}
