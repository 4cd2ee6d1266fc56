package io.snackbase.automation.internal;

import static io.snackbase.automation.internal.AutomationFixture.request;
import static io.snackbase.automation.internal.AutomationFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HooksResourceTest {

    private AutomationFixture f;
    private ContainerRequestContext alice;
    private ContainerRequestContext carol;

    static List<DatabaseKind> kinds() {
        return io.snackbase.storage.jdbc.testing.ModuleStorage.kinds();
    }

    private void setUp(DatabaseKind kind) throws Exception {
        f = AutomationFixture.open(kind);
        alice = request(user(f.account("acme"), "alice"));
        carol = request(user(f.account("beta"), "carol"));
    }

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Map<String, Object> eventHook(String name) {
        return body("name", name, "trigger", Map.of("type", "event", "event", "records.create", "collection", "notes"),
                "actions", List.of(Map.of("type", "test.record", "message", "new {{record.title}}")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(ContainerRequestContext who, Map<String, Object> body) {
        jakarta.ws.rs.core.Response r = f.resource.create(body, who);
        assertThat(r.getStatus()).isEqualTo(201);
        return (Map<String, Object>) r.getEntity();
    }

    private ApiException failure(Runnable r) {
        return catchThrowableOfType(ApiException.class, r::run);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void crudListsNewestFirstAndKeepsAccountsApart(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> first = create(alice, eventHook("first"));
        assertThat(first).containsEntry("name", "first").containsEntry("enabled", true).containsEntry("condition", null)
                .containsEntry("next_run_at", null).containsEntry("cron", null).containsEntry("created_by", "alice")
                .containsEntry("trigger", Map.of("type", "event", "event", "records.create", "collection", "notes"));
        Map<String, Object> second = create(alice, body("name", "second", "trigger", Map.of("type", "manual"), "enabled", false));
        create(carol, eventHook("carols"));

        Map<String, Object> page = f.resource.list(null, null, null, null, alice);
        assertThat(page.get("total")).isEqualTo(2L);
        assertThat(((List<?>) page.get("items")).stream().map(h -> String.valueOf(((Map<?, ?>) h).get("name"))).toList()).containsExactly("second", "first");
        assertThat(f.resource.list("event", null, null, null, alice).get("total")).isEqualTo(1L);
        assertThat(f.resource.list(null, "false", null, null, alice).get("total")).isEqualTo(1L);
        assertThat((List<?>) f.resource.list(null, null, "1", "1", alice).get("items")).hasSize(1);

        String id = (String) first.get("id");
        assertThat(f.resource.get(id, alice)).containsEntry("id", id);
        // The write path's lookup: enabled event hooks of the account and event only.
        String aliceAccount = (String) first.get("account_id");
        assertThat(f.services.mapper.eventHooks(aliceAccount, "records.create")).extracting(h -> h.id).containsExactly(id);
        assertThat(f.services.mapper.eventHooks(aliceAccount, "records.update")).isEmpty();
        // Another account's id is unknown on every route, and nothing of it changes.
        assertThat(failure(() -> f.resource.get(id, carol)).status()).isEqualTo(404);
        assertThat(failure(() -> f.resource.get(id, carol)).getMessage()).isEqualTo("Hook not found");
        assertThat(failure(() -> f.resource.patch(id, body("name", "mine"), carol)).status()).isEqualTo(404);
        assertThat(failure(() -> f.resource.toggle(id, carol)).status()).isEqualTo(404);
        assertThat(failure(() -> f.resource.trigger(id, carol)).status()).isEqualTo(404);
        assertThat(failure(() -> f.resource.executions(id, null, null, carol)).status()).isEqualTo(404);
        assertThat(failure(() -> f.resource.delete(id, carol)).status()).isEqualTo(404);
        assertThat(f.resource.list(null, null, null, null, carol).get("total")).isEqualTo(1L);
        assertThat(f.resource.get(id, alice)).containsEntry("name", "first");

        Map<String, Object> patched = f.resource.patch(id, body("name", "renamed", "condition", "title = \"x\"", "description", "d"), alice);
        assertThat(patched).containsEntry("name", "renamed").containsEntry("condition", "title = \"x\"").containsEntry("description", "d");
        assertThat(f.resource.patch(id, body("condition", ""), alice)).containsEntry("condition", null).containsEntry("name", "renamed");
        assertThat(f.resource.toggle((String) second.get("id"), alice)).containsEntry("enabled", true);
        f.resource.toggle(id, alice);
        assertThat(f.services.mapper.eventHooks(aliceAccount, "records.create")).isEmpty();
        assertThat(f.resource.delete(id, alice).getStatus()).isEqualTo(204);
        assertThat(failure(() -> f.resource.get(id, alice)).status()).isEqualTo(404);
        assertThat(f.count("SELECT COUNT(*) FROM api_hooks")).isEqualTo(2);
    }

    @Test
    void scheduleHooksGetNextRunWhenEnabledAndLoseItWhenDisabled() throws Exception {
        setUp(DatabaseKind.SQLITE);
        Map<String, Object> hook = create(alice, body("name", "nightly", "trigger", Map.of("type", "schedule", "cron", "0  9 * * 1")));
        String id = (String) hook.get("id");
        assertThat(hook).containsEntry("cron", "0 9 * * 1").containsEntry("cron_description", "Every Monday at 09:00");
        assertThat(hook.get("next_run_at")).isNotNull();
        assertThat(f.jobs.crons).containsEntry("hook:" + id, "0 9 * * 1");

        Map<String, Object> off = f.resource.toggle(id, alice);
        assertThat(off).containsEntry("enabled", false).containsEntry("next_run_at", null);
        assertThat(f.jobs.crons).doesNotContainKey("hook:" + id);
        Map<String, Object> on = f.resource.toggle(id, alice);
        assertThat(on.get("next_run_at")).isNotNull();
        assertThat(f.jobs.crons).containsKey("hook:" + id);

        // Moving to another trigger drops the schedule; deleting removes it.
        assertThat(f.resource.patch(id, body("trigger", Map.of("type", "manual")), alice)).containsEntry("next_run_at", null)
                .containsEntry("cron", null);
        assertThat(f.jobs.crons).isEmpty();
        f.resource.patch(id, body("trigger", Map.of("type", "schedule", "cron", "*/5 * * * *")), alice);
        assertThat(f.jobs.crons).containsKey("hook:" + id);
        f.resource.delete(id, alice);
        assertThat(f.jobs.crons).isEmpty();
    }

    @Test
    void badInputIsA4xxAndStoresNothing() throws Exception {
        setUp(DatabaseKind.SQLITE);
        assertThat(failure(() -> create(alice, body("name", "x", "trigger", Map.of("type", "schedule", "cron", "61 * * * *")))).getMessage())
                .startsWith("Invalid cron expression: minute field");
        assertThat(failure(() -> create(alice, body("name", "x", "trigger", Map.of("type", "schedule", "cron", "* * *")))).getMessage())
                .isEqualTo("Invalid cron expression: expected 5 fields (minute hour day-of-month month day-of-week), found 3");
        assertThat(failure(() -> create(alice, body("name", "x", "trigger", Map.of("type", "event", "event", "records.upsert")))).getMessage())
                .isEqualTo("Unknown event 'records.upsert'. Supported: auth.login, auth.register, records.create, records.delete, "
                        + "records.update, webhooks.delivery_failed");
        assertThat(failure(() -> create(alice, body("name", "x", "trigger", Map.of("type", "sometimes")))).status()).isEqualTo(422);
        assertThat(failure(() -> create(alice, body("name", "x", "trigger", Map.of("type", "event")))).getMessage()).isEqualTo("Field required");
        assertThat(failure(() -> create(alice, body("name", "x"))).status()).isEqualTo(422);
        assertThat(failure(() -> create(alice, body("trigger", Map.of("type", "manual")))).status()).isEqualTo(422);
        assertThat(failure(() -> create(alice, body("name", "x".repeat(201), "trigger", Map.of("type", "manual")))).status()).isEqualTo(422);
        Map<String, Object> manual = body("name", "x", "trigger", Map.of("type", "manual"));
        assertThat(failure(() -> create(alice, with(manual, "actions", List.of(Map.of("type", "acme.nothing"))))).getMessage())
                .isEqualTo("Unknown action type 'acme.nothing'");
        assertThat(failure(() -> create(alice, with(manual, "actions", List.of(Map.of("type", "test.record"))))).getMessage())
                .isEqualTo("Invalid test.record action: 'message' is required");
        assertThat(failure(() -> create(alice, with(manual, "actions", List.of(Map.of("type", "test.record", "message", "hi {{record.title"))))).getMessage())
                .isEqualTo("Invalid test.record action: unclosed '{{' at position 3");
        assertThat(failure(() -> create(alice, with(manual, "actions", List.of(Map.of("type", "test.record", "message", "{{ 1 + 2 }}"))))).getMessage())
                .contains("malformed placeholder '{{1 + 2}}'");
        assertThat(failure(() -> create(alice, with(manual, "actions", List.of(Map.of("type", "test.record", "message", "{{secrets.key}}"))))).getMessage())
                .contains("unknown variable '{{secrets.key}}'");
        assertThat(failure(() -> create(alice, with(manual, "actions", List.of("send_email")))).status()).isEqualTo(422);
        assertThat(failure(() -> create(alice, with(manual, "condition", "title = = 'x'"))).getMessage()).startsWith("Invalid condition: ");
        assertThat(failure(() -> create(alice, with(manual, "enabled", "yes"))).status()).isEqualTo(422);
        assertThat(failure(() -> f.resource.list("daily", null, null, null, alice)).status()).isEqualTo(422);
        assertThat(failure(() -> f.resource.list(null, null, "201", null, alice)).status()).isEqualTo(422);
        assertThat(failure(() -> f.resource.list(null, null, null, "-1", alice)).status()).isEqualTo(422);
        assertThat(failure(() -> create(AutomationFixture.anonymous(), manual)).status()).isEqualTo(401);
        assertThat(f.count("SELECT COUNT(*) FROM api_hooks")).isZero();
        assertThat(f.jobs.crons).isEmpty();

        // A bad PATCH changes nothing either.
        String id = (String) create(alice, manual).get("id");
        assertThat(failure(() -> f.resource.patch(id, body("name", "ok", "trigger", Map.of("type", "schedule", "cron", "nope")), alice)).status())
                .isEqualTo(422);
        assertThat(f.resource.get(id, alice)).containsEntry("name", "x");
    }

    @Test
    void theAccountLimitIsA409() throws Exception {
        f = new AutomationFixture(DatabaseKind.SQLITE, 2);
        RequestContext a = user(f.account("acme"), "alice");
        alice = request(a);
        carol = request(user(f.account("beta"), "carol"));
        create(alice, eventHook("1"));
        create(alice, eventHook("2"));
        ApiException full = failure(() -> create(alice, eventHook("3")));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.getMessage()).isEqualTo("Account has reached the maximum of 2 hooks");
        create(carol, eventHook("other account"));
        assertThat(f.count("SELECT COUNT(*) FROM api_hooks WHERE account_id = ?", a.accountId())).isEqualTo(2);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
