package io.snackbase.webhooks.internal.delivery;

import io.snackbase.api.webhooks.WebhookMessage;
import io.snackbase.api.webhooks.WebhookResponse;
import io.snackbase.api.webhooks.WebhookTransport;
import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** Sends one attempt of a delivery through the selected transport, outside any transaction. */
public final class Attempts {

    private final Supplier<Optional<WebhookTransport>> transport;
    private final Clock clock;

    public Attempts(Supplier<Optional<WebhookTransport>> transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    /** @return the outcome of sending {@code body} as delivery {@code deliveryId} of the webhook */
    public Outcome send(WebhookRow webhook, String deliveryId, String event, String body, int attempt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = clock.millis();
        WebhookMessage message = new WebhookMessage(deliveryId, webhook.id, webhook.accountId, webhook.url, event,
                attempt, bytes, DeliveryHeaders.of(webhook, deliveryId, event, bytes, now));
        long start = System.nanoTime();
        Optional<WebhookTransport> selected = transport.get();
        if (selected.isEmpty()) {
            return new Outcome(null, null, "No webhook transport is available", 0);
        }
        try {
            WebhookResponse response = selected.get().deliver(message);
            return new Outcome(response.status(), response.body(), null, elapsed(start));
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(null, null, error, elapsed(start));
        }
    }

    /** @return the outcome of sending the stored payload of a delivery */
    public Outcome send(WebhookRow webhook, DeliveryRow delivery) {
        return send(webhook, delivery.id, delivery.event, delivery.payload, delivery.attemptNumber);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
