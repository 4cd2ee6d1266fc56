package io.snackbase.jobs.internal.store;

/** How many jobs have one status. */
public class StatusCount {
    public String status;
    public long total;
}
