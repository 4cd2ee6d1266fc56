package io.snackbase.jobs.internal.store;

import java.util.List;

/** The statuses of a job (jobs.md); the workers never write {@code failed}, which only an import or a replacement could. */
public final class JobStatus {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String RETRYING = "retrying";
    public static final String DEAD = "dead";

    /** In the order of the stats body. */
    public static final List<String> ALL = List.of(PENDING, RUNNING, COMPLETED, FAILED, RETRYING, DEAD);

    private JobStatus() {}
}
