package io.snackbase.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.records.RecordOperations;
import io.snackbase.api.runtime.RegistrationState;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * API-defined hooks in the real runtime (records, the durable job queue and its workers, the action
 * registry with the built-ins and a dropped-in plugin): an event hook runs a plugin's action type
 * after the write commits, a self-triggering hook stops at depth 5, and the latency from a write's
 * commit to its hook's action is measured.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiHooksIT {

    static final String SUPERADMIN = "root@hooks-it.example.com";
    static final String PASSWORD = "Hooks!Sup3r-admin";
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private BundleContext context;

    @Inject
    private RecordOperations records;

    @Configuration
    public Option[] config() throws Exception {
        return PaxExamRuntime.options(Map.of(), Map.of("snackbase.superadmin.email", SUPERADMIN,
                "snackbase.superadmin.password", PASSWORD));
    }

    @Test
    public void anEventHookRunsAPluginsActionTypeAfterTheWrite() throws Exception {
        Http http = http();
        Map<String, String> root = root(http);
        collection(http, root, "it_posts");
        ExtensionPlatformIT.deploy(plugins(), InstanceLayout.sampleActionPluginJar(), "echo.jar");
        assertTrue(new Registrations(context).await(Registrations.has("action_type", "com.example.snackbase.echo",
                RegistrationState.ACTIVE), TEN_SECONDS));

        String hookId = createHook(http, root, "{\"name\":\"echo posts\",\"trigger\":{\"type\":\"event\",\"event\":\"records.create\","
                + "\"collection\":\"it_posts\"},\"actions\":[{\"type\":\"example.echo\",\"message\":\"posted {{record.title}}\"}]}");
        HttpResponse<String> created = http.send("POST", "/api/v1/records/it_posts", "{\"title\":\"Hello\"}", root);
        assertEquals(created.body(), 201, created.statusCode());

        JsonNode execution = awaitExecutions(http, root, hookId, 1).get(0);
        assertEquals(execution.toString(), "success", execution.get("status").asText());
        assertEquals("event", execution.get("trigger_type").asText());
        assertEquals("posted Hello", execution.get("execution_context").get("results").get(0).get("data").get("echo").asText());

        HttpResponse<String> badConfig = http.send("POST", "/api/v1/hooks", "{\"name\":\"x\",\"trigger\":{\"type\":\"manual\"},"
                + "\"actions\":[{\"type\":\"example.echo\"}]}", root);
        assertEquals(badConfig.body(), 422, badConfig.statusCode());
        assertTrue(badConfig.body(), badConfig.body().contains("'message' is required"));
        Files.delete(plugins().resolve("echo.jar"));
    }

    @Test
    public void theBuiltInMailAndWebhookActionsRunInTheRuntime() throws Exception {
        Http http = http();
        Map<String, String> root = root(http);
        String mail = createHook(http, root, "{\"name\":\"mail\",\"trigger\":{\"type\":\"manual\"},\"actions\":[{\"type\":\"send_email\","
                + "\"to\":\"ops@example.com\",\"subject\":\"Hook {{hook.name}}\",\"body\":\"at {{now}}\"}]}");
        HttpResponse<String> sent = http.send("POST", "/api/v1/hooks/" + mail + "/trigger", null, root);
        assertEquals(sent.body(), 202, sent.statusCode());
        assertTrue(sent.body(), sent.body().contains("\"status\":\"success\"") && sent.body().contains("\"actions_executed\":1"));

        // The instance runs in production mode here (no SNACKBASE_ENVIRONMENT): loopback and private targets are refused on save.
        for (String url : List.of("http://127.0.0.1:9/x", "https://10.1.2.3/x", "https://169.254.169.254/latest")) {
            HttpResponse<String> refused = http.send("POST", "/api/v1/hooks", "{\"name\":\"w\",\"trigger\":{\"type\":\"manual\"},"
                    + "\"actions\":[{\"type\":\"send_webhook\",\"url\":\"" + url + "\"}]}", root);
            assertEquals(refused.body(), 422, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("'url' is not allowed"));
        }
        String templated = createHook(http, root, "{\"name\":\"w\",\"trigger\":{\"type\":\"manual\"},"
                + "\"actions\":[{\"type\":\"send_webhook\",\"url\":\"http://127.0.0.1:9/{{hook.id}}\"}]}");
        HttpResponse<String> run = http.send("POST", "/api/v1/hooks/" + templated + "/trigger", null, root);
        assertTrue(run.body(), run.body().contains("\"status\":\"failed\"") && run.body().contains("URL not allowed"));
    }

    @Test
    public void aSelfTriggeringHookStopsAtDepthFive() throws Exception {
        Http http = http();
        Map<String, String> root = root(http);
        collection(http, root, "it_loop");
        String hookId = createHook(http, root, "{\"name\":\"loop\",\"trigger\":{\"type\":\"event\",\"event\":\"records.create\","
                + "\"collection\":\"it_loop\"},\"actions\":[{\"type\":\"create_record\",\"collection\":\"it_loop\","
                + "\"data\":{\"title\":\"again {{record.title}}\"}}]}");
        assertEquals(201, http.send("POST", "/api/v1/records/it_loop", "{\"title\":\"seed\"}", root).statusCode());
        List<JsonNode> runs = awaitExecutions(http, root, hookId, 6);
        long failed = runs.stream().filter(e -> e.get("status").asText().equals("failed")).count();
        assertEquals(runs.toString(), 1, failed);
        assertTrue(runs.toString(), runs.toString().contains("Maximum hook execution depth (5) exceeded"));
        Thread.sleep(1500);
        assertEquals("no run after the refused one", 6, executions(http, root, hookId).size());
        JsonNode list = JSON.readTree(http.get("/api/v1/records/it_loop", root).body());
        assertEquals(list.toString(), 6, list.get("total").asInt());
    }

    @Test
    public void aScheduleHookFiresOnItsCronAndManualTriggersEnqueueIt() throws Exception {
        Http http = http();
        Map<String, String> root = root(http);
        HttpResponse<String> bad = http.send("POST", "/api/v1/hooks", "{\"name\":\"x\",\"trigger\":{\"type\":\"schedule\",\"cron\":\"61 * * * *\"}}", root);
        assertEquals(bad.body(), 422, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("Invalid cron expression: "));
        String hookId = createHook(http, root, "{\"name\":\"every minute\",\"trigger\":{\"type\":\"schedule\",\"cron\":\"* * * * *\"},"
                + "\"actions\":[{\"type\":\"enqueue_job\",\"handler\":\"it.nothing\",\"payload\":{\"at\":\"{{now}}\"}}]}");
        JsonNode hook = JSON.readTree(http.get("/api/v1/hooks/" + hookId, root).body());
        assertEquals("Every minute", hook.get("cron_description").asText());
        assertTrue(hook.toString(), hook.get("next_run_at").isTextual());

        HttpResponse<String> manual = http.send("POST", "/api/v1/hooks/" + hookId + "/trigger", null, root);
        assertEquals(manual.body(), 202, manual.statusCode());
        assertTrue(manual.body(), manual.body().contains("\"message\":\"Job enqueued successfully\""));

        long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
        List<JsonNode> runs = executions(http, root, hookId);
        while (runs.stream().noneMatch(e -> e.get("trigger_type").asText().equals("schedule")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            runs = executions(http, root, hookId);
        }
        assertTrue(runs.toString(), runs.stream().anyMatch(e -> e.get("trigger_type").asText().equals("manual")));
        assertTrue("fired within 75 s: " + runs, runs.stream().anyMatch(e -> e.get("trigger_type").asText().equals("schedule")
                && e.get("status").asText().equals("success")));
        JsonNode off = JSON.readTree(http.send("PATCH", "/api/v1/hooks/" + hookId + "/toggle", null, root).body());
        assertTrue(off.toString(), off.get("next_run_at").isNull());
    }

    @Test
    public void latencyFromCommitToTheHooksAction() throws Exception {
        Http http = http();
        HookLatency.measure(context, records, http, root(http), "SQLite");
    }

    static String createHook(Http http, Map<String, String> root, String body) throws Exception {
        HttpResponse<String> created = http.send("POST", "/api/v1/hooks", body, root);
        assertEquals(created.body(), 201, created.statusCode());
        return JSON.readTree(created.body()).get("id").asText();
    }

    private static List<JsonNode> executions(Http http, Map<String, String> root, String hookId) throws Exception {
        HttpResponse<String> page = http.get("/api/v1/hooks/" + hookId + "/executions?limit=200", root);
        assertEquals(page.body(), 200, page.statusCode());
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(page.body()).get("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> awaitExecutions(Http http, Map<String, String> root, String hookId, int count) throws Exception {
        long deadline = System.nanoTime() + TEN_SECONDS.toNanos();
        List<JsonNode> items = executions(http, root, hookId);
        while (items.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            items = executions(http, root, hookId);
        }
        assertEquals(items.toString(), count, items.size());
        return items;
    }

    static void collection(Http http, Map<String, String> root, String name) throws Exception {
        HttpResponse<String> created = http.send("POST", "/api/v1/collections", "{\"name\":\"" + name
                + "\",\"fields\":[{\"name\":\"title\",\"type\":\"text\"}]}", root);
        assertEquals(created.body(), 201, created.statusCode());
    }

    static Map<String, String> root(Http http) throws Exception {
        Map<String, String> root = Http.bearer(http.login("system", SUPERADMIN, PASSWORD));
        long deadline = System.nanoTime() + TEN_SECONDS.toNanos();
        while (http.get("/api/v1/hooks", root).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        HttpResponse<String> hooks = http.get("/api/v1/hooks", root);
        assertEquals("the hooks routes answer: " + hooks.body(), 200, hooks.statusCode());
        return root;
    }

    private Path plugins() {
        return Path.of(context.getProperty("snackbase.it.plugins"));
    }

    private Http http() {
        return new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
    }
}
