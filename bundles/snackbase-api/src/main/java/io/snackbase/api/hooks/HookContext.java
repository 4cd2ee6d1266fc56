package io.snackbase.api.hooks;

import io.snackbase.api.context.RequestContext;
import java.util.Objects;

/**
 * The tenant and caller of the work that fired an event. Immutable and thread-safe.
 *
 * @param request the tenant, principal, request id, address and user agent
 */
public record HookContext(RequestContext request) {

    public HookContext {
        Objects.requireNonNull(request, "request");
    }

    /** @return the account (tenant) of the work, or null when it belongs to none */
    public String accountId() {
        return request.accountId();
    }
}
