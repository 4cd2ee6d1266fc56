package io.snackbase.automation.internal;

import io.snackbase.api.hooks.HookEvents;
import io.snackbase.request.support.InputErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A hook's trigger ({@code schedule} with a cron, {@code event} with an event and optional
 * collection, or {@code manual}), read from the client's object with the contract's 422s. The cron
 * is checked by the caller's cron function, which is the job scheduler's.
 *
 * @param type schedule, event or manual
 * @param event the event name of an event trigger, else null
 * @param collection the collection an event trigger is limited to, or null
 * @param cron the expression of a schedule trigger, else null
 */
public record HookTrigger(String type, String event, String collection, String cron) {

    public static final String SCHEDULE = "schedule";
    public static final String EVENT = "event";
    public static final String MANUAL = "manual";

    /** The events of API hooks and the lifecycle events they come from, in the order error messages list them. */
    public static final Map<String, String> EVENTS = events();

    private static Map<String, String> events() {
        Map<String, String> events = new LinkedHashMap<>();
        events.put("auth.login", HookEvents.ON_AUTH_AFTER_LOGIN);
        events.put("auth.register", HookEvents.ON_AUTH_AFTER_REGISTER);
        events.put("records.create", HookEvents.ON_RECORD_AFTER_CREATE);
        events.put("records.delete", HookEvents.ON_RECORD_AFTER_DELETE);
        events.put("records.update", HookEvents.ON_RECORD_AFTER_UPDATE);
        events.put("webhooks.delivery_failed", HookEvents.ON_WEBHOOK_DELIVERY_FAILED);
        return java.util.Collections.unmodifiableMap(events);
    }

    /**
     * @param value the {@code trigger} value of the request body
     * @param cronCheck throws IllegalArgumentException with the reason for a bad cron
     * @return the trigger
     * @throws io.snackbase.api.errors.ApiException 422 naming the problem
     */
    public static HookTrigger parse(Object value, Function<String, ?> cronCheck) {
        if (!(value instanceof Map<?, ?> map)) {
            throw InputErrors.shape("trigger", "Input should be an object with a 'type' of schedule, event or manual");
        }
        Object type = map.get("type");
        if (SCHEDULE.equals(type)) {
            String cron = text(map, "cron");
            try {
                cronCheck.apply(cron);
            } catch (IllegalArgumentException e) {
                throw InputErrors.shape("trigger.cron", "Invalid cron expression: " + e.getMessage());
            }
            return new HookTrigger(SCHEDULE, null, null, cron.trim().replaceAll("\\s+", " "));
        }
        if (EVENT.equals(type)) {
            String event = text(map, "event");
            if (!EVENTS.containsKey(event)) {
                throw InputErrors.shape("trigger.event", "Unknown event '" + event + "'. Supported: " + String.join(", ", EVENTS.keySet()));
            }
            Object collection = map.get("collection");
            if (collection != null && !(collection instanceof String s && !s.isBlank() && s.length() <= 100)) {
                throw InputErrors.shape("trigger.collection", "Input should be a collection name (1-100 characters)");
            }
            if (collection != null && !event.startsWith("records.")) {
                throw InputErrors.shape("trigger.collection", "Only record events can be limited to a collection");
            }
            return new HookTrigger(EVENT, event, (String) collection, null);
        }
        if (MANUAL.equals(type)) {
            return new HookTrigger(MANUAL, null, null, null);
        }
        throw InputErrors.shape("trigger.type", "Input tag '" + type + "' found using 'type' does not match any of the expected tags: "
                + String.join(", ", List.of("'schedule'", "'event'", "'manual'")));
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw InputErrors.required("trigger." + key);
        }
        if (!(value instanceof String s)) {
            throw InputErrors.shape("trigger." + key, "Input should be a valid string");
        }
        return s;
    }

    /** @return the object stored and shown as {@code trigger} */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (event != null) {
            m.put("event", event);
        }
        if (collection != null) {
            m.put("collection", collection);
        }
        if (cron != null) {
            m.put("cron", cron);
        }
        return m;
    }

    /** @return true when an event of a collection triggers this hook (collection null for auth and webhook events) */
    public static boolean matchesCollection(String hookCollection, String eventCollection) {
        return hookCollection == null || hookCollection.equals(eventCollection);
    }
}
