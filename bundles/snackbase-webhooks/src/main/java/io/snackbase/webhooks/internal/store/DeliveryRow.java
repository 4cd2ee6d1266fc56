package io.snackbase.webhooks.internal.store;

/**
 * One row of {@code webhook_deliveries}: an outbox entry until it is delivered or failed, then history. The
 * response fields are those of the latest attempt; {@code payload} is the exact JSON body every attempt sends.
 */
public class DeliveryRow {
    public Long seq;
    public String id;
    public String webhookId;
    public String accountId;
    public String event;
    public String collection;
    public String recordKey;
    public String payload;
    public String status;
    public Integer attemptNumber;
    public Long nextAttemptAt;
    public String leaseOwner;
    public Long leaseUntil;
    public Integer responseStatus;
    public String responseBody;
    public String error;
    public Long durationMs;
    public Long deliveredAt;
    public Long createdAt;
    public Long updatedAt;
}
