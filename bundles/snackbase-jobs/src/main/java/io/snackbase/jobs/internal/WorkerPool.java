package io.snackbase.jobs.internal;

import io.snackbase.jobs.internal.store.JobRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads of one instance, each claiming and running one job at a time, and the
 * maintenance thread (lease renewal, recovery of expired leases, retention purge).
 *
 * <p>An idle worker sleeps until {@link #wake()} (called after the commit of a local enqueue) or
 * the poll interval passes. A wake-up counter closes the gap between an empty claim and the
 * sleep: a wake-up that arrives while a worker is claiming makes it claim again at once.
 */
final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final int RECOVERY_BATCH = 100;
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final JobSettings settings;
    private final JobStore store;
    private final JobRunner runner;
    private final Supplier<Set<String>> topics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final List<Thread> workers = new ArrayList<>();
    private long wakeups;
    private volatile boolean running;
    private ScheduledExecutorService maintenance;
    private long lastPurge;

    WorkerPool(JobSettings settings, JobStore store, JobRunner runner, Supplier<Set<String>> topics) {
        this.settings = settings;
        this.store = store;
        this.runner = runner;
        this.topics = topics;
    }

    synchronized void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = new Thread(this::work, "snackbase-job-worker-" + settings.instanceId() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snackbase-job-maintenance-" + settings.instanceId());
            t.setDaemon(true);
            return t;
        });
        long renewEvery = Math.max(1000, settings.lease().toMillis() / 3);
        maintenance.scheduleWithFixedDelay(this::renew, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        long every = settings.maintenanceInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::maintain, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Wakes one idle worker, and makes any worker that is claiming now claim once more. Never blocks for long. */
    void wake() {
        lock.lock();
        try {
            wakeups++;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops claiming, lets running jobs finish within the grace period, interrupts the rest and
     * puts the jobs still marked running here back to pending.
     */
    synchronized void stop() {
        running = false;
        lock.lock();
        try {
            woken.signalAll();
        } finally {
            lock.unlock();
        }
        // Let a running maintenance statement finish: interrupting JDBC I/O breaks the connection.
        maintenance.shutdown();
        try {
            if (!maintenance.awaitTermination(5, TimeUnit.SECONDS)) {
                maintenance.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            maintenance.shutdownNow();
        }
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (Thread worker : workers) {
            joinUntil(worker, deadline);
        }
        workers.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        for (Thread worker : workers) {
            joinUntil(worker, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        }
        workers.clear();
        runner.close();
        try {
            int released = store.releaseAll(settings.instanceId());
            if (released > 0) {
                LOG.info("{} running job(s) of {} put back to pending on stop", released, settings.instanceId());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not put the running jobs of {} back to pending; their leases will expire", settings.instanceId(), e);
        }
    }

    private void work() {
        while (running) {
            long seen = wakeupCount();
            List<JobRow> claimed;
            try {
                claimed = store.claim(settings.instanceId(), topics.get(), settings.queues(), 1, settings.lease());
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Claiming jobs failed; retrying after the poll interval", e);
                claimed = List.of();
            }
            if (claimed.isEmpty()) {
                awaitWakeup(seen);
            }
            for (JobRow job : claimed) {
                try {
                    runner.run(job);
                } catch (RuntimeException e) {
                    // Its outcome could not be stored (the database went away): the lease expires and
                    // recovery counts the attempt. The worker carries on.
                    LOG.error("The outcome of job {} could not be stored; it is recovered when its lease expires",
                            job.id, e);
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return; // stop() interrupted a running job; it was put back to pending
            }
        }
    }

    private long wakeupCount() {
        lock.lock();
        try {
            return wakeups;
        } finally {
            lock.unlock();
        }
    }

    private void awaitWakeup(long seen) {
        lock.lock();
        try {
            long nanos = settings.pollInterval().toNanos();
            while (running && wakeups == seen && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void renew() {
        try {
            store.renew(settings.instanceId(), settings.lease());
        } catch (RuntimeException e) {
            LOG.warn("Renewing the job leases of {} failed", settings.instanceId(), e);
        }
    }

    private void maintain() {
        try {
            int recovered = store.recoverExpired(RECOVERY_BATCH);
            if (recovered > 0) {
                LOG.warn("Recovered {} job(s) whose lease expired", recovered);
                wake();
            }
            long now = System.currentTimeMillis();
            if (now - lastPurge >= PURGE_INTERVAL.toMillis()) {
                lastPurge = now;
                int purged = store.purge(settings.retentionDays());
                if (purged > 0) {
                    LOG.info("Deleted {} completed job(s) older than {} days", purged, settings.retentionDays());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Job maintenance failed; it runs again in {}", settings.maintenanceInterval(), e);
        }
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (millis <= 0) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
