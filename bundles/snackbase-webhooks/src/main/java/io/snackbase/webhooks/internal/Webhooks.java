package io.snackbase.webhooks.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.webhooks.internal.delivery.Attempts;
import io.snackbase.webhooks.internal.delivery.DeliveryStore;
import io.snackbase.webhooks.internal.delivery.Outcome;
import io.snackbase.webhooks.internal.delivery.Payloads;
import io.snackbase.webhooks.internal.store.DeliveryRow;
import io.snackbase.webhooks.internal.store.WebhookRow;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The webhooks of one account: create, read, update, delete, secret rotation, the delivery history, manual
 * redelivery and the synchronous test. Every method takes the caller's context and touches only its account's
 * rows; another account's id is a 404.
 */
public final class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DeliveryStore store;
    private final RuleEngine rules;
    private final OutboundPolicy policy;
    private final WebhookSettings settings;
    private final Attempts attempts;
    private final Runnable wake;
    private final Clock clock;

    public Webhooks(DeliveryStore store, RuleEngine rules, OutboundPolicy policy, WebhookSettings settings,
            Attempts attempts, Runnable wake, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.policy = policy;
        this.settings = settings;
        this.attempts = attempts;
        this.wake = wake;
        this.clock = clock;
    }

    /** @return the new webhook's view with its secret (the only time the secret is shown) */
    public Map<String, Object> create(RequestContext caller, Map<String, Object> body) {
        WebhookInput input = new WebhookInput(body);
        WebhookRow row = new WebhookRow();
        row.url = input.url(policy);
        row.collection = input.collection();
        row.events = input.events();
        String secret = input.secret();
        row.secret = secret != null ? secret : HexFormat.of().formatHex(randomBytes(32));
        row.filterExpression = input.filter(rules);
        row.headers = input.headers();
        Boolean enabled = input.enabled();
        row.enabled = enabled == null || enabled;
        row.id = UUID.randomUUID().toString();
        row.accountId = caller.accountId();
        row.createdAt = clock.millis();
        row.updatedAt = row.createdAt;
        row.createdBy = caller.principal().userId();
        store.transactions().inTransaction(() -> {
            if (store.webhooks().count(row.accountId) >= settings.maxPerAccount()) {
                throw WebhookInput.limitReached(settings.maxPerAccount());
            }
            return store.webhooks().insert(row);
        });
        Map<String, Object> view = Views.webhook(row);
        view.put("secret", row.secret);
        return view;
    }

    public Map<String, Object> list(RequestContext caller) {
        List<Map<String, Object>> items = store.webhooks().list(caller.accountId()).stream().map(Views::webhook).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("total", items.size());
        return page;
    }

    public Map<String, Object> get(RequestContext caller, String id) {
        return Views.webhook(find(caller, id));
    }

    /** Partial update: keys absent or null stay as they are. Re-enabling clears an automatic disable. */
    public Map<String, Object> update(RequestContext caller, String id, Map<String, Object> body) {
        WebhookRow row = find(caller, id);
        WebhookInput input = new WebhookInput(body);
        if (input.has("url")) {
            row.url = input.url(policy);
        }
        if (input.has("collection")) {
            row.collection = input.collection();
        }
        if (input.has("events")) {
            row.events = input.events();
        }
        if (input.has("filter")) {
            row.filterExpression = input.filter(rules);
        }
        if (input.has("headers")) {
            row.headers = input.headers();
        }
        Boolean enabled = input.enabled();
        if (enabled != null) {
            if (enabled && !row.enabled) {
                row.disabledReason = null;
                row.failingSince = null;
            }
            row.enabled = enabled;
        }
        row.updatedAt = clock.millis();
        store.webhooks().update(row);
        return Views.webhook(row);
    }

    /** Deletes the webhook with its deliveries and their attempts. */
    public void delete(RequestContext caller, String id) {
        find(caller, id);
        store.transactions().inTransaction(() -> {
            store.deliveries().deleteAttempts(id);
            store.deliveries().deleteAll(id);
            return store.webhooks().delete(caller.accountId(), id);
        });
    }

    /** @return {@code {secret, previous_secret_expires_at}}: the new secret; the old one also signs until then */
    public Map<String, Object> rotateSecret(RequestContext caller, String id) {
        WebhookRow row = find(caller, id);
        long now = clock.millis();
        row.previousSecret = row.secret;
        row.previousSecretUntil = now + settings.secretOverlap().toMillis();
        row.secret = HexFormat.of().formatHex(randomBytes(32));
        row.updatedAt = now;
        store.webhooks().rotate(row);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id);
        view.put("secret", row.secret);
        view.put("previous_secret_expires_at", Json.iso(row.previousSecretUntil));
        return view;
    }

    public Map<String, Object> deliveries(RequestContext caller, String id, int limit, int offset) {
        find(caller, id);
        List<Map<String, Object>> items = store.deliveries().page(caller.accountId(), id, limit, offset).stream()
                .map(Views::delivery).toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("total", store.deliveries().count(caller.accountId(), id));
        return page;
    }

    /** Makes a delivery due again now (same payload, same delivery id); 409 while an attempt is in flight. */
    public Map<String, Object> redeliver(RequestContext caller, String id, String deliveryId) {
        find(caller, id);
        DeliveryRow delivery = store.deliveries().find(caller.accountId(), id, deliveryId);
        if (delivery == null) {
            throw ApiException.notFound("Delivery not found");
        }
        if (store.deliveries().redeliver(delivery.seq, clock.millis()) != 1) {
            throw new ApiException(409, "Conflict", "An attempt of this delivery is in progress");
        }
        wake.run();
        return Views.delivery(store.deliveries().bySeq(delivery.seq));
    }

    /** Sends a signed test event now and answers what the receiver said; nothing is stored. */
    public Map<String, Object> test(RequestContext caller, String id) {
        WebhookRow row = find(caller, id);
        String body = Payloads.test(row.collection, row.id, row.accountId, clock.millis());
        Outcome outcome = attempts.send(row, UUID.randomUUID().toString(), "test", body, 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("success", outcome.delivered());
        result.put("status_code", outcome.status());
        result.put("response_body", outcome.body());
        result.put("error", outcome.delivered() ? null : outcome.error() != null ? outcome.error()
                : "Receiver answered HTTP " + outcome.status());
        result.put("duration_ms", outcome.durationMillis());
        return result;
    }

    private WebhookRow find(RequestContext caller, String id) {
        WebhookRow row = id == null ? null : store.webhooks().find(caller.accountId(), id);
        if (row == null) {
            throw ApiException.notFound("Webhook not found");
        }
        return row;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
