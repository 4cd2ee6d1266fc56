package io.snackbase.api.hooks;

import java.util.Map;
import java.util.Objects;

/**
 * One occurrence of a lifecycle event, as a handler sees it. Immutable; the data map is an
 * unmodifiable copy (return a new map from the handler to change it).
 *
 * @param name the event name, one of {@link HookEvents}
 * @param collection the collection the event concerns, or null
 * @param data the event's data: for record events {@code record} (and {@code previous} on
 *     update), for request events {@code method}, {@code path} and (after) {@code status}
 */
public record HookEvent(String name, String collection, Map<String, Object> data) {

    public HookEvent {
        Objects.requireNonNull(name, "name");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** @return the same event with other data */
    public HookEvent withData(Map<String, Object> newData) {
        return new HookEvent(name, collection, newData);
    }
}
