package io.snackbase.api.webhooks;

/**
 * What the receiver answered to one {@link WebhookMessage}.
 *
 * @param status an HTTP status code; a transport that is not HTTP reports 200 for accepted and a 4xx or 5xx
 *     for refused. Only 2xx counts as delivered.
 * @param body the receiver's answer, cut by the transport to at most 5,000 characters, or null
 */
public record WebhookResponse(int status, String body) {

    /** @return whether the status is 2xx */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
