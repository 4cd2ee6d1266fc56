package io.snackbase.webhooks.internal;

import static io.snackbase.webhooks.internal.WebhookFixture.ALICE;
import static io.snackbase.webhooks.internal.WebhookFixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end on SQLite: record write → outbox row → worker → real loopback receiver. */
class WebhookDeliveryTest {

    private WebhookFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = WebhookFixture.open(DatabaseKind.SQLITE);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, Object> createHook(Map<String, Object> body) {
        return fixture.engine.webhooks.create(context(ALICE), body);
    }

    private static Map<String, Object> record(String id, String title, int views) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("title", title);
        record.put("views", views);
        return record;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> deliveries(String webhookId) {
        return (List<Map<String, Object>>) fixture.engine.webhooks.deliveries(context(ALICE), webhookId, 50, 0).get("items");
    }

    @Test
    void createIsDeliveredWithTheContractsPayloadHeadersAndSignatures() throws Exception {
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create", "update", "delete")));
        String secret = (String) hook.get("secret");
        assertThat(secret).matches("[0-9a-f]{64}");
        fixture.create(ALICE, "posts", "p1", record("p1", "Hello", 3));

        Receiver.Request request = fixture.receiver.await(1).get(0);
        Map<String, Object> payload = Json.object(request.body());
        assertThat(payload.keySet()).containsExactly("event", "collection", "record", "previous", "timestamp",
                "webhook_id", "account_id");
        assertThat(payload).containsEntry("event", "records.create").containsEntry("collection", "posts")
                .containsEntry("record", record("p1", "Hello", 3)).containsEntry("previous", null)
                .containsEntry("webhook_id", hook.get("id")).containsEntry("account_id", WebhookFixture.ACCOUNT_A);
        assertThat(Instant.parse((String) payload.get("timestamp"))).isBefore(Instant.now().plusSeconds(1));

        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-SnackBase-Event")).isEqualTo("records.create");
        assertThat(request.header("X-SnackBase-Webhook-Id")).isEqualTo(hook.get("id"));
        assertThat(request.header("X-SnackBase-Signature")).isEqualTo(ReceiverChecks.pythonSignature(secret, request.rawBody()));
        String deliveryId = request.header("X-SnackBase-Delivery-Id");
        assertThat(request.header("webhook-id")).isEqualTo(deliveryId);
        assertThat(Long.parseLong(request.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(ReceiverChecks.standardMatches(secret, request)).hasSize(1);
        assertThat(ReceiverChecks.standardMatches("wrong", request)).isEmpty();

        awaitStatus((String) hook.get("id"), "delivered");
        Map<String, Object> delivery = deliveries((String) hook.get("id")).get(0);
        assertThat(delivery).containsEntry("id", deliveryId).containsEntry("status", "delivered")
                .containsEntry("response_status", 200).containsEntry("attempt_number", 1)
                .containsEntry("response_body", "answer 200").containsEntry("next_retry_at", null);
        assertThat(delivery.get("payload")).isEqualTo(payload);
        assertThat(delivery.get("delivered_at")).isNotNull();
    }

    @Test
    void updateCarriesPreviousAndDeleteHasNullRecord() throws Exception {
        createHook(fixture.hook("posts", List.of("update", "delete")));
        fixture.create(ALICE, "posts", "p1", record("p1", "Old", 1)); // not subscribed: no delivery
        fixture.change(ALICE, RecordWrite.Kind.UPDATE, "posts", "p1", record("p1", "New", 2), record("p1", "Old", 1));
        fixture.change(ALICE, RecordWrite.Kind.DELETE, "posts", "p1", null, record("p1", "New", 2));

        List<Receiver.Request> requests = fixture.receiver.await(2);
        Map<String, Object> update = Json.object(requests.get(0).body());
        Map<String, Object> delete = Json.object(requests.get(1).body());
        assertThat(update).containsEntry("event", "records.update").containsEntry("record", record("p1", "New", 2))
                .containsEntry("previous", record("p1", "Old", 1));
        assertThat(delete).containsEntry("event", "records.delete").containsEntry("record", null)
                .containsEntry("previous", record("p1", "New", 2));
        Thread.sleep(200);
        assertThat(fixture.receiver.requests()).hasSize(2);
    }

    @Test
    void filterDecidesWhichWritesAreDeliveredAndDisabledWebhooksAreSkipped() throws Exception {
        Map<String, Object> body = fixture.hook("posts", List.of("create"));
        body.put("filter", "views > 10 && title != 'skip'");
        createHook(body);
        Map<String, Object> off = fixture.hook("posts", List.of("create"));
        off.put("enabled", false);
        createHook(off);

        fixture.create(ALICE, "posts", "low", record("low", "a", 5));
        fixture.create(ALICE, "posts", "skip", record("skip", "skip", 50));
        fixture.create(ALICE, "posts", "high", record("high", "b", 20));
        fixture.create(ALICE, "comments", "other", record("other", "c", 99)); // another collection

        Receiver.Request request = fixture.receiver.await(1).get(0);
        assertThat(Json.object(request.body()).get("record")).isEqualTo(record("high", "b", 20));
        Thread.sleep(300);
        assertThat(fixture.receiver.requests()).hasSize(1);
    }

    @Test
    void failingReceiverIsRetriedUntilItRecovers() throws Exception {
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create")));
        String id = (String) hook.get("id");
        fixture.receiver.answer(request -> fixture.receiver.requests().size() <= 2 ? 500 : 200);
        fixture.create(ALICE, "posts", "p1", record("p1", "x", 1));

        fixture.receiver.await(1);
        awaitStatus(id, "retrying");
        Map<String, Object> retrying = deliveries(id).get(0);
        assertThat(retrying.get("response_status")).isEqualTo(500);
        assertThat(retrying.get("next_retry_at")).isNotNull();

        List<Receiver.Request> all = fixture.receiver.await(3);
        awaitStatus(id, "delivered");
        Map<String, Object> delivered = deliveries(id).get(0);
        assertThat(delivered).containsEntry("attempt_number", 3).containsEntry("response_status", 200);
        assertThat(all).extracting(r -> (Object) r.header("X-SnackBase-Delivery-Id")).containsOnly(delivered.get("id"));
        assertThat(all).extracting(Receiver.Request::body).containsOnly(all.get(0).body());
        long seq = fixture.store.deliveries().find(WebhookFixture.ACCOUNT_A, id, (String) delivered.get("id")).seq;
        assertThat(fixture.store.deliveries().attempts(seq)).extracting(a -> a.responseStatus).containsExactly(500, 500, 200);
        assertThat(fixture.failedEvents).isEmpty();
    }

    @Test
    void lastFailedRetryFiresTheFailedEventAndRedeliverySendsTheSamePayloadAgain() throws Exception {
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create")));
        String id = (String) hook.get("id");
        fixture.receiver.answer(request -> 503);
        fixture.create(ALICE, "posts", "p1", record("p1", "x", 1));

        fixture.receiver.await(3); // first attempt + two retries of the fast schedule
        awaitStatus(id, "failed");
        Map<String, Object> failed = deliveries(id).get(0);
        assertThat(failed).containsEntry("attempt_number", 3).containsEntry("response_status", 503)
                .containsEntry("next_retry_at", null);
        awaitEvents(1);
        assertThat(fixture.failedEvents.get(0)).containsEntry("webhook_id", id).containsEntry("delivery_id", failed.get("id"))
                .containsEntry("account_id", WebhookFixture.ACCOUNT_A).containsEntry("event", "records.create")
                .containsEntry("collection", "posts").containsEntry("url", fixture.receiver.url())
                .containsEntry("attempts", 3).containsEntry("error", "Receiver answered HTTP 503");
        Thread.sleep(400);
        assertThat(fixture.receiver.requests()).hasSize(3);

        fixture.receiver.answer(request -> 204);
        Map<String, Object> redelivered = fixture.engine.webhooks.redeliver(context(ALICE), id, (String) failed.get("id"));
        assertThat(redelivered).containsEntry("status", "pending").containsEntry("attempt_number", 4);
        List<Receiver.Request> requests = fixture.receiver.await(4);
        assertThat(requests.get(3).body()).isEqualTo(requests.get(0).body());
        assertThat(requests.get(3).header("X-SnackBase-Delivery-Id")).isEqualTo(failed.get("id"));
        awaitStatus(id, "delivered");
        assertThat(fixture.failedEvents).hasSize(1);
    }

    @Test
    void webhookFailingLongerThanConfiguredIsDisabledWithReason() throws Exception {
        fixture.close();
        fixture = WebhookFixture.open(DatabaseKind.SQLITE, WebhookFixture.fastSettings().withAutoDisableAfter(Duration.ofMillis(150)));
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create")));
        String id = (String) hook.get("id");
        fixture.receiver.answer(request -> 500);
        fixture.create(ALICE, "posts", "p1", record("p1", "x", 1));
        long end = System.currentTimeMillis() + 5000;
        while (Boolean.TRUE.equals(fixture.engine.webhooks.get(context(ALICE), id).get("enabled"))
                && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        Map<String, Object> view = fixture.engine.webhooks.get(context(ALICE), id);
        assertThat(view.get("enabled")).isEqualTo(false);
        assertThat((String) view.get("disabled_reason")).startsWith("Disabled automatically").contains("HTTP 500");
        int sent = fixture.receiver.requests().size();
        fixture.create(ALICE, "posts", "p2", record("p2", "y", 1));
        Thread.sleep(300);
        assertThat(fixture.receiver.requests()).hasSize(sent);

        Map<String, Object> enable = new LinkedHashMap<>();
        enable.put("enabled", true);
        assertThat(fixture.engine.webhooks.update(context(ALICE), id, enable)).containsEntry("disabled_reason", null);
    }

    @Test
    void aSuccessfulDeliveryStartsNoFailingStreakAndEndsAnOpenOne() throws Exception {
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create")));
        String id = (String) hook.get("id");
        fixture.create(ALICE, "posts", "p1", record("p1", "x", 1));
        awaitStatus(id, "delivered");
        assertThat(fixture.store.webhooks().find(WebhookFixture.ACCOUNT_A, id).failingSince)
                .as("a success never starts a streak (else one later failure could disable the webhook)").isNull();

        fixture.receiver.answer(request -> 500);
        fixture.create(ALICE, "posts", "p2", record("p2", "x", 1));
        fixture.receiver.await(2);
        long end = System.currentTimeMillis() + 5000;
        while (fixture.store.webhooks().find(WebhookFixture.ACCOUNT_A, id).failingSince == null
                && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(fixture.store.webhooks().find(WebhookFixture.ACCOUNT_A, id).failingSince).as("a failure starts one").isNotNull();
        fixture.receiver.answer(request -> 200);
        awaitStatus(id, "delivered");
        assertThat(fixture.store.webhooks().find(WebhookFixture.ACCOUNT_A, id).failingSince).as("a success ends it").isNull();
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlap() throws Exception {
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create")));
        String oldSecret = (String) hook.get("secret");
        Map<String, Object> rotated = fixture.engine.webhooks.rotateSecret(context(ALICE), (String) hook.get("id"));
        String newSecret = (String) rotated.get("secret");
        assertThat(newSecret).matches("[0-9a-f]{64}").isNotEqualTo(oldSecret);
        assertThat(rotated.get("previous_secret_expires_at")).isNotNull();
        assertThat(fixture.engine.webhooks.get(context(ALICE), (String) hook.get("id"))).doesNotContainKey("secret");

        fixture.create(ALICE, "posts", "p1", record("p1", "x", 1));
        Receiver.Request request = fixture.receiver.await(1).get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(ReceiverChecks.standardMatches(newSecret, request)).hasSize(1);
        assertThat(ReceiverChecks.standardMatches(oldSecret, request)).hasSize(1);
        assertThat(request.header("X-SnackBase-Signature")).isEqualTo(ReceiverChecks.pythonSignature(newSecret, request.rawBody()));
    }

    @Test
    void testEndpointPostsASignedTestEventSynchronously() throws Exception {
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create")));
        Map<String, Object> ok = fixture.engine.webhooks.test(context(ALICE), (String) hook.get("id"));
        assertThat(ok).containsEntry("success", true).containsEntry("status_code", 200).containsEntry("error", null)
                .containsEntry("response_body", "answer 200");
        Receiver.Request request = fixture.receiver.requests().get(0);
        Map<String, Object> payload = Json.object(request.body());
        assertThat(payload).containsEntry("event", "test").containsEntry("collection", "posts")
                .containsEntry("record", Map.of("id", "test-record", "example", "data"));
        assertThat(request.header("X-SnackBase-Signature"))
                .isEqualTo(ReceiverChecks.pythonSignature((String) hook.get("secret"), request.rawBody()));

        fixture.receiver.answer(r -> 500);
        Map<String, Object> failing = fixture.engine.webhooks.test(context(ALICE), (String) hook.get("id"));
        assertThat(failing).containsEntry("success", false).containsEntry("status_code", 500)
                .containsEntry("error", "Receiver answered HTTP 500");
        fixture.receiver.close();
        Map<String, Object> down = fixture.engine.webhooks.test(context(ALICE), (String) hook.get("id"));
        assertThat(down).containsEntry("success", false).containsEntry("status_code", null);
        assertThat((String) down.get("error")).isNotBlank();
        assertThat(deliveries((String) hook.get("id"))).isEmpty();
    }

    @Test
    void aFailingDeliveryHoldsBackLaterOnesOfTheSameRecordOnly() throws Exception {
        Map<String, Object> hook = createHook(fixture.hook("posts", List.of("create", "update")));
        // The first attempt for record "a" fails once; everything else succeeds at once.
        fixture.receiver.answer(request -> {
            Map<String, Object> payload = Json.object(request.body());
            boolean firstOfA = "records.create".equals(payload.get("event"))
                    && "a".equals(((Map<?, ?>) payload.get("record")).get("id"))
                    && fixture.receiver.requests().stream().filter(r -> r.body().equals(request.body())).count() == 1;
            return firstOfA ? 500 : 200;
        });
        fixture.create(ALICE, "posts", "a", record("a", "a1", 1));
        fixture.change(ALICE, RecordWrite.Kind.UPDATE, "posts", "a", record("a", "a2", 2), record("a", "a1", 1));
        fixture.create(ALICE, "posts", "b", record("b", "b1", 1));

        List<Receiver.Request> requests = fixture.receiver.await(4);
        List<String> order = requests.stream().map(r -> {
            Map<String, Object> p = Json.object(r.body());
            return p.get("event") + ":" + ((Map<?, ?>) p.get("record")).get("title");
        }).toList();
        assertThat(order).containsSubsequence("records.create:a1", "records.create:a1", "records.update:a2");
        assertThat(order.indexOf("records.create:b1")).as("b is not held back by a").isLessThan(order.lastIndexOf("records.create:a1"));
        assertThat(order).hasSize(4);
        awaitStatus((String) hook.get("id"), "delivered");
    }

    @Test
    void rolledBackWriteLeavesNoDelivery() throws Exception {
        createHook(fixture.hook("posts", List.of("create")));
        try {
            fixture.storage.transactions().inTransaction(() -> {
                fixture.engine.recordWritten(new RecordWrite(RecordWrite.Kind.CREATE, "posts", WebhookFixture.ACCOUNT_A,
                        "gone", record("gone", "x", 1), null, context(ALICE)));
                throw new IllegalStateException("the write fails after the outbox row");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        fixture.create(ALICE, "posts", "kept", record("kept", "y", 1));
        fixture.receiver.await(1);
        Thread.sleep(300);
        assertThat(fixture.receiver.requests()).extracting(r -> (Object) ((Map<?, ?>) Json.object(r.body()).get("record")).get("id"))
                .containsExactly("kept");
    }

    private void awaitStatus(String webhookId, String status) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            List<Map<String, Object>> items = deliveries(webhookId);
            if (!items.isEmpty() && items.stream().allMatch(d -> status.equals(d.get("status")))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Deliveries of " + webhookId + " not all " + status + ": " + deliveries(webhookId));
    }

    private void awaitEvents(int count) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (fixture.failedEvents.size() < count && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertThat(fixture.failedEvents).hasSize(count);
    }
}
