package io.snackbase.webhooks.internal.store;

/** One row of {@code webhook_delivery_attempts}: what one attempt of a delivery got. */
public class AttemptRow {
    public Long deliverySeq;
    public Integer attemptNumber;
    public Integer responseStatus;
    public String responseBody;
    public String error;
    public Long durationMs;
    public Long attemptedAt;
}
