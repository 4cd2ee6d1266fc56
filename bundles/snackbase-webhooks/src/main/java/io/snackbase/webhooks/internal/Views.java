package io.snackbase.webhooks.internal;

import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of webhooks and deliveries (webhooks.md), the secrets left out. */
final class Views {

    private Views() {}

    static Map<String, Object> webhook(WebhookRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id);
        view.put("account_id", row.accountId);
        view.put("url", row.url);
        view.put("collection", row.collection);
        view.put("events", Arrays.asList(row.events.split(",")));
        view.put("filter", row.filterExpression);
        view.put("enabled", row.enabled);
        view.put("headers", Json.strings(row.headers));
        view.put("disabled_reason", row.disabledReason);
        view.put("created_at", Json.iso(row.createdAt));
        view.put("updated_at", Json.iso(row.updatedAt));
        view.put("created_by", row.createdBy);
        return view;
    }

    static Map<String, Object> delivery(DeliveryRow row) {
        boolean open = "pending".equals(row.status) || "retrying".equals(row.status);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id);
        view.put("webhook_id", row.webhookId);
        view.put("event", row.event);
        view.put("payload", Json.object(row.payload));
        view.put("response_status", row.responseStatus);
        view.put("response_body", row.responseBody);
        view.put("attempt_number", row.attemptNumber);
        view.put("delivered_at", Json.iso(row.deliveredAt));
        view.put("next_retry_at", open ? Json.iso(row.nextAttemptAt) : null);
        view.put("status", row.status);
        view.put("error", row.error);
        view.put("duration_ms", row.durationMs);
        view.put("created_at", Json.iso(row.createdAt));
        return view;
    }
}
