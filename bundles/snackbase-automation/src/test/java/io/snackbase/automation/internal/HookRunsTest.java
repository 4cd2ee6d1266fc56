package io.snackbase.automation.internal;

import static io.snackbase.automation.internal.AutomationFixture.request;
import static io.snackbase.automation.internal.AutomationFixture.user;
import static io.snackbase.automation.internal.HooksResourceTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.actions.internal.builtin.CreateRecordAction;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.jobs.Job;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.automation.internal.run.HookRunner;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HookRunsTest {

    private AutomationFixture f;
    private RequestContext alice;
    private RequestContext carol;
    private ContainerRequestContext aliceRequest;

    @BeforeEach
    void setUp() throws Exception {
        f = AutomationFixture.open(DatabaseKind.SQLITE);
        alice = user(f.account("acme"), "alice");
        carol = user(f.account("beta"), "carol");
        aliceRequest = request(alice);
        f.collection("notes", "title");
        f.collection("logs", "title");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @SuppressWarnings("unchecked")
    private String hook(ContainerRequestContext who, Object trigger, String condition, List<Map<String, Object>> actions) {
        Map<String, Object> b = body("name", "h", "trigger", trigger, "actions", actions);
        if (condition != null) {
            b.put("condition", condition);
        }
        return (String) ((Map<String, Object>) f.resource.create(b, who).getEntity()).get("id");
    }

    private static Map<String, Object> onCreate(String collection) {
        return Map.of("type", "event", "event", "records.create", "collection", collection);
    }

    private static Map<String, Object> record(String message) {
        return Map.of("type", "test.record", "message", message);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> executions(String hookId) {
        return (List<Map<String, Object>>) f.resource.executions(hookId, null, null, aliceRequest).get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void aRecordWriteRunsTheMatchingEventHooksAfterCommit() throws Exception {
        String id = hook(aliceRequest, onCreate("notes"), null, List.of(record("new {{record.title}} by {{auth.email}} in {{collection}}")));
        hook(aliceRequest, onCreate("logs"), null, List.of(record("logs only")));
        hook(request(carol), onCreate("notes"), null, List.of(record("carol's hook")));

        Map<String, Object> note = f.recordOperations.create("notes", Map.of("title", "Hello"), alice);
        assertThat(f.jobs.pending).hasSize(1);
        assertThat(f.drain()).isEqualTo(1);
        assertThat(f.actions.rendered).containsExactly("new Hello by alice@example.com in notes");

        List<Map<String, Object>> runs = executions(id);
        assertThat(runs).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("trigger_type", "event").containsEntry("status", "success").containsEntry("actions_executed", 1)
                    .containsEntry("error_message", null);
            assertThat(asMap(e.get("execution_context"))).containsEntry("event", "records.create")
                    .containsEntry("record_id", note.get("id")).containsEntry("collection", "notes").containsEntry("account_id", alice.accountId());
            assertThat(e.get("duration_ms")).isNotNull();
        });
        assertThat(f.resource.get(id, aliceRequest).get("last_run_at")).isNotNull();
    }

    @Test
    void updateAndDeleteEventsSeeTheRecordAndItsPreviousValues() throws Exception {
        hook(aliceRequest, Map.of("type", "event", "event", "records.update"), null, List.of(record("{{previous.title}} -> {{record.title}}")));
        hook(aliceRequest, Map.of("type", "event", "event", "records.delete", "collection", "notes"), null,
                List.of(record("deleted {{record.title}}{{record.missing}}")));
        String noteId = (String) f.recordOperations.create("notes", Map.of("title", "a"), alice).get("id");
        f.recordOperations.update("notes", noteId, Map.of("title", "b"), true, alice);
        f.recordOperations.delete("notes", noteId, alice);
        f.drain();
        assertThat(f.actions.rendered).containsExactly("a -> b", "deleted b");
    }

    @Test
    void aRolledBackWriteRunsNothing() throws Exception {
        hook(aliceRequest, onCreate("notes"), null, List.of(record("never")));
        f.afterListener = w -> {
            throw new IllegalStateException("the write fails after the listener");
        };
        assertThatThrownBy(() -> f.recordOperations.create("notes", Map.of("title", "x"), alice)).isInstanceOf(IllegalStateException.class);
        assertThat(f.jobs.pending).isEmpty();
        assertThat(f.drain()).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM col_notes")).isZero();
        assertThat(f.count("SELECT COUNT(*) FROM api_hook_executions")).isZero();
    }

    @Test
    void aFalseConditionSkipsSilentlyATrueOneRunsAnUnevaluableOneFailsOpen() throws Exception {
        String id = hook(aliceRequest, onCreate("notes"), "title = \"go\"", List.of(record("ran {{record.title}}")));
        f.recordOperations.create("notes", Map.of("title", "stop"), alice);
        f.recordOperations.create("notes", Map.of("title", "go"), alice);
        f.drain();
        assertThat(f.actions.rendered).containsExactly("ran go");
        assertThat(executions(id)).hasSize(1);

        // A condition stored before the rules changed and that no longer parses: the hook runs (domain.md 3.8).
        f.update("UPDATE api_hooks SET condition_expr = ? WHERE id = ?", "title = = 'x'", id);
        f.recordOperations.create("notes", Map.of("title", "stop"), alice);
        f.drain();
        assertThat(f.actions.rendered).containsExactly("ran go", "ran stop");
    }

    @Test
    void actionsStopAtTheFirstFailurePartialOrFailed() throws Exception {
        String partial = hook(aliceRequest, onCreate("notes"), null, List.of(record("one"), Map.of("type", "test.fail"), record("never")));
        String failed = hook(aliceRequest, onCreate("notes"), null, List.of(Map.of("type", "test.fail"), record("never")));
        f.recordOperations.create("notes", Map.of("title", "x"), alice);
        f.drain();
        assertThat(f.actions.rendered).containsExactly("one");
        assertThat(executions(partial)).singleElement().satisfies(e -> assertThat(e).containsEntry("status", "partial")
                .containsEntry("actions_executed", 1).containsEntry("error_message", "Action 'test.fail' failed: boom"));
        assertThat(executions(failed)).singleElement().satisfies(e -> assertThat(e).containsEntry("status", "failed")
                .containsEntry("actions_executed", 0));
    }

    @Test
    void aSelfTriggeringHookStopsAtTheDepthLimit() throws Exception {
        f.action("create_record", new CreateRecordAction(f.recordOperations));
        String id = hook(aliceRequest, onCreate("notes"), null,
                List.of(Map.of("type", "create_record", "collection", "notes", "data", Map.of("title", "copy of {{record.title}}"))));
        f.recordOperations.create("notes", Map.of("title", "seed"), alice);
        assertThat(f.drain()).isEqualTo(6);
        // the client's write, then one per run at depths 0 to 4; the run at depth 5 is refused
        assertThat(f.count("SELECT COUNT(*) FROM col_notes")).isEqualTo(6);
        List<Map<String, Object>> runs = executions(id);
        assertThat(runs).hasSize(6);
        assertThat(runs.stream().filter(e -> "success".equals(e.get("status"))).count()).isEqualTo(5);
        assertThat(runs).filteredOn(e -> "failed".equals(e.get("status"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("error_message", HookRunner.DEPTH_EXCEEDED).containsEntry("actions_executed", 0));
        assertThat(f.jobs.pending).isEmpty();
        assertThat(f.count("SELECT COUNT(*) FROM col_notes WHERE created_by = ?", "alice")).isEqualTo(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordActionsWriteInTheHooksAccountUnderItsCollectionRules() throws Exception {
        f.action("create_record", new CreateRecordAction(f.recordOperations));
        f.collectionWithCreateRule("audit", "@request.auth.id = \"alice\"", "title");
        String allowed = hook(aliceRequest, onCreate("notes"), null,
                List.of(Map.of("type", "create_record", "collection", "audit", "data", Map.of("title", "{{record.title}}"))));
        String refused = hook(request(carol), onCreate("notes"), null,
                List.of(Map.of("type", "create_record", "collection", "audit", "data", Map.of("title", "{{record.title}}"))));
        f.recordOperations.create("notes", Map.of("title", "by alice"), alice);
        f.recordOperations.create("notes", Map.of("title", "by carol"), carol);
        f.drain();
        // alice's hook acts as alice in alice's account; carol's hook is refused by the create rule.
        assertThat(f.count("SELECT COUNT(*) FROM col_audit WHERE account_id = ? AND title = ?", alice.accountId(), "by alice")).isEqualTo(1);
        assertThat(f.count("SELECT COUNT(*) FROM col_audit")).isEqualTo(1);
        assertThat(executions(allowed)).singleElement().satisfies(e -> assertThat(e).containsEntry("status", "success"));
        assertThat(((List<Map<String, Object>>) f.resource.executions(refused, null, null, request(carol)).get("items")))
                .singleElement().satisfies(e -> {
                    assertThat(e).containsEntry("status", "failed");
                    assertThat((String) e.get("error_message")).isEqualTo("Action 'create_record' failed: 400 Record does not satisfy collection rules");
                });
    }

    @Test
    void aScheduleFiringRunsTheHookAndMovesNextRun() throws Exception {
        String id = hook(aliceRequest, Map.of("type", "schedule", "cron", "* * * * *"), null, List.of(record("tick {{event}} {{hook.id}}")));
        f.update("UPDATE api_hooks SET next_run_at = 0 WHERE id = ?", id);
        f.jobs.fire("hook:" + id);
        f.drain();
        assertThat(f.actions.rendered).containsExactly("tick schedule " + id);
        assertThat(executions(id)).singleElement().satisfies(e -> assertThat(e).containsEntry("trigger_type", "schedule")
                .containsEntry("execution_context", Map.of("trigger", "schedule", "depth", 0,
                        "results", List.of(Map.of("type", "test.record", "success", true, "data", Map.of("n", 1))))));
        Map<String, Object> after = f.resource.get(id, aliceRequest);
        assertThat(after.get("last_run_at")).isNotNull();
        assertThat((String) after.get("next_run_at")).isGreaterThan("1970-01-01T00:00:00.000000Z");
        // Firings missed while nothing ran: the scheduler's next firing is shown, not the stale one.
        f.update("UPDATE api_hooks SET next_run_at = 1000 WHERE id = ?", id);
        assertThat((String) f.resource.get(id, aliceRequest).get("next_run_at")).isGreaterThan(HookViews.iso(System.currentTimeMillis()));

        // A firing that outlived its hook's schedule (disabled in between) runs nothing.
        String job = "stale";
        f.resource.toggle(id, aliceRequest);
        f.handler.handle(new Job(job, HookSchedules.TOPIC, alice.accountId(), Map.of("hook_id", id, "trigger", "schedule"), 1));
        assertThat(f.actions.rendered).hasSize(1);
    }

    @Test
    void manualTriggersRunInlineOrEnqueueForScheduleHooks() throws Exception {
        String manual = hook(aliceRequest, Map.of("type", "manual"), null, List.of(record("by hand {{auth.user_id}}|{{record.title}}")));
        f.resource.toggle(manual, aliceRequest);
        jakarta.ws.rs.core.Response response = f.resource.trigger(manual, aliceRequest);
        assertThat(response.getStatus()).isEqualTo(202);
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) response.getEntity();
        assertThat(answer).containsOnlyKeys("message", "status", "actions_executed", "error").containsEntry("message", "Hook executed")
                .containsEntry("status", "success").containsEntry("actions_executed", 1).containsEntry("error", null);
        assertThat(f.actions.rendered).containsExactly("by hand |");
        assertThat(executions(manual)).singleElement().satisfies(e -> assertThat(e).containsEntry("trigger_type", "manual"));

        String failing = hook(aliceRequest, Map.of("type", "manual"), null, List.of(Map.of("type", "test.fail")));
        assertThat(asMap(f.resource.trigger(failing, aliceRequest).getEntity())).containsEntry("status", "failed")
                .containsEntry("error", "Action 'test.fail' failed: boom");

        String scheduled = hook(aliceRequest, Map.of("type", "schedule", "cron", "0 0 * * *"), null, List.of(record("scheduled")));
        Map<?, ?> enqueued = (Map<?, ?>) f.resource.trigger(scheduled, aliceRequest).getEntity();
        assertThat(enqueued.get("message")).isEqualTo("Job enqueued successfully");
        assertThat(f.jobs.pending).singleElement().satisfies(j -> {
            assertThat(j.id()).isEqualTo(enqueued.get("job_id"));
            assertThat(j.request().queue()).isEqualTo("scheduled");
        });
        f.drain();
        assertThat(f.actions.rendered).endsWith("scheduled");
        assertThat(executions(scheduled)).singleElement().satisfies(e -> assertThat(e).containsEntry("trigger_type", "manual"));
    }

    @Test
    void authEventsAreEnqueuedForTheirAccount() throws Exception {
        String id = hook(aliceRequest, Map.of("type", "event", "event", "auth.login"), null, List.of(record("welcome {{auth.email}}")));
        HookLifecycleEvents events = new HookLifecycleEvents(f.services.enqueuer);
        events.handle(new HookEvent(HookEvents.ON_AUTH_AFTER_LOGIN, null, Map.of("user_id", "u9", "account_id", alice.accountId(),
                "email", "zed@example.com")), new HookContext(RequestContext.system("login")));
        events.handle(new HookEvent(HookEvents.ON_AUTH_AFTER_REGISTER, null, Map.of("user_id", "u8", "account_id", alice.accountId(),
                "email", "x@example.com")), new HookContext(RequestContext.system("register")));
        events.handle(new HookEvent(HookEvents.ON_AUTH_AFTER_LOGIN, null, Map.of("user_id", "u7", "account_id", carol.accountId(),
                "email", "c@example.com")), new HookContext(RequestContext.system("login")));
        f.drain();
        assertThat(f.actions.rendered).containsExactly("welcome zed@example.com");
        assertThat(executions(id)).singleElement().satisfies(e -> assertThat(asMap(e.get("execution_context")))
                .containsEntry("event", "auth.login").containsEntry("record_id", "u9"));
    }

    @Test
    void exhaustedWebhookDeliveriesAreTheEventWebhooksDeliveryFailed() throws Exception {
        hook(aliceRequest, Map.of("type", "event", "event", "webhooks.delivery_failed"), "attempts >= 3",
                List.of(record("webhook {{record.webhook_id}} failed: {{record.error}}")));
        HookLifecycleEvents events = new HookLifecycleEvents(f.services.enqueuer);
        events.handle(new HookEvent(HookEvents.ON_WEBHOOK_DELIVERY_FAILED, "notes", Map.of("webhook_id", "w1", "delivery_id", "d1",
                "account_id", alice.accountId(), "event", "records.create", "collection", "notes", "url", "https://x.test",
                "attempts", 5, "error", "HTTP 500")), new HookContext(RequestContext.system("webhooks")));
        f.drain();
        assertThat(f.actions.rendered).containsExactly("webhook w1 failed: HTTP 500");
    }

    @Test
    void aJobDeliveredTwiceRunsOnceAndARemovedActionTypeIsSkipped() throws Exception {
        String id = hook(aliceRequest, onCreate("notes"), null, List.of(Map.of("type", "test.fail"), record("kept")));
        f.recordOperations.create("notes", Map.of("title", "x"), alice);
        FakeJobs.Stored job = f.jobs.pending.get(0);
        f.actions.types.remove("test.fail");
        f.drain();
        Job again = new Job(job.id(), job.request().topic(), job.request().accountId(),
                Json.object(Json.write(job.request().payload())), 2);
        f.handler.handle(again);
        assertThat(f.actions.rendered).containsExactly("kept");
        assertThat(executions(id)).singleElement().satisfies(e -> assertThat(e).containsEntry("status", "success")
                .containsEntry("actions_executed", 1));
    }
}
