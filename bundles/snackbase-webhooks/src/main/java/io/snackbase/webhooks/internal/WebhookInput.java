package io.snackbase.webhooks.internal;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import io.snackbase.outbound.support.OutboundDeniedException;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.request.support.InputErrors;
import io.snackbase.webhooks.internal.delivery.DeliveryHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the fields of a webhook create or update body; every problem is a 422 naming the field, raised before
 * anything is written.
 */
final class WebhookInput {

    static final int MAX_URL = 2048;
    static final int MAX_COLLECTION = 100;
    static final int MAX_SECRET = 100;
    static final int MAX_HEADERS = 20;
    static final int MAX_HEADER_VALUE = 1000;
    private static final Set<String> EVENTS = Set.of("create", "update", "delete");
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}";

    private final Map<String, Object> body;

    WebhookInput(Map<String, Object> body) {
        this.body = body == null ? Map.of() : body;
    }

    /** @return whether the body sets the field (absent and null both mean "leave unchanged") */
    boolean has(String field) {
        return body.get(field) != null;
    }

    String url(OutboundPolicy policy) {
        String url = text("url");
        if (url == null) {
            throw InputErrors.required("url");
        }
        if (url.length() > MAX_URL) {
            throw InputErrors.shape("url", "URL must be at most " + MAX_URL + " characters");
        }
        try {
            return policy.check(url).toString();
        } catch (OutboundDeniedException e) {
            throw InputErrors.shape("url", e.getMessage());
        }
    }

    String collection() {
        String collection = text("collection");
        if (collection == null || collection.isBlank()) {
            throw InputErrors.required("collection");
        }
        if (collection.length() > MAX_COLLECTION) {
            throw InputErrors.shape("collection", "collection must be at most " + MAX_COLLECTION + " characters");
        }
        return collection;
    }

    /** @return the events, deduplicated, comma-separated for storage */
    String events() {
        Object value = body.get("events");
        if (value == null) {
            throw InputErrors.required("events");
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw InputErrors.shape("events", "events must be a non-empty list of create, update, delete");
        }
        Set<String> events = new LinkedHashSet<>();
        for (Object event : list) {
            if (!(event instanceof String name) || !EVENTS.contains(name)) {
                throw InputErrors.shape("events", "Invalid event '" + event + "': use create, update or delete");
            }
            events.add(name);
        }
        return String.join(",", events);
    }

    /** @return the given secret, or null to generate one */
    String secret() {
        String secret = text("secret");
        if (secret != null && (secret.isEmpty() || secret.length() > MAX_SECRET)) {
            throw InputErrors.shape("secret", "secret must be 1 to " + MAX_SECRET + " characters");
        }
        return secret;
    }

    /** @return the filter, null for none; it must parse in the rule language */
    String filter(RuleEngine rules) {
        String filter = text("filter");
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            rules.condition(filter);
            return filter;
        } catch (RuleException e) {
            throw InputErrors.shape("filter", "Invalid filter expression: " + e.getMessage());
        }
    }

    Boolean enabled() {
        Object value = body.get("enabled");
        if (value != null && !(value instanceof Boolean)) {
            throw InputErrors.shape("enabled", "enabled must be a boolean");
        }
        return (Boolean) value;
    }

    /** @return the custom headers as JSON text, null for none */
    String headers() {
        Object value = body.get("headers");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw InputErrors.shape("headers", "headers must be an object of strings");
        }
        if (map.size() > MAX_HEADERS) {
            throw InputErrors.shape("headers", "At most " + MAX_HEADERS + " custom headers");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> lowerNames = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!name.matches(TOKEN)) {
                throw InputErrors.shape("headers", "Invalid header name '" + name + "'");
            }
            if (DeliveryHeaders.reserved(name)) {
                throw InputErrors.shape("headers", "Header '" + name + "' is set by SnackBase and cannot be overridden");
            }
            if (lowerNames.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw InputErrors.shape("headers", "Header '" + name + "' is given twice");
            }
            if (!(entry.getValue() instanceof String text) || text.length() > MAX_HEADER_VALUE
                    || !text.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7F))) {
                throw InputErrors.shape("headers", "Header '" + name + "' must be a single-line string of at most "
                        + MAX_HEADER_VALUE + " characters");
            }
            lowerNames.add(name.toLowerCase(java.util.Locale.ROOT));
            headers.put(name, text);
        }
        return headers.isEmpty() ? null : Json.write(headers);
    }

    private String text(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw InputErrors.shape(field, field + " must be a string");
        }
        return s;
    }

    /** @return the 400 of a full account */
    static ApiException limitReached(int max) {
        return ApiException.badRequest("Maximum number of webhooks per account reached (" + max + ")");
    }
}
