package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.jobs.internal.store.JobRow;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one claimed job with the handler of its topic and records the outcome. */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final JobHandlerRegistry handlers;
    private final String owner;

    JobRunner(JobStore store, JobHandlerRegistry handlers, String owner) {
        this.store = store;
        this.handlers = handlers;
        this.owner = owner;
    }

    void run(JobRow row) {
        Optional<JobHandler> handler = handlers.handlerFor(row.topic);
        if (handler.isEmpty()) {
            // Unregistered between claim and run: not the job's fault, so it waits for a handler again.
            LOG.info("Job {} of topic '{}' lost its handler before it ran; it waits for one", row.id, row.topic);
            store.release(row, owner);
            return;
        }
        String error;
        try {
            Job job = new Job(row.id, row.topic, row.accountId, Payloads.fromJson(row.payload), row.attempts);
            handler.get().handle(job);
            if (!store.complete(row, owner)) {
                LOG.warn("Job {} of topic '{}' finished after its lease ran out; it was recovered and may run again",
                        row.id, row.topic);
            }
            return;
        } catch (InterruptedException e) {
            // The instance is stopping: not the job's fault, so the attempt does not count.
            Thread.currentThread().interrupt();
            LOG.info("Job {} of topic '{}' interrupted by the stop of its instance; back to pending", row.id, row.topic);
            store.release(row, owner);
            return;
        } catch (Exception | LinkageError | AssertionError e) {
            error = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        LOG.warn("Job {} of topic '{}' failed attempt {} of {}: {}", row.id, row.topic, row.attempts,
                row.maxRetries + 1, error);
        if (!store.fail(row, owner, error)) {
            LOG.warn("Job {} failed after its lease ran out; it was already recovered", row.id);
        }
    }
}
