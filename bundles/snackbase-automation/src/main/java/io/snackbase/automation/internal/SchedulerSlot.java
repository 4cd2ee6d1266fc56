package io.snackbase.automation.internal;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.jobs.JobScheduler;
import java.time.Instant;
import java.util.Optional;

/**
 * The job scheduler while it is there: an optional, dynamic reference, so that event and manual
 * hooks keep working while the scheduler is missing or restarting. Without it, saving or running
 * a schedule hook is a 503 (retrying later can succeed); unscheduling does nothing, and a schedule
 * left behind that fires later finds its hook gone and removes itself.
 */
final class SchedulerSlot implements JobScheduler {

    private volatile JobScheduler current;

    void set(JobScheduler scheduler) {
        current = scheduler;
    }

    synchronized void clear(JobScheduler gone) {
        if (current == gone) {
            current = null;
        }
    }

    private JobScheduler require() {
        JobScheduler scheduler = current;
        if (scheduler == null) {
            throw new ApiException(503, "Service Unavailable", "The job scheduler is not available; schedule hooks cannot be saved now");
        }
        return scheduler;
    }

    @Override
    public Instant schedule(String scheduleId, String cron, JobRequest job) {
        return require().schedule(scheduleId, cron, job);
    }

    @Override
    public void unschedule(String scheduleId) {
        JobScheduler scheduler = current;
        if (scheduler != null) {
            scheduler.unschedule(scheduleId);
        }
    }

    @Override
    public Optional<Instant> nextRun(String scheduleId) {
        JobScheduler scheduler = current;
        return scheduler == null ? Optional.empty() : scheduler.nextRun(scheduleId);
    }

    @Override
    public Instant nextRunAfter(String cron, Instant after) {
        return require().nextRunAfter(cron, after);
    }
}
