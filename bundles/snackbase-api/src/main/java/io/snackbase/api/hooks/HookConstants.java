package io.snackbase.api.hooks;

/** Service property names of {@link LifecycleHookHandler} registrations. */
public final class HookConstants {

    /**
     * Required: the events the handler receives, exact names from {@link HookEvents}; a String
     * or String[] (value is "snackbase.hook.events"). {@code *} and unknown names make the
     * registration fail (reported by the runtime, never silently ignored).
     */
    public static final String HOOK_EVENTS = "snackbase.hook.events";

    /**
     * Optional: the collections the handler is limited to; a String or String[] (value is
     * "snackbase.hook.collections"). Absent or empty: every collection, and events that have
     * no collection. Present: only events of one of these collections.
     */
    public static final String HOOK_COLLECTIONS = "snackbase.hook.collections";

    /**
     * Optional Boolean: when the handler throws (other than an abort), stop the chain and fail
     * the operation instead of recording the error and going on (value is
     * "snackbase.hook.stop.on.error"). Default false.
     */
    public static final String HOOK_STOP_ON_ERROR = "snackbase.hook.stop.on.error";

    /**
     * The ranking of SnackBase's own handlers (value is -1000): below a plugin's default of 0,
     * so a plugin's handler runs first unless it asks for a lower ranking.
     */
    public static final int BUILTIN_RANKING = -1000;

    private HookConstants() {}
}
