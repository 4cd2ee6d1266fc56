package io.snackbase.api.jobs;

/** Service property names of {@link JobHandler} registrations. */
public final class JobConstants {

    /**
     * Required: the topics the handler runs, String or String[] (value is "snackbase.job.topics").
     * Topics are dotted lowercase names ({@code acme.reports.nightly}); {@code *} is refused.
     */
    public static final String JOB_TOPICS = "snackbase.job.topics";

    /**
     * Optional: a standard 5-field cron expression, in UTC, on which a job of the handler's first
     * topic is enqueued (value is "snackbase.job.schedule").
     */
    public static final String JOB_SCHEDULE = "snackbase.job.schedule";

    private JobConstants() {}
}
