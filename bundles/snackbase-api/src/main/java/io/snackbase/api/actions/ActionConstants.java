package io.snackbase.api.actions;

/** Service property names and limits of {@link ActionType} registrations. */
public final class ActionConstants {

    /**
     * Required: the action type id (value is "snackbase.action.type"). SnackBase's built-ins
     * are un-prefixed ({@code send_email}); a third-party bundle's ids must be namespaced with a
     * dot ({@code acme.slack_post}), or the registration is reported as failed. Ids are
     * lowercase letters, digits, {@code _} and {@code .}, at most 100 characters.
     */
    public static final String ACTION_TYPE = "snackbase.action.type";

    /** Optional: a short name for people (value is "snackbase.action.label"). */
    public static final String ACTION_LABEL = "snackbase.action.label";

    /**
     * The ranking of SnackBase's built-in action types (value is -1000): a plugin that registers
     * the same id at the default ranking 0 replaces the built-in on purpose, and the runtime
     * reports the built-in as shadowed.
     */
    public static final int BUILTIN_RANKING = -1000;

    /**
     * The ids of SnackBase's built-in action types. A third-party bundle may register one of
     * these un-namespaced ids to replace the built-in on purpose (at a ranking above
     * {@link #BUILTIN_RANKING}); any other un-namespaced id from a third-party bundle fails.
     */
    public static final java.util.Set<String> BUILTIN_TYPES = java.util.Set.of(
            "send_webhook", "send_email", "create_record", "update_record", "delete_record", "enqueue_job");

    /**
     * How deep actions may trigger further actions (a hook whose action writes a record that
     * fires the hook again) before execution is refused (value is 5).
     */
    public static final int MAX_DEPTH = 5;

    private ActionConstants() {}
}
