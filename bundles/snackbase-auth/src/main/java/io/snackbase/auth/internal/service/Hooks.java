package io.snackbase.auth.internal.service;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import java.util.Map;
import java.util.function.Supplier;

/** Fires the auth events through the (optional) hook dispatcher; a before-handler's abort becomes the request's error. */
public final class Hooks {

    private final Supplier<HookDispatcher> dispatcher;

    public Hooks(Supplier<HookDispatcher> dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * @return the data after the handlers (possibly replaced)
     * @throws ApiException with the abort's status and message when a handler aborted
     */
    public Map<String, Object> before(String event, Map<String, Object> data, RequestContext context) {
        HookDispatcher hooks = dispatcher.get();
        if (hooks == null || !hooks.hasHandlers(event, null)) {
            return data;
        }
        HookDispatchResult result = hooks.dispatch(new HookEvent(event, null, data), new HookContext(context));
        if (result.aborted()) {
            int status = result.abortStatus() >= 400 && result.abortStatus() <= 599 ? result.abortStatus() : 400;
            throw new ApiException(status, "Aborted", result.abortMessage() == null ? "Aborted by a hook" : result.abortMessage());
        }
        return result.data();
    }

    /** Fires a side-effect event; handlers' failures are theirs. */
    public void after(String event, Map<String, Object> data, RequestContext context) {
        HookDispatcher hooks = dispatcher.get();
        if (hooks != null && hooks.hasHandlers(event, null)) {
            hooks.dispatch(new HookEvent(event, null, data), new HookContext(context));
        }
    }
}
