package io.snackbase.api.webhooks;

import java.util.Map;
import java.util.Objects;

/**
 * One attempt of one signed delivery, as a {@link WebhookTransport} receives it. Immutable.
 *
 * @param deliveryId the delivery's id: the same on every attempt and on manual redelivery
 * @param webhookId the webhook's id
 * @param accountId the account that owns the webhook
 * @param url the webhook's target URL (already checked against the URL policy when it was saved)
 * @param event the event, e.g. {@code records.update} or {@code test}
 * @param attempt the attempt number, from 1
 * @param body the exact JSON body bytes the signatures cover
 * @param headers every header to send, in order: Content-Type, the signatures and ids, then the
 *     webhook's custom headers (which never replace ours)
 */
public record WebhookMessage(String deliveryId, String webhookId, String accountId, String url, String event, int attempt,
        byte[] body, Map<String, String> headers) {

    public WebhookMessage {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
