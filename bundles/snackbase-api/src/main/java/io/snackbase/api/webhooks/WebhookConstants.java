package io.snackbase.api.webhooks;

/** Service property names and header names of the webhooks SPI. */
public final class WebhookConstants {

    /** Service property naming a {@link WebhookTransport}'s id (value "snackbase.webhook.transport"). */
    public static final String TRANSPORT_ID = "snackbase.webhook.transport";

    /** Id of the built-in transport that POSTs over HTTP(S) (value "http"). */
    public static final String HTTP_TRANSPORT = "http";

    /** Header with the lowercase hex HMAC-SHA256 of the body: {@code sha256=<hex>} (value "X-SnackBase-Signature"). */
    public static final String SIGNATURE_HEADER = "X-SnackBase-Signature";

    /** Header with the event name, e.g. {@code records.create} (value "X-SnackBase-Event"). */
    public static final String EVENT_HEADER = "X-SnackBase-Event";

    /** Header with the webhook's id (value "X-SnackBase-Webhook-Id"). */
    public static final String WEBHOOK_ID_HEADER = "X-SnackBase-Webhook-Id";

    /** Header with the delivery's id, the same on every attempt, for de-duplication (value "X-SnackBase-Delivery-Id"). */
    public static final String DELIVERY_ID_HEADER = "X-SnackBase-Delivery-Id";

    /** Standard Webhooks message id header, equal to the delivery id (value "webhook-id"). */
    public static final String STANDARD_ID_HEADER = "webhook-id";

    /** Standard Webhooks timestamp header, epoch seconds of the attempt (value "webhook-timestamp"). */
    public static final String STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";

    /**
     * Standard Webhooks signature header: {@code v1,<base64 HMAC-SHA256(secret, id + "." + timestamp + "." + body)>},
     * two space-separated signatures while a rotated secret's overlap lasts (value "webhook-signature").
     */
    public static final String STANDARD_SIGNATURE_HEADER = "webhook-signature";

    private WebhookConstants() {}
}
