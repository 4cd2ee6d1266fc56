package io.snackbase.automation.internal;

import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.jobs.JobScheduler;
import io.snackbase.automation.internal.store.HookRow;
import java.util.Map;

/**
 * Keeps the job scheduler's schedule of a hook ({@code hook:<id>}) in step with the row: an
 * enabled schedule hook is scheduled and gets its {@code next_run_at}; anything else is
 * unscheduled and has none. Called inside the transaction that writes the row, so a scheduler
 * failure rolls the row back; a schedule left behind by a rolled-back row finds no hook when it
 * fires and removes itself ({@link io.snackbase.automation.internal.HookJobHandler}).
 */
public final class HookSchedules {

    /** The topic of every hook run job: event, schedule and manual runs of schedule hooks. */
    public static final String TOPIC = "hooks.run";
    /** The queue of scheduled runs, as the reference names it. */
    public static final String SCHEDULED_QUEUE = "scheduled";
    /** The queue of event runs. */
    public static final String EVENT_QUEUE = "hooks";

    private final JobScheduler scheduler;

    public HookSchedules(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    public static String scheduleId(String hookId) {
        return "hook:" + hookId;
    }

    /** Schedules or unschedules the hook and sets its {@code nextRunAt}. */
    public void apply(HookRow row) {
        if (HookTrigger.SCHEDULE.equals(row.triggerType) && row.isEnabled()) {
            row.nextRunAt = scheduler.schedule(scheduleId(row.id), row.cron, job(row, false)).toEpochMilli();
        } else {
            scheduler.unschedule(scheduleId(row.id));
            row.nextRunAt = null;
        }
    }

    /** @return the scheduler's next firing of the hook's schedule, if it has one */
    public java.util.Optional<java.time.Instant> nextRun(String hookId) {
        return scheduler.nextRun(scheduleId(hookId));
    }

    public void remove(String hookId) {
        scheduler.unschedule(scheduleId(hookId));
    }

    /** @return the job of a scheduled run ({@code manual} for one asked for by POST /trigger) */
    public static JobRequest job(HookRow row, boolean manual) {
        return JobRequest.of(TOPIC, Map.of("hook_id", row.id, "trigger", HookTrigger.SCHEDULE, "manual", manual))
                .withAccount(row.accountId, row.createdBy).withQueue(SCHEDULED_QUEUE, 0).withRetries(3, 10);
    }
}
