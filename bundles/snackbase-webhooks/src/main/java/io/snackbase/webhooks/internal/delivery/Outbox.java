package io.snackbase.webhooks.internal.delivery;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.rules.Condition;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the deliveries of one record write, inside that write's transaction: one {@code pending} row per
 * enabled webhook of the account and collection whose events include the write's and whose filter matches
 * (evaluated on the new record, or on the deleted one; fail-open when it cannot be evaluated). A local commit
 * then wakes the worker; a rollback takes the rows with it.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int MAX_CACHED_FILTERS = 1000;

    private final DeliveryStore store;
    private final RuleEngine rules;
    private final Clock clock;
    private final Runnable wake;
    private final Map<String, Condition> filters = new ConcurrentHashMap<>();

    public Outbox(DeliveryStore store, RuleEngine rules, Clock clock, Runnable wake) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.wake = wake;
    }

    /** Called by the records bundle inside the write's transaction. */
    public void written(RecordWrite write) {
        int written = 0;
        for (WebhookRow webhook : store.webhooks().enabledFor(write.accountId(), write.collection(), true)) {
            if (Arrays.asList(webhook.events.split(",")).contains(write.kind().event()) && matches(webhook, write)) {
                store.deliveries().insert(delivery(webhook, write));
                written++;
            }
        }
        if (written > 0 && store.transactions().isActive()) {
            store.transactions().afterCommit(wake);
        }
    }

    private DeliveryRow delivery(WebhookRow webhook, RecordWrite write) {
        long now = clock.millis();
        DeliveryRow row = new DeliveryRow();
        row.id = UUID.randomUUID().toString();
        row.webhookId = webhook.id;
        row.accountId = write.accountId();
        row.event = "records." + write.kind().event();
        row.collection = write.collection();
        row.recordKey = write.collection() + "/" + write.recordId();
        row.payload = Payloads.ofWrite(write, webhook.id, now);
        row.status = Results.PENDING;
        row.attemptNumber = 1;
        row.nextAttemptAt = now;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    private boolean matches(WebhookRow webhook, RecordWrite write) {
        if (webhook.filterExpression == null) {
            return true;
        }
        Map<String, Object> subject = write.kind() == RecordWrite.Kind.DELETE ? write.previous() : write.record();
        try {
            return condition(webhook.filterExpression).matches(subject == null ? Map.of() : subject);
        } catch (RuntimeException e) {
            // Fail-open (domain.md 3.8): a filter that cannot be evaluated never loses a delivery.
            LOG.warn("Filter of webhook {} could not be evaluated ({}); delivering anyway", webhook.id, e.toString());
            return true;
        }
    }

    private Condition condition(String expression) {
        Condition cached = filters.get(expression);
        if (cached != null) {
            return cached;
        }
        Condition parsed;
        try {
            parsed = rules.condition(expression);
        } catch (io.snackbase.api.rules.RuleException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (filters.size() >= MAX_CACHED_FILTERS) {
            filters.clear();
        }
        filters.put(expression, parsed);
        return parsed;
    }
}
