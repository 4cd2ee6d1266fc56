package io.snackbase.webhooks.internal.delivery;

import io.snackbase.webhooks.internal.Json;
import io.snackbase.webhooks.internal.store.AttemptRow;
import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an attempt's outcome in one transaction: the delivery's new status (delivered; retrying at the next
 * delay of the schedule; failed after the last one), the attempt row, and the webhook's failing streak, which
 * disables it once it lasts longer than configured. After the commit an exhausted delivery is reported as
 * {@code on_webhook_delivery_failed}.
 */
final class Results {

    private static final Logger LOG = LoggerFactory.getLogger(Results.class);

    static final String PENDING = "pending";
    static final String RETRYING = "retrying";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    private final DeliveryStore store;
    private final Clock clock;
    private final List<Duration> schedule;
    private final Duration autoDisableAfter;
    private final Consumer<Map<String, Object>> exhausted;

    Results(DeliveryStore store, Clock clock, List<Duration> schedule, Duration autoDisableAfter,
            Consumer<Map<String, Object>> exhausted) {
        this.store = store;
        this.clock = clock;
        this.schedule = schedule;
        this.autoDisableAfter = autoDisableAfter;
        this.exhausted = exhausted;
    }

    /**
     * @param owner the lease owner; a lease lost to another instance (this one was too slow) records nothing
     * @return whether the outcome was recorded
     */
    boolean record(WebhookRow webhook, DeliveryRow delivery, Outcome outcome, String owner) {
        long now = clock.millis();
        int attempt = delivery.attemptNumber;
        boolean delivered = outcome.delivered();
        boolean retry = !delivered && attempt <= schedule.size() && webhook.enabled;
        delivery.status = delivered ? DELIVERED : retry ? RETRYING : FAILED;
        delivery.attemptNumber = retry ? attempt + 1 : attempt;
        delivery.nextAttemptAt = retry ? now + schedule.get(attempt - 1).toMillis() : null;
        delivery.responseStatus = outcome.status();
        delivery.responseBody = outcome.body();
        delivery.error = outcome.failure();
        delivery.durationMs = outcome.durationMillis();
        delivery.deliveredAt = delivered ? now : null;
        delivery.updatedAt = now;
        boolean recorded = store.transactions().inTransaction(() -> {
            if (store.deliveries().finish(delivery, owner) != 1) {
                return false;
            }
            store.deliveries().insertAttempt(attempt(delivery.seq, attempt, outcome, now));
            if (delivered && webhook.failingSince != null) {
                store.webhooks().succeeded(webhook.id);
            } else if (webhook.enabled) {
                streak(webhook, outcome, now);
            }
            return true;
        });
        if (!recorded) {
            LOG.warn("Delivery {} of webhook {}: lease lost before the outcome was recorded; another instance retries it",
                    delivery.id, webhook.id);
        } else if (FAILED.equals(delivery.status) && webhook.enabled) {
            exhausted.accept(failedEvent(webhook, delivery, attempt));
        }
        return recorded;
    }

    private void streak(WebhookRow webhook, Outcome outcome, long now) {
        store.webhooks().failed(webhook.id, now);
        long since = webhook.failingSince == null ? now : webhook.failingSince;
        if (!autoDisableAfter.isZero() && now - since >= autoDisableAfter.toMillis()) {
            String reason = "Disabled automatically: every delivery has failed since " + Json.iso(since)
                    + "; last error: " + outcome.failure();
            if (store.webhooks().disable(webhook.id, reason, now, false, true) == 1) {
                LOG.warn("Webhook {} of account {} disabled: {}", webhook.id, webhook.accountId, reason);
            }
        }
    }

    private static AttemptRow attempt(long seq, int number, Outcome outcome, long now) {
        AttemptRow row = new AttemptRow();
        row.deliverySeq = seq;
        row.attemptNumber = number;
        row.responseStatus = outcome.status();
        row.responseBody = outcome.body();
        row.error = outcome.failure();
        row.durationMs = outcome.durationMillis();
        row.attemptedAt = now;
        return row;
    }

    private static Map<String, Object> failedEvent(WebhookRow webhook, DeliveryRow delivery, int attempts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhook_id", webhook.id);
        data.put("delivery_id", delivery.id);
        data.put("account_id", webhook.accountId);
        data.put("event", delivery.event);
        data.put("collection", delivery.collection);
        data.put("url", webhook.url);
        data.put("attempts", attempts);
        data.put("error", delivery.error);
        return data;
    }
}
