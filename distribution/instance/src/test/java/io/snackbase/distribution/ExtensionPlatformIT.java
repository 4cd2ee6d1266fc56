package io.snackbase.distribution;

import static io.snackbase.distribution.Registrations.has;
import static io.snackbase.distribution.Registrations.noneFrom;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionExecutor;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The extension platform in the real runtime: third-party bundles dropped into {@code plugins/} of
 * a running instance add an action type and a lifecycle hook handler, the runtime report and the
 * console page list them, a higher-ranked bundle shadows an action type, and deploying and
 * undeploying a plugin repeatedly never disturbs requests.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtensionPlatformIT {

    private static final String PLUGIN = "com.example.snackbase.echo";
    private static final String PLUGIN_V2 = "com.example.snackbase.echo2";
    private static final String CONSOLE_PASSWORD = "it-console-secret";
    private static final String SUPERADMIN = "root@it.example.com";
    private static final String SUPERADMIN_PASSWORD = "It-Sup3r!Passw0rd";
    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Inject
    private BundleContext context;

    @Inject
    private ActionExecutor actions;

    @Configuration
    public Option[] config() throws Exception {
        return PaxExamRuntime.options(Map.of(), Map.of(
                "felix.webconsole.username", "admin", "felix.webconsole.password", CONSOLE_PASSWORD,
                "snackbase.superadmin.email", SUPERADMIN, "snackbase.superadmin.password", SUPERADMIN_PASSWORD));
    }

    @After
    public void undeployEverything() throws Exception {
        Files.deleteIfExists(plugins().resolve("echo.jar"));
        Files.deleteIfExists(plugins().resolve("echo2.jar"));
        assertTrue(new Registrations(context).await(noneFrom(PLUGIN).and(noneFrom(PLUGIN_V2)), FIVE_SECONDS));
    }

    @Test
    public void droppedPluginRegistersActionAndHookAndIsListedThenRemoved() throws Exception {
        Registrations registrations = new Registrations(context);
        Http http = http();
        assertEquals(404, http.get("/api/v1/x/blocked-by-plugin").statusCode());

        deploy(InstanceLayout.sampleActionPluginJar(), "echo.jar");
        assertTrue("example.echo listed within 5 s",
                registrations.await(has("action_type", PLUGIN, RegistrationState.ACTIVE), FIVE_SECONDS));
        assertTrue("hook handler listed within 5 s",
                registrations.await(has("hook_handler", PLUGIN, RegistrationState.ACTIVE), FIVE_SECONDS));
        assertEquals("example.echo", registrations.find("action_type", PLUGIN, RegistrationState.ACTIVE).get().id());
        assertEquals(1, execute("hi").data().get("version"));

        // The before-request hook of the plugin really runs: it aborts this path with its status.
        HttpResponse<String> blocked = http.get("/api/v1/x/blocked-by-plugin");
        assertEquals(403, blocked.statusCode());
        assertTrue(blocked.body(), blocked.body().contains("\"detail\":\"Blocked by the example plugin\""));

        assertEquals("the runtime report is for superadmins", 401, http.get("/api/v1/admin/runtime").statusCode());
        HttpResponse<String> report = http.get("/api/v1/admin/runtime", superadmin(http));
        assertEquals(200, report.statusCode());
        assertTrue(report.body(), report.body().contains("\"id\":\"example.echo\",\"state\":\"active\",\"bundle\":\"" + PLUGIN + "\""));
        assertTrue(report.body(), report.body().contains("on_before_request"));

        HttpResponse<String> page = http.get("/system/console/snackbase", Http.basicAuth("admin", CONSOLE_PASSWORD));
        assertEquals(200, page.statusCode());
        assertTrue("console page lists the plugin", page.body().contains("example.echo") && page.body().contains(PLUGIN));

        Files.delete(plugins().resolve("echo.jar"));
        assertTrue("gone within 5 s of the delete", registrations.await(noneFrom(PLUGIN), FIVE_SECONDS));
        assertTrue(actions.find("example.echo").isEmpty());
        assertEquals(404, http.awaitStatus("/api/v1/x/blocked-by-plugin", 404, FIVE_SECONDS));
    }

    @Test
    public void higherRankedBundleShadowsTheActionTypeAndGivesItBackWhenRemoved() throws Exception {
        Registrations registrations = new Registrations(context);
        deploy(InstanceLayout.sampleActionPluginJar(), "echo.jar");
        assertTrue(registrations.await(has("action_type", PLUGIN, RegistrationState.ACTIVE), FIVE_SECONDS));

        deploy(InstanceLayout.sampleActionPluginV2Jar(), "echo2.jar");
        assertTrue("v2 wins within 5 s", registrations.await(
                has("action_type", PLUGIN_V2, RegistrationState.ACTIVE).and(has("action_type", PLUGIN, RegistrationState.SHADOWED)),
                FIVE_SECONDS));
        RegistrationDTO shadowed = registrations.find("action_type", PLUGIN, RegistrationState.SHADOWED).get();
        assertTrue(shadowed.reason(), shadowed.reason().contains("shadowed by service") && shadowed.reason().contains(PLUGIN_V2));
        assertEquals(2, execute("hi").data().get("version"));
        Http http = http();
        assertTrue(http.get("/api/v1/admin/runtime", superadmin(http)).body().contains("\"state\":\"shadowed\""));

        Files.delete(plugins().resolve("echo2.jar"));
        assertTrue("v1 takes over again", registrations.await(has("action_type", PLUGIN, RegistrationState.ACTIVE), FIVE_SECONDS));
        assertEquals(1, execute("hi").data().get("version"));
    }

    @Test
    public void aHigherRankedCoreServiceReplacesTheDefaultWhileItIsRegistered() throws Exception {
        // architecture.md §4: the default HookDispatcher (snackbase.impl=default, ranking 0) is
        // replaced by registering another at a higher ranking; its consumers switch (greedy references).
        Http http = http();
        HookDispatcher replacement = new HookDispatcher() {
            @Override
            public HookDispatchResult dispatch(HookEvent event, HookContext hookContext) {
                boolean before = event.name().equals(HookEvents.ON_BEFORE_REQUEST);
                return new HookDispatchResult(event.data(), 1, before, before ? 451 : 0, before ? "Replaced dispatcher" : null, List.of());
            }

            @Override
            public boolean hasHandlers(String event, String collection) {
                return true;
            }
        };
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(org.osgi.framework.Constants.SERVICE_RANKING, 100);
        props.put("snackbase.impl", "it-replacement");
        ServiceRegistration<HookDispatcher> registration = context.registerService(HookDispatcher.class, replacement, props);
        try {
            assertEquals(451, http.awaitStatus("/api/v1", 451, FIVE_SECONDS));
            assertTrue(http.get("/api/v1").body().contains("Replaced dispatcher"));
        } finally {
            registration.unregister();
        }
        assertEquals("the default is back", 200, http.awaitStatus("/api/v1", 200, FIVE_SECONDS));
    }

    @Test
    public void deployingAndUndeployingTwentyTimesNeverDisturbsRequests() throws Exception {
        Registrations registrations = new Registrations(context);
        Http http = http();
        Map<String, String> root = superadmin(http);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Thread load = new Thread(() -> {
            while (running.get()) {
                for (String path : List.of("/api/v1", "/health", "/api/v1/admin/runtime")) {
                    try {
                        int status = http.get(path, root).statusCode();
                        if (status != 200) {
                            failures.add(path + " -> " + status);
                        }
                    } catch (Exception e) {
                        failures.add(path + " -> " + e);
                    }
                    requests.incrementAndGet();
                }
            }
        }, "request-loop");
        load.start();
        try {
            for (int i = 0; i < 20; i++) {
                deploy(InstanceLayout.sampleActionPluginJar(), "echo.jar");
                assertTrue("deploy " + i, registrations.await(has("action_type", PLUGIN, RegistrationState.ACTIVE), FIVE_SECONDS));
                Files.delete(plugins().resolve("echo.jar"));
                assertTrue("undeploy " + i, registrations.await(noneFrom(PLUGIN), FIVE_SECONDS));
            }
        } finally {
            running.set(false);
            load.join(15_000);
        }
        assertTrue("requests made: " + requests.get(), requests.get() > 100);
        assertTrue("failed requests: " + failures, failures.isEmpty());
    }

    private ActionResult execute(String message) {
        ActionContext ctx = new ActionContext() {
            @Override public RequestContext request() { return RequestContext.system("it"); }
            @Override public String event() { return "manual"; }
            @Override public Map<String, Object> record() { return Map.of(); }
            @Override public Map<String, Object> variables() { return Map.of(); }
            @Override public int depth() { return 0; }
            @Override public String render(String template) { return template; }
        };
        ActionResult result = actions.execute("example.echo", ctx, Map.of("message", message));
        assertTrue(String.valueOf(result.error()), result.success());
        assertEquals(message, result.data().get("echo"));
        return result;
    }

    private void deploy(Path jar, String name) throws Exception {
        deploy(plugins(), jar, name);
    }

    /** Drops a plugin jar into a plugins folder (ApiHooksIT uses it too). */
    static void deploy(Path plugins, Path jar, String name) throws Exception {
        // Copy then rename, so FileInstall never sees a half-written jar.
        Path partial = plugins.resolve(name + ".part");
        Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, plugins.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path plugins() {
        return Path.of(context.getProperty("snackbase.it.plugins"));
    }

    private static Map<String, String> superadmin(Http http) throws Exception {
        return Http.bearer(http.login("system", SUPERADMIN, SUPERADMIN_PASSWORD));
    }

    private Http http() {
        return new Http(Integer.parseInt(context.getProperty("org.osgi.service.http.port")));
    }
}
