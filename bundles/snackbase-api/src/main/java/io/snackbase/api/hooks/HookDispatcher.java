package io.snackbase.api.hooks;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs the {@link LifecycleHookHandler}s registered for an event, in ranking order, with the
 * semantics described there. Areas that fire events (records, auth, ...) call it; plugins
 * register handlers instead.
 *
 * <p>Registered by the snackbase-hooks bundle with {@code snackbase.impl=default}; a replacement
 * registers with a higher ranking. Thread-safe; handlers that arrive or leave during a dispatch
 * do not affect it.
 */
@ProviderType
public interface HookDispatcher {

    /**
     * Dispatches an event and waits for its handlers.
     *
     * @param event the event name, a collection (or null) and the data
     * @param context the tenant and caller
     * @return the outcome; for a before event the caller checks {@link HookDispatchResult#aborted()}
     *     and uses {@link HookDispatchResult#data()} as the (possibly replaced) input
     * @throws IllegalArgumentException for an unknown event name
     */
    HookDispatchResult dispatch(HookEvent event, HookContext context);

    /**
     * @param event an event name
     * @param collection a collection, or null
     * @return true when at least one active handler would receive it (lets callers skip building
     *     event data nobody reads)
     */
    boolean hasHandlers(String event, String collection);

}
