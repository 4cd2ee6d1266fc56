package io.snackbase.records.internal.service;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fires the collection events through the (optional) hook dispatcher, with the collection name as
 * the event's collection. A before-handler's abort becomes the request's error; changes a
 * before-handler makes to the data are not applied (a definition is only what the request validated).
 */
public final class Hooks {

    private final Supplier<HookDispatcher> dispatcher;

    public Hooks(Supplier<HookDispatcher> dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** @throws ApiException with the abort's status and message when a handler aborted */
    public void before(String event, String collection, Map<String, Object> data, RequestContext context) {
        HookDispatcher hooks = dispatcher.get();
        if (hooks == null || !hooks.hasHandlers(event, collection)) {
            return;
        }
        HookDispatchResult result = hooks.dispatch(new HookEvent(event, collection, data), new HookContext(context));
        if (result.aborted()) {
            int status = result.abortStatus() >= 400 && result.abortStatus() <= 599 ? result.abortStatus() : 400;
            throw new ApiException(status, "Aborted", result.abortMessage() == null ? "Aborted by a hook" : result.abortMessage());
        }
    }

    /** Fires a side-effect event; handlers' failures are theirs. */
    public void after(String event, String collection, Map<String, Object> data, RequestContext context) {
        HookDispatcher hooks = dispatcher.get();
        if (hooks != null && hooks.hasHandlers(event, collection)) {
            hooks.dispatch(new HookEvent(event, collection, data), new HookContext(context));
        }
    }
}
