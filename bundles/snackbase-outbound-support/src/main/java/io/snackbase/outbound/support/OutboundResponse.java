package io.snackbase.outbound.support;

/**
 * What one outbound POST got back.
 *
 * @param status         the HTTP status code
 * @param body           the response body decoded as UTF-8, cut to {@link OutboundHttp#MAX_BODY_CHARS} characters
 * @param durationMillis wall time from sending the request to having read the (cut) body
 */
public record OutboundResponse(int status, String body, long durationMillis) {

    /** @return whether the status is 2xx, the only outcome that counts as delivered */
    public boolean success() {
        return status >= 200 && status < 300;
    }
}
