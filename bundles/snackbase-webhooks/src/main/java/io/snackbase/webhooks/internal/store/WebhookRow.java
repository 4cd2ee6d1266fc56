package io.snackbase.webhooks.internal.store;

/** One row of {@code webhooks}; times are epoch milliseconds, {@code events} comma-separated, {@code headers} JSON. */
public class WebhookRow {
    public String id;
    public String accountId;
    public String url;
    public String collection;
    public String events;
    public String secret;
    public String previousSecret;
    public Long previousSecretUntil;
    public String filterExpression;
    public String headers;
    public Boolean enabled;
    public String disabledReason;
    public Long failingSince;
    public Long createdAt;
    public Long updatedAt;
    public String createdBy;
}
