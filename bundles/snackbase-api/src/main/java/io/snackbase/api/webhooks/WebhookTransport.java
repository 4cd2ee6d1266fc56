package io.snackbase.api.webhooks;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends signed webhook deliveries somewhere: the built-in transport POSTs them over HTTP(S) with the SSRF
 * policy applied at connect time; a plugin may register another (a queue, an event bus).
 *
 * <h2>Registration</h2>
 * {@value WebhookConstants#TRANSPORT_ID} (required, the transport's id, e.g. {@code http} or
 * {@code acme.sqs}) and {@code service.ranking}. The webhooks bundle uses the transport whose id its
 * configuration ({@code transport} of PID {@code io.snackbase.webhooks}) names; for one id the highest
 * ranking wins, then the lowest service id. The built-in {@code http} transport registers with ranking
 * -100, so that a plugin registering id {@code http} with a higher ranking replaces it on purpose.
 *
 * <h2>Threading and outcome</h2>
 * Called from the webhooks bundle's delivery threads, concurrently and for many webhooks at once; an
 * implementation must be thread-safe and must return or throw within about 30 seconds. It is never called
 * inside a database transaction. A 2xx {@link WebhookResponse} marks the delivery delivered; any other status
 * or an exception schedules a retry (1 min, 5 min, 30 min, 2 h, 12 h by default, then failed). Delivery is
 * at-least-once: the same {@link WebhookMessage#deliveryId()} may arrive more than once.
 */
@ConsumerType
@FunctionalInterface
public interface WebhookTransport {

    /**
     * @param message the attempt to send
     * @return the receiver's answer
     * @throws Exception when nothing was answered (network error, timeout, refused target); the message
     *     becomes the attempt's stored error, so it must not contain secrets
     */
    WebhookResponse deliver(WebhookMessage message) throws Exception;
}
