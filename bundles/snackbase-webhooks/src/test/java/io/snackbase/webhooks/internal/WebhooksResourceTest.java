package io.snackbase.webhooks.internal;

import static io.snackbase.webhooks.internal.WebhookFixture.ALICE;
import static io.snackbase.webhooks.internal.WebhookFixture.BOB;
import static io.snackbase.webhooks.internal.WebhookFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.outbound.support.HostResolver;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.webhooks.internal.rest.WebhooksResource;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST routes: CRUD, bad input (4xx, nothing stored), the per-account limit and isolation between accounts. */
class WebhooksResourceTest {

    private WebhookFixture fixture;
    private WebhooksResource resource;

    @BeforeEach
    void open() throws Exception {
        fixture = WebhookFixture.open(DatabaseKind.SQLITE, WebhookFixture.fastSettings().withMaxPerAccount(3));
        resource = fixture.resource();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(Map<String, Object> body) {
        return (Map<String, Object>) resource.create(body, as(ALICE)).getEntity();
    }

    private int stored() {
        return fixture.store.webhooks().count(WebhookFixture.ACCOUNT_A);
    }

    @Test
    void crudRoundTrip() {
        Map<String, Object> body = fixture.hook("posts", List.of("create", "update", "create"));
        body.put("secret", "whsec_test");
        body.put("filter", "views > 1");
        body.put("headers", Map.of("X-Team", "blue"));
        assertThat(resource.create(body, as(ALICE)).getStatus()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> created = (Map<String, Object>) ((List<?>) resource.list(as(ALICE)).get("items")).get(0);
        String id = (String) created.get("id");
        assertThat(created).containsEntry("account_id", WebhookFixture.ACCOUNT_A).containsEntry("collection", "posts")
                .containsEntry("events", List.of("create", "update")).containsEntry("filter", "views > 1")
                .containsEntry("enabled", true).containsEntry("headers", Map.of("X-Team", "blue"))
                .containsEntry("created_by", ALICE.userId()).doesNotContainKey("secret");
        assertThat(resource.list(as(ALICE))).containsEntry("total", 1);

        Map<String, Object> change = new LinkedHashMap<>();
        change.put("events", List.of("delete"));
        change.put("filter", null); // null leaves it unchanged, as in the reference
        change.put("enabled", false);
        Map<String, Object> updated = resource.update(id, change, as(ALICE));
        assertThat(updated).containsEntry("events", List.of("delete")).containsEntry("filter", "views > 1")
                .containsEntry("enabled", false).containsEntry("url", fixture.receiver.url());
        assertThat(resource.get(id, as(ALICE))).isEqualTo(updated);

        assertThat(resource.delete(id, as(ALICE)).getStatus()).isEqualTo(204);
        assertThatThrownBy(() -> resource.get(id, as(ALICE))).isInstanceOf(ApiException.class)
                .hasMessage("Webhook not found").extracting(e -> ((ApiException) e).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/hook", "not a url", "http://10.0.0.5/hook", "http://192.168.1.2/",
        "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data", "http://[fc00::1]/", "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0/", "https://user:pass@example.com/"})
    void badUrlsAre422AndNothingIsStored(String url) {
        Map<String, Object> body = fixture.hook("posts", List.of("create"));
        body.put("url", url);
        assertUnprocessable(() -> create(body), "url");
        assertThat(stored()).isZero();
    }

    @Test
    void productionModeRefusesHttpAndLoopback() {
        fixture.engine = fixture.newEngine(WebhookFixture.fastSettings(), new OutboundPolicy(false), HostResolver.SYSTEM);
        resource = fixture.resource();
        assertUnprocessable(() -> create(fixture.hook("posts", List.of("create"))), "url");
        Map<String, Object> loopback = fixture.hook("posts", List.of("create"));
        loopback.put("url", "https://127.0.0.1:" + fixture.receiver.port() + "/hook");
        assertUnprocessable(() -> create(loopback), "url");
        loopback.put("url", "https://localhost/hook");
        assertUnprocessable(() -> create(loopback), "url");
        assertThat(stored()).isZero();
    }

    @Test
    void otherBadFieldsAre422AndNothingIsStored() {
        List<Consumer<Map<String, Object>>> breakages = List.of(
                b -> b.put("url", "http://127.0.0.1/" + "x".repeat(2048)),
                b -> b.remove("url"),
                b -> b.put("url", 42),
                b -> b.remove("collection"),
                b -> b.put("collection", "c".repeat(101)),
                b -> b.remove("events"),
                b -> b.put("events", List.of()),
                b -> b.put("events", List.of("insert")),
                b -> b.put("events", "create"),
                b -> b.put("filter", "views >"),
                b -> b.put("filter", "status == \"x\""),
                b -> b.put("secret", "s".repeat(101)),
                b -> b.put("enabled", "yes"),
                b -> b.put("headers", "X-A: b"),
                b -> b.put("headers", Map.of("X-SnackBase-Signature", "forged")),
                b -> b.put("headers", Map.of("content-type", "text/plain")),
                b -> b.put("headers", Map.of("webhook-id", "x")),
                b -> b.put("headers", Map.of("Bad Name", "x")),
                b -> b.put("headers", Map.of("X-Ok", "line\r\nInjected: yes")),
                b -> b.put("headers", Map.of("X-Num", 5)));
        for (Consumer<Map<String, Object>> breakage : breakages) {
            Map<String, Object> body = fixture.hook("posts", List.of("create"));
            breakage.accept(body);
            assertThatThrownBy(() -> create(body)).as(body.toString()).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).status()).isEqualTo(422);
        }
        assertThat(stored()).isZero();

        String id = (String) create(fixture.hook("posts", List.of("create"))).get("id");
        Map<String, Object> badUpdate = new LinkedHashMap<>();
        badUpdate.put("url", "http://10.1.1.1/");
        assertUnprocessable(() -> resource.update(id, badUpdate, as(ALICE)), "url");
        assertThat(resource.get(id, as(ALICE))).containsEntry("url", fixture.receiver.url());
    }

    @Test
    void perAccountLimitIs400() {
        for (int i = 0; i < 3; i++) {
            create(fixture.hook("posts", List.of("create")));
        }
        assertThatThrownBy(() -> create(fixture.hook("posts", List.of("create")))).isInstanceOf(ApiException.class)
                .hasMessage("Maximum number of webhooks per account reached (3)")
                .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
        assertThat(stored()).isEqualTo(3);
        // Another account has its own allowance.
        assertThat(resource.create(fixture.hook("posts", List.of("create")), as(BOB)).getStatus()).isEqualTo(201);
    }

    @Test
    void anotherAccountsWebhookIsInvisibleAndUntouchable() throws Exception {
        Map<String, Object> alices = create(fixture.hook("posts", List.of("create")));
        String id = (String) alices.get("id");
        fixture.create(ALICE, "posts", "p1", Map.of("id", "p1", "title", "t"));
        fixture.receiver.await(1);
        String deliveryId = fixture.receiver.requests().get(0).header("X-SnackBase-Delivery-Id");

        assertThat(resource.list(as(BOB))).containsEntry("total", 0).containsEntry("items", List.of());
        List<Runnable> foreign = List.of(
                () -> resource.get(id, as(BOB)),
                () -> resource.update(id, Map.of("enabled", false), as(BOB)),
                () -> resource.delete(id, as(BOB)),
                () -> resource.deliveries(id, null, null, as(BOB)),
                () -> resource.test(id, as(BOB)),
                () -> resource.rotateSecret(id, as(BOB)),
                () -> resource.redeliver(id, deliveryId, as(BOB)));
        for (Runnable call : foreign) {
            assertThatThrownBy(call::run).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
        }
        assertThat(fixture.receiver.requests()).hasSize(1); // Bob's test call sent nothing

        // Bob's writes in the same collection never reach Alice's webhook, and Bob's webhook never sees Alice's.
        fixture.create(BOB, "posts", "b1", Map.of("id", "b1", "title", "bob"));
        Thread.sleep(300);
        assertThat(fixture.receiver.requests()).hasSize(1);
        assertThat(resource.get(id, as(ALICE))).containsEntry("enabled", true);
        assertThat(resource.deliveries(id, null, null, as(ALICE))).containsEntry("total", 1L);
    }

    @Test
    void deliveriesArePagedNewestFirstAndBadPagingIs422() throws Exception {
        String id = (String) create(fixture.hook("posts", List.of("create"))).get("id");
        for (int i = 0; i < 5; i++) {
            fixture.create(ALICE, "posts", "p" + i, Map.of("id", "p" + i, "title", "t" + i));
            Thread.sleep(2);
        }
        fixture.receiver.await(5);
        Map<String, Object> page = resource.deliveries(id, "2", "1", as(ALICE));
        assertThat(page).containsEntry("total", 5L);
        List<?> items = (List<?>) page.get("items");
        assertThat(items).hasSize(2);
        assertThat(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) items.get(0)).get("payload")).get("record")).get("id")).isEqualTo("p3");
        assertUnprocessable(() -> resource.deliveries(id, "0", null, as(ALICE)), "limit");
        assertUnprocessable(() -> resource.deliveries(id, "201", null, as(ALICE)), "limit");
        assertUnprocessable(() -> resource.deliveries(id, null, "-1", as(ALICE)), "offset");
        assertThatThrownBy(() -> resource.redeliver(id, "no-such-delivery", as(ALICE))).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(404);
    }

    @Test
    void hostNameResolvingToLoopbackIsRefusedAtSendTimeInProduction() throws Exception {
        HostResolver rebinding = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        fixture.engine = fixture.newEngine(WebhookFixture.fastSettings(), new OutboundPolicy(false), rebinding);
        resource = fixture.resource();
        Map<String, Object> body = fixture.hook("posts", List.of("create"));
        body.put("url", "https://hooks.example.com:" + fixture.receiver.port() + "/hook");
        String id = (String) create(body).get("id"); // names are not resolved at save time
        Map<String, Object> result = resource.test(id, as(ALICE));
        assertThat(result).containsEntry("success", false).containsEntry("status_code", null);
        assertThat((String) result.get("error")).contains("resolves to a blocked address").contains("loopback");
        assertThat(fixture.receiver.requests()).isEmpty();
    }

    private static void assertUnprocessable(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(ApiException.class).satisfies(e -> {
            ApiException api = (ApiException) e;
            assertThat(api.status()).isEqualTo(422);
            assertThat(api.extras()).containsEntry("field", field);
        });
    }
}
