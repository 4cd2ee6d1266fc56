package io.snackbase.jobs.internal.store;

/**
 * One row of {@code jobs}; times are epoch milliseconds (UTC), {@code payload} is JSON text,
 * {@code attempts} counts the attempts started so far (a claim adds one).
 */
public class JobRow {
    public Long seq;
    public String id;
    public String queue;
    public String topic;
    public String accountId;
    public String payload;
    public int priority;
    public String status;
    public int attempts;
    public int maxRetries;
    public int retryDelaySeconds;
    public long runAt;
    public String lockedBy;
    public Long lockedUntil;
    public String lastError;
    public long createdAt;
    public Long startedAt;
    public Long completedAt;
    public Long failedAt;
    public String orderingKey;
    public String createdBy;
}
