package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.jobs.internal.store.JobRow;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job with the handler of its topic, under the execution timeout, and records the
 * outcome. Called by the worker threads, concurrently; {@link #close()} when they have stopped.
 */
final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore store;
    private final JobHandlerRegistry handlers;
    private final String owner;
    private final Duration timeout;
    private final ScheduledExecutorService timer;

    JobRunner(JobStore store, JobHandlerRegistry handlers, String owner, Duration timeout) {
        this.store = store;
        this.handlers = handlers;
        this.owner = owner;
        this.timeout = timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snackbase-job-timeouts-" + owner);
            t.setDaemon(true);
            return t;
        });
    }

    void run(JobRow row) {
        Optional<JobHandler> handler = handlers.handlerFor(row.topic);
        if (handler.isEmpty()) {
            // Unregistered between claim and run: not the job's fault, so it waits for a handler again.
            LOG.info("Job {} of topic '{}' lost its handler before it ran; it waits for one", row.id, row.topic);
            store.release(row, owner);
            return;
        }
        Watchdog watchdog = new Watchdog(Thread.currentThread());
        String error = null;
        boolean interrupted = false;
        try {
            Job job = new Job(row.id, row.topic, row.accountId, Payloads.fromJson(row.payload), row.attempts);
            handler.get().handle(job);
        } catch (InterruptedException e) {
            interrupted = true;
            error = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            error = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } finally {
            watchdog.disarm();
        }
        // Handled here in every case, so that no interrupt reaches the next claim's JDBC calls.
        interrupted |= Thread.interrupted();
        if (watchdog.fired) {
            error = error == null ? null : "Timed out after " + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s"
                    : timeout.toMillis() + " ms") + " (" + error + ")";
        } else if (interrupted) {
            // The instance is stopping: not the job's fault, so the attempt does not count.
            LOG.info("Job {} of topic '{}' interrupted by the stop of its instance; back to pending", row.id, row.topic);
            store.release(row, owner);
            Thread.currentThread().interrupt();
            return;
        }
        record(row, error);
    }

    /** Interrupts the worker when the timeout passes, unless disarmed first; never after {@link #disarm()} returns. */
    private final class Watchdog {
        private final Thread worker;
        private final ScheduledFuture<?> task;
        private boolean armed = true;
        private volatile boolean fired;

        Watchdog(Thread worker) {
            this.worker = worker;
            this.task = timeout.isZero() ? null : timer.schedule(this::fire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void fire() {
            if (armed) {
                fired = true;
                worker.interrupt();
            }
        }

        synchronized void disarm() {
            armed = false;
            if (task != null) {
                task.cancel(false);
            }
        }
    }

    private void record(JobRow row, String error) {
        if (error == null) {
            if (!store.complete(row, owner)) {
                LOG.warn("Job {} of topic '{}' finished after its lease ran out; it was recovered and may run again",
                        row.id, row.topic);
            }
            return;
        }
        LOG.warn("Job {} of topic '{}' failed attempt {} of {}: {}", row.id, row.topic, row.attempts,
                row.maxRetries + 1, error);
        if (!store.fail(row, owner, error)) {
            LOG.warn("Job {} failed after its lease ran out; it was already recovered", row.id);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
