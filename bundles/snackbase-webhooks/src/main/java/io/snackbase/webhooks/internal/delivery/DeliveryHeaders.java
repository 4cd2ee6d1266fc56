package io.snackbase.webhooks.internal.delivery;

import io.snackbase.api.webhooks.WebhookConstants;
import io.snackbase.webhooks.internal.Json;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers of one attempt: the webhook's custom headers first, then ours, so that ours always win (custom
 * names that clash are also refused when the webhook is saved, see {@link #reserved(String)}).
 */
public final class DeliveryHeaders {

    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "content-encoding", "host",
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "expect",
            "proxy-authorization", "proxy-connection", "user-agent");

    private DeliveryHeaders() {}

    /** @return whether a custom header of this name is refused: HTTP framing headers and our own */
    public static boolean reserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || lower.startsWith("x-snackbase-") || lower.startsWith("webhook-");
    }

    /**
     * @param nowMillis the attempt's time; the previous secret also signs while its overlap lasts
     * @return every header of the attempt
     */
    public static Map<String, String> of(WebhookRow webhook, String deliveryId, String event, byte[] body,
            long nowMillis) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> custom = Json.strings(webhook.headers);
        if (custom != null) {
            custom.forEach((name, value) -> {
                if (!reserved(name)) {
                    headers.put(name, value);
                }
            });
        }
        long timestamp = nowMillis / 1000;
        String signature = Signatures.standard(webhook.secret, deliveryId, timestamp, body);
        if (webhook.previousSecret != null && webhook.previousSecretUntil != null && nowMillis < webhook.previousSecretUntil) {
            signature += " " + Signatures.standard(webhook.previousSecret, deliveryId, timestamp, body);
        }
        headers.put("Content-Type", "application/json");
        headers.put(WebhookConstants.SIGNATURE_HEADER, Signatures.snackbase(webhook.secret, body));
        headers.put(WebhookConstants.EVENT_HEADER, event);
        headers.put(WebhookConstants.WEBHOOK_ID_HEADER, webhook.id);
        headers.put(WebhookConstants.DELIVERY_ID_HEADER, deliveryId);
        headers.put(WebhookConstants.STANDARD_ID_HEADER, deliveryId);
        headers.put(WebhookConstants.STANDARD_TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookConstants.STANDARD_SIGNATURE_HEADER, signature);
        return headers;
    }
}
