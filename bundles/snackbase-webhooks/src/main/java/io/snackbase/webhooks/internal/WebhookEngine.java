package io.snackbase.webhooks.internal;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.webhooks.WebhookTransport;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.webhooks.internal.delivery.Attempts;
import io.snackbase.webhooks.internal.delivery.DeliveryStore;
import io.snackbase.webhooks.internal.delivery.DeliveryWorker;
import io.snackbase.webhooks.internal.delivery.Outbox;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The webhooks bundle wired together without OSGi: the account-facing {@link Webhooks}, the in-transaction
 * {@link Outbox} and the {@link DeliveryWorker}, sharing one store, clock and transport choice. The DS
 * component builds one per configuration; tests build their own.
 */
public final class WebhookEngine implements AutoCloseable {

    public final Webhooks webhooks;
    public final Outbox outbox;
    public final DeliveryWorker worker;

    /**
     * @param transport the transport that sends, looked up per attempt (it may come and go)
     * @param exhausted receives the data of {@code on_webhook_delivery_failed} after a delivery's last retry
     */
    public WebhookEngine(DeliveryStore store, RuleEngine rules, OutboundPolicy policy, WebhookSettings settings,
            Supplier<Optional<WebhookTransport>> transport, Consumer<Map<String, Object>> exhausted, Clock clock) {
        Attempts attempts = new Attempts(transport, clock);
        String owner = "instance-" + UUID.randomUUID();
        this.worker = new DeliveryWorker(store, settings.delivery(), attempts, exhausted, clock, owner);
        this.outbox = new Outbox(store, rules, clock, worker::wake);
        this.webhooks = new Webhooks(store, rules, policy, settings, attempts, worker::wake, clock);
    }

    /** Starts delivering. */
    public WebhookEngine start() {
        worker.start();
        return this;
    }

    /** Called inside each record write's transaction. */
    public void recordWritten(RecordWrite write) {
        outbox.written(write);
    }

    @Override
    public void close() {
        worker.close();
    }
}
