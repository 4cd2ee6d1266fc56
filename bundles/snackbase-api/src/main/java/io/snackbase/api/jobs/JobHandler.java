package io.snackbase.api.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs background jobs of some topics, registered by any bundle as an OSGi service.
 *
 * <h2>Registration</h2>
 * {@value JobConstants#JOB_TOPICS} (required), {@value JobConstants#JOB_SCHEDULE} (optional cron),
 * {@code service.ranking}. Use {@link SnackbaseJob}. For a topic the highest ranking wins, then
 * the lowest service id; the others are reported as shadowed.
 *
 * <h2>Delivery</h2>
 * Jobs are stored in the database and claimed by one worker of one instance at a time; a job is
 * delivered at least once, so handlers must be idempotent (use {@link Job#id()}). A job whose
 * handler throws is retried with exponential back-off up to its retry limit.
 *
 * <h2>Threading</h2>
 * Called on worker threads, possibly concurrently for different jobs.
 */
@ConsumerType
@FunctionalInterface
public interface JobHandler {

    /**
     * @param job the job to run
     * @throws Exception to fail this attempt (it is retried while attempts remain)
     */
    void handle(Job job) throws Exception;
}
