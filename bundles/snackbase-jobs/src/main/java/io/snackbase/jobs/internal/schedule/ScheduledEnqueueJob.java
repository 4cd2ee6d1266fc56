package io.snackbase.jobs.internal.schedule;

import io.snackbase.api.jobs.JobQueue;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * What a schedule's trigger does when it fires: enqueue the schedule's job. Made by the scheduler's
 * job factory with the queue (Quartz would otherwise need a no-argument constructor).
 */
public final class ScheduledEnqueueJob implements Job {

    /** Job data key of the {@link ScheduledRequests} JSON. */
    static final String REQUEST = "request";
    /** Trigger data key of {@link QuartzCron.Part#skipWhen()}. */
    static final String SKIP_WHEN = "skipWhen";

    private final JobQueue queue;

    ScheduledEnqueueJob(JobQueue queue) {
        this.queue = queue;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String skipWhen = context.getTrigger().getJobDataMap().getString(SKIP_WHEN);
        if (skipWhen != null && QuartzCron.expression(skipWhen).isSatisfiedBy(context.getScheduledFireTime())) {
            return;
        }
        try {
            queue.enqueue(ScheduledRequests.fromJson(context.getJobDetail().getJobDataMap().getString(REQUEST)));
        } catch (RuntimeException e) {
            // Quartz logs it; the next firing tries again (a missed firing is not replayed, domain.md 6.6).
            throw new JobExecutionException("Schedule " + context.getJobDetail().getKey().getName()
                    + " could not enqueue its job: " + e.getMessage(), e, false);
        }
    }
}
