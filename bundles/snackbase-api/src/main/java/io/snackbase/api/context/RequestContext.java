package io.snackbase.api.context;

import java.util.Objects;

/**
 * The tenant and caller of one piece of work (an HTTP request, a job run, start-up), passed
 * explicitly to every SPI call. Immutable and thread-safe.
 *
 * @param principal who is calling
 * @param accountId the account whose data the work may touch; null only for work that belongs
 *     to no account (start-up, an anonymous request without X-Account-ID)
 * @param requestId the correlation id ({@code X-Correlation-ID}) or another id of the work
 * @param ipAddress the client address, or null outside HTTP
 * @param userAgent the client's User-Agent, or null
 */
public record RequestContext(Principal principal, String accountId, String requestId, String ipAddress, String userAgent) {

    public RequestContext {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * @param requestId an id for the work, used in logs
     * @return the context of work SnackBase does on its own (start-up, shutdown, schedules)
     */
    public static RequestContext system(String requestId) {
        return new RequestContext(Principal.system(), Principal.SYSTEM_ACCOUNT_ID, requestId, null, null);
    }
}
