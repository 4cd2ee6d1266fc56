package io.snackbase.webhooks.internal.delivery;

import io.snackbase.webhooks.internal.Json;
import io.snackbase.webhooks.internal.store.AttemptRow;
import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records attempts' outcomes, a batch per transaction: each delivery's new status (delivered; retrying at the
 * next delay of the schedule; failed after the last one), the attempt row, and the webhook's failing streak,
 * which disables it once it lasts longer than configured. After the commit an exhausted delivery is reported as
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

    /** One attempt's outcome, waiting to be recorded: the delivery and its webhook as the claim read them. */
    record Finished(WebhookRow webhook, DeliveryRow delivery, Outcome outcome) {}

    /**
     * Records several outcomes in one transaction, in the order given: one commit for a batch instead of one per
     * attempt, which is what bounds the delivery rate when the database is the slow part.
     *
     * @param owner the lease owner; an outcome whose lease went to another instance (this one was too slow) is not
     *     recorded
     * @return how many were recorded
     */
    int recordAll(List<Finished> batch, String owner) {
        long now = clock.millis();
        List<DeliveryRow> updates = new ArrayList<>(batch.size());
        batch.forEach(finished -> updates.add(next(finished, now)));
        boolean[] recorded;
        try {
            recorded = store.transactions().inTransaction(() -> write(batch, updates, owner, now, true));
        } catch (LeaseLost lost) {
            recorded = store.transactions().inTransaction(() -> write(batch, updates, owner, now, false));
        }
        int count = 0;
        for (int i = 0; i < batch.size(); i++) {
            Finished finished = batch.get(i);
            if (!recorded[i]) {
                LOG.warn("Delivery {} of webhook {}: lease lost before the outcome was recorded; another instance "
                        + "retries it", finished.delivery().id, finished.webhook().id);
                continue;
            }
            count++;
            if (FAILED.equals(updates.get(i).status) && finished.webhook().enabled) {
                exhausted.accept(failedEvent(finished.webhook(), updates.get(i), finished.delivery().attemptNumber));
            }
        }
        return count;
    }

    /** A delivered row of a batch whose lease this instance no longer holds: the batch is written row by row. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    /**
     * @param together whether the delivered rows (the common case) go in one UPDATE; if one of their leases was
     *     lost, {@link LeaseLost} rolls the transaction back and the caller writes the batch again row by row
     * @return which outcomes of the batch were recorded
     */
    private boolean[] write(List<Finished> batch, List<DeliveryRow> updates, String owner, long now, boolean together) {
        boolean[] recorded = new boolean[batch.size()];
        List<DeliveryRow> delivered = new ArrayList<>();
        if (together) {
            updates.stream().filter(row -> DELIVERED.equals(row.status)).forEach(delivered::add);
            if (delivered.size() > 1) {
                if (store.deliveries().finishDelivered(delivered, owner, now) != delivered.size()) {
                    throw new LeaseLost();
                }
            } else {
                delivered.clear();
            }
        }
        List<AttemptRow> attempts = new ArrayList<>(batch.size());
        // The failing streak of each webhook as this batch leaves it, so that a success after a failure of the
        // same webhook in the batch ends the streak the failure started.
        Map<String, Long> failingSince = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Finished finished = batch.get(i);
            boolean written = delivered.contains(updates.get(i)) || store.deliveries().finish(updates.get(i), owner) == 1;
            if (!written) {
                continue;
            }
            recorded[i] = true;
            attempts.add(attempt(finished.delivery().seq, finished.delivery().attemptNumber, finished.outcome(), now));
            WebhookRow webhook = finished.webhook();
            Long since = failingSince.containsKey(webhook.id) ? failingSince.get(webhook.id) : webhook.failingSince;
            failingSince.put(webhook.id, streak(webhook, finished.outcome(), since, now));
        }
        if (!attempts.isEmpty()) {
            store.deliveries().insertAttempts(attempts);
        }
        return recorded;
    }

    /** The delivery's row after the attempt: delivered; retrying at the schedule's next delay; failed after the last. */
    private DeliveryRow next(Finished finished, long now) {
        DeliveryRow delivery = finished.delivery();
        Outcome outcome = finished.outcome();
        int attempt = delivery.attemptNumber;
        boolean delivered = outcome.delivered();
        boolean retry = !delivered && attempt <= schedule.size() && finished.webhook().enabled;
        DeliveryRow row = new DeliveryRow();
        row.seq = delivery.seq;
        row.id = delivery.id;
        row.event = delivery.event;
        row.collection = delivery.collection;
        row.status = delivered ? DELIVERED : retry ? RETRYING : FAILED;
        row.attemptNumber = retry ? attempt + 1 : attempt;
        row.nextAttemptAt = retry ? now + schedule.get(attempt - 1).toMillis() : null;
        row.responseStatus = outcome.status();
        row.responseBody = outcome.body();
        row.error = outcome.failure();
        row.durationMs = outcome.durationMillis();
        row.deliveredAt = delivered ? now : null;
        row.updatedAt = now;
        return row;
    }

    /**
     * Starts, continues or ends the webhook's failing streak, disabling it once the streak is too long. A success
     * writes the webhook row only when it ends a streak: the row is shared by every delivery of the webhook, so an
     * update on each success would queue all its senders on that row's lock.
     *
     * @param since the streak's start before this outcome, or null when the webhook was not failing
     * @return the streak's start after this outcome, or null
     */
    private Long streak(WebhookRow webhook, Outcome outcome, Long since, long now) {
        if (outcome.delivered()) {
            if (since != null) {
                store.webhooks().succeeded(webhook.id);
            }
            return null;
        }
        if (!webhook.enabled) {
            return since;
        }
        // Conditional in SQL, so a streak the database already has keeps its start; failures are not the hot path.
        store.webhooks().failed(webhook.id, now);
        if (since == null) {
            since = now;
        }
        if (!autoDisableAfter.isZero() && now - since >= autoDisableAfter.toMillis()) {
            String reason = "Disabled automatically: every delivery has failed since " + Json.iso(since)
                    + "; last error: " + outcome.failure();
            if (store.webhooks().disable(webhook.id, reason, now, false, true) == 1) {
                LOG.warn("Webhook {} of account {} disabled: {}", webhook.id, webhook.accountId, reason);
            }
        }
        return since;
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
