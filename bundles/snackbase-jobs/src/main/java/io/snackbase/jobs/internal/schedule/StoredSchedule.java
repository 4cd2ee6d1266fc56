package io.snackbase.jobs.internal.schedule;

/** One row of {@code job_schedules} (SQLite only): a schedule and the JSON of its {@code JobRequest}. */
public class StoredSchedule {
    public String id;
    public String cron;
    public String request;
}
