package io.snackbase.webhooks.internal.delivery;

/**
 * What one attempt got: a response (any status) or an error instead.
 *
 * @param status the HTTP status, or null when nothing was answered
 * @param body the answer, at most 5,000 characters, or null
 * @param error why nothing usable was answered, or null
 * @param durationMillis how long the attempt took
 */
public record Outcome(Integer status, String body, String error, long durationMillis) {

    static final int MAX_TEXT = 5000;

    public Outcome {
        body = cut(body);
        error = cut(error);
    }

    /** @return whether the attempt counts as delivered (2xx) */
    public boolean delivered() {
        return status != null && status >= 200 && status < 300 && error == null;
    }

    /** @return the text stored as the attempt's error: the error, or the status for a non-2xx answer */
    String failure() {
        return error != null ? error : delivered() ? null : "Receiver answered HTTP " + status;
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
