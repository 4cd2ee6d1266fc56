package io.snackbase.actions.internal.builtin;

import io.snackbase.api.actions.ActionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the {@code {{variables}}} of a config value at execution: every string inside maps and
 * lists, recursively, as domain.md §6.1 says; other values pass through unchanged.
 */
final class Rendering {

    private Rendering() {}

    /** @return the value with every string in it rendered by the context */
    static Object deep(ActionContext context, Object value) {
        if (value instanceof String text) {
            return context.render(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), deep(context, v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(deep(context, v)));
            return out;
        }
        return value;
    }

    /** @return the rendered map setting, or an empty map when it is absent */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(ActionContext context, Map<String, Object> config, String key) {
        Object value = config.get(key);
        return value instanceof Map<?, ?> ? (Map<String, Object>) deep(context, value) : new LinkedHashMap<>();
    }

    /** @return the rendered string setting, or the fallback when it is absent or not a string */
    static String text(ActionContext context, Map<String, Object> config, String key, String fallback) {
        Object value = config.get(key);
        return value instanceof String s ? context.render(s) : fallback;
    }
}
