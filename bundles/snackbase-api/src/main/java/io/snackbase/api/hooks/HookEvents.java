package io.snackbase.api.hooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of the 41 lifecycle events, in 9 categories (the reference server's 40 and {@code webhooks}). A name is used as it is in the
 * {@value HookConstants#HOOK_EVENTS} service property of a {@link LifecycleHookHandler}.
 *
 * <p>An event whose name contains {@code _before_} runs synchronously before the operation: its
 * handlers may replace the event data and may abort the operation with a
 * {@link HookAbortException}. Every other event runs after the operation, for side effects; an
 * abort there is recorded as an error and changes nothing.
 *
 * <p>Each area fires its own events as it is built (records, collections, auth, realtime,
 * mailer); the platform fires the app lifecycle and request events. The model events exist
 * for compatibility with the reference server's list.
 */
public final class HookEvents {

    // --- app_lifecycle ---

    /** Category app_lifecycle, for side effects (value is "on_bootstrap"). */
    public static final String ON_BOOTSTRAP = "on_bootstrap";

    /** Category app_lifecycle, for side effects (value is "on_serve"). */
    public static final String ON_SERVE = "on_serve";

    /** Category app_lifecycle, for side effects (value is "on_terminate"). */
    public static final String ON_TERMINATE = "on_terminate";

    // --- model_operations ---

    /** Category model_operations, may change the data or abort (value is "on_model_before_create"). */
    public static final String ON_MODEL_BEFORE_CREATE = "on_model_before_create";

    /** Category model_operations, for side effects (value is "on_model_after_create"). */
    public static final String ON_MODEL_AFTER_CREATE = "on_model_after_create";

    /** Category model_operations, may change the data or abort (value is "on_model_before_update"). */
    public static final String ON_MODEL_BEFORE_UPDATE = "on_model_before_update";

    /** Category model_operations, for side effects (value is "on_model_after_update"). */
    public static final String ON_MODEL_AFTER_UPDATE = "on_model_after_update";

    /** Category model_operations, may change the data or abort (value is "on_model_before_delete"). */
    public static final String ON_MODEL_BEFORE_DELETE = "on_model_before_delete";

    /** Category model_operations, for side effects (value is "on_model_after_delete"). */
    public static final String ON_MODEL_AFTER_DELETE = "on_model_after_delete";

    // --- record_operations ---

    /** Category record_operations, may change the data or abort (value is "on_record_before_create"). */
    public static final String ON_RECORD_BEFORE_CREATE = "on_record_before_create";

    /** Category record_operations, for side effects (value is "on_record_after_create"). */
    public static final String ON_RECORD_AFTER_CREATE = "on_record_after_create";

    /** Category record_operations, may change the data or abort (value is "on_record_before_update"). */
    public static final String ON_RECORD_BEFORE_UPDATE = "on_record_before_update";

    /** Category record_operations, for side effects (value is "on_record_after_update"). */
    public static final String ON_RECORD_AFTER_UPDATE = "on_record_after_update";

    /** Category record_operations, may change the data or abort (value is "on_record_before_delete"). */
    public static final String ON_RECORD_BEFORE_DELETE = "on_record_before_delete";

    /** Category record_operations, for side effects (value is "on_record_after_delete"). */
    public static final String ON_RECORD_AFTER_DELETE = "on_record_after_delete";

    /** Category record_operations, may change the data or abort (value is "on_record_before_query"). */
    public static final String ON_RECORD_BEFORE_QUERY = "on_record_before_query";

    /** Category record_operations, for side effects (value is "on_record_after_query"). */
    public static final String ON_RECORD_AFTER_QUERY = "on_record_after_query";

    // --- collection_operations ---

    /** Category collection_operations, may change the data or abort (value is "on_collection_before_create"). */
    public static final String ON_COLLECTION_BEFORE_CREATE = "on_collection_before_create";

    /** Category collection_operations, for side effects (value is "on_collection_after_create"). */
    public static final String ON_COLLECTION_AFTER_CREATE = "on_collection_after_create";

    /** Category collection_operations, may change the data or abort (value is "on_collection_before_update"). */
    public static final String ON_COLLECTION_BEFORE_UPDATE = "on_collection_before_update";

    /** Category collection_operations, for side effects (value is "on_collection_after_update"). */
    public static final String ON_COLLECTION_AFTER_UPDATE = "on_collection_after_update";

    /** Category collection_operations, may change the data or abort (value is "on_collection_before_delete"). */
    public static final String ON_COLLECTION_BEFORE_DELETE = "on_collection_before_delete";

    /** Category collection_operations, for side effects (value is "on_collection_after_delete"). */
    public static final String ON_COLLECTION_AFTER_DELETE = "on_collection_after_delete";

    // --- auth_operations ---

    /** Category auth_operations, may change the data or abort (value is "on_auth_before_login"). */
    public static final String ON_AUTH_BEFORE_LOGIN = "on_auth_before_login";

    /** Category auth_operations, for side effects (value is "on_auth_after_login"). */
    public static final String ON_AUTH_AFTER_LOGIN = "on_auth_after_login";

    /** Category auth_operations, may change the data or abort (value is "on_auth_before_logout"). */
    public static final String ON_AUTH_BEFORE_LOGOUT = "on_auth_before_logout";

    /** Category auth_operations, for side effects (value is "on_auth_after_logout"). */
    public static final String ON_AUTH_AFTER_LOGOUT = "on_auth_after_logout";

    /** Category auth_operations, may change the data or abort (value is "on_auth_before_register"). */
    public static final String ON_AUTH_BEFORE_REGISTER = "on_auth_before_register";

    /** Category auth_operations, for side effects (value is "on_auth_after_register"). */
    public static final String ON_AUTH_AFTER_REGISTER = "on_auth_after_register";

    /** Category auth_operations, may change the data or abort (value is "on_auth_before_password_reset"). */
    public static final String ON_AUTH_BEFORE_PASSWORD_RESET = "on_auth_before_password_reset";

    /** Category auth_operations, for side effects (value is "on_auth_after_password_reset"). */
    public static final String ON_AUTH_AFTER_PASSWORD_RESET = "on_auth_after_password_reset";

    // --- request_processing ---

    /** Category request_processing, may change the data or abort (value is "on_before_request"). */
    public static final String ON_BEFORE_REQUEST = "on_before_request";

    /** Category request_processing, for side effects (value is "on_after_request"). */
    public static final String ON_AFTER_REQUEST = "on_after_request";

    // --- realtime ---

    /** Category realtime, for side effects (value is "on_realtime_connect"). */
    public static final String ON_REALTIME_CONNECT = "on_realtime_connect";

    /** Category realtime, for side effects (value is "on_realtime_disconnect"). */
    public static final String ON_REALTIME_DISCONNECT = "on_realtime_disconnect";

    /** Category realtime, for side effects (value is "on_realtime_message"). */
    public static final String ON_REALTIME_MESSAGE = "on_realtime_message";

    /** Category realtime, for side effects (value is "on_realtime_subscribe"). */
    public static final String ON_REALTIME_SUBSCRIBE = "on_realtime_subscribe";

    /** Category realtime, for side effects (value is "on_realtime_unsubscribe"). */
    public static final String ON_REALTIME_UNSUBSCRIBE = "on_realtime_unsubscribe";

    // --- mailer ---

    /** Category mailer, may change the data or abort (value is "on_mailer_before_send"). */
    public static final String ON_MAILER_BEFORE_SEND = "on_mailer_before_send";

    /** Category mailer, for side effects (value is "on_mailer_after_send"). */
    public static final String ON_MAILER_AFTER_SEND = "on_mailer_after_send";

    // --- webhooks ---

    /**
     * Category webhooks, for side effects (value is "on_webhook_delivery_failed"): a delivery has
     * used up its retries. The data holds {@code webhook_id}, {@code delivery_id},
     * {@code account_id}, {@code event}, {@code collection}, {@code url}, {@code attempts} and
     * {@code error}. API-defined hooks see it as the event {@code webhooks.delivery_failed}.
     */
    public static final String ON_WEBHOOK_DELIVERY_FAILED = "on_webhook_delivery_failed";

    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("app_lifecycle", List.of(ON_BOOTSTRAP, ON_SERVE, ON_TERMINATE));
        CATEGORIES.put("model_operations", List.of(ON_MODEL_BEFORE_CREATE, ON_MODEL_AFTER_CREATE, ON_MODEL_BEFORE_UPDATE, ON_MODEL_AFTER_UPDATE, ON_MODEL_BEFORE_DELETE, ON_MODEL_AFTER_DELETE));
        CATEGORIES.put("record_operations", List.of(ON_RECORD_BEFORE_CREATE, ON_RECORD_AFTER_CREATE, ON_RECORD_BEFORE_UPDATE, ON_RECORD_AFTER_UPDATE, ON_RECORD_BEFORE_DELETE, ON_RECORD_AFTER_DELETE, ON_RECORD_BEFORE_QUERY, ON_RECORD_AFTER_QUERY));
        CATEGORIES.put("collection_operations", List.of(ON_COLLECTION_BEFORE_CREATE, ON_COLLECTION_AFTER_CREATE, ON_COLLECTION_BEFORE_UPDATE, ON_COLLECTION_AFTER_UPDATE, ON_COLLECTION_BEFORE_DELETE, ON_COLLECTION_AFTER_DELETE));
        CATEGORIES.put("auth_operations", List.of(ON_AUTH_BEFORE_LOGIN, ON_AUTH_AFTER_LOGIN, ON_AUTH_BEFORE_LOGOUT, ON_AUTH_AFTER_LOGOUT, ON_AUTH_BEFORE_REGISTER, ON_AUTH_AFTER_REGISTER, ON_AUTH_BEFORE_PASSWORD_RESET, ON_AUTH_AFTER_PASSWORD_RESET));
        CATEGORIES.put("request_processing", List.of(ON_BEFORE_REQUEST, ON_AFTER_REQUEST));
        CATEGORIES.put("realtime", List.of(ON_REALTIME_CONNECT, ON_REALTIME_DISCONNECT, ON_REALTIME_MESSAGE, ON_REALTIME_SUBSCRIBE, ON_REALTIME_UNSUBSCRIBE));
        CATEGORIES.put("mailer", List.of(ON_MAILER_BEFORE_SEND, ON_MAILER_AFTER_SEND));
        CATEGORIES.put("webhooks", List.of(ON_WEBHOOK_DELIVERY_FAILED));
    }

    private static final Set<String> ALL = allEvents();

    private HookEvents() {}

    /** @return the 41 event names, in category order; unmodifiable */
    public static Set<String> all() {
        return ALL;
    }

    /** @return category name to its events, in the reference server's order; unmodifiable */
    public static Map<String, List<String>> categories() {
        return Collections.unmodifiableMap(CATEGORIES);
    }

    /**
     * @param event a name
     * @return true when it is one of the 41 event names
     */
    public static boolean isKnown(String event) {
        return ALL.contains(event);
    }

    /**
     * @param event an event name
     * @return true for a {@code before} event, whose handlers may change the data and abort
     */
    public static boolean isBefore(String event) {
        return event.contains("_before_");
    }

    private static Set<String> allEvents() {
        Set<String> all = new LinkedHashSet<>();
        CATEGORIES.values().forEach(all::addAll);
        return Collections.unmodifiableSet(all);
    }
}
