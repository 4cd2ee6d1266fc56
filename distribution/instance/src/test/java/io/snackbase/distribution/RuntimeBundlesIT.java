package io.snackbase.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedService;

/**
 * Boots the real runtime bundle set of {@code target/snackbase/bundle/} in Felix under Pax Exam and checks
 * that it starts, serves HTTP and hot-deploys a plugin. Pax Exam does not use our launcher, so the start
 * levels and framework properties of {@code io.snackbase.launcher} are repeated in {@link PaxExamRuntime}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RuntimeBundlesIT {

    private static final String INTERPOLATION_PID = "io.snackbase.it.interpolation";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return PaxExamRuntime.options(Map.of(
                "conf/" + INTERPOLATION_PID + ".cfg",
                "fromEnv=$[env:PATH]\nunset=$[env:SNACKBASE_IT_NO_SUCH_VARIABLE;default=fallback]\n"), Map.of());
    }

    @Test
    public void everyBundleIsActiveAndEveryFragmentResolved() {
        List<String> wrong = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                wrong.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertTrue("bundles not in their expected state: " + wrong, wrong.isEmpty());
        assertTrue("expected the whole runtime set, got " + context.getBundles().length + " bundles",
                context.getBundles().length > 60);
    }

    @Test
    public void slf4jIsBoundToLogbackNotToNop() {
        // Fails when a bundle touched LoggerFactory before SPI Fly had wired logback in (stack.md P3).
        assertEquals("ch.qos.logback.classic.LoggerContext",
                org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test
    public void ruleEngineIsRegisteredAndCompilesFilters() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var refs = context.getServiceReferences(io.snackbase.api.rules.RuleEngine.class, "(snackbase.impl=default)");
        while (refs.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            refs = context.getServiceReferences(io.snackbase.api.rules.RuleEngine.class, "(snackbase.impl=default)");
        }
        assertEquals(1, refs.size());
        io.snackbase.api.rules.RuleEngine engine = context.getService(refs.iterator().next());
        try {
            var schema = io.snackbase.api.rules.FieldSchema.of(java.util.Map.of("title", io.snackbase.api.rules.FieldType.TEXT));
            assertEquals("\"title\" = ?", engine.compileFilter("title = 'x'", schema,
                    io.snackbase.api.storage.DatabaseKind.SQLITE).orElseThrow().sql());
        } finally {
            context.ungetService(refs.iterator().next());
        }
    }

    @Test
    public void servesHealthAndReadiness() throws Exception {
        Http http = new Http(port());
        assertEquals(200, http.awaitStatus("/health", 200, Duration.ofSeconds(30)));
        assertEquals(200, http.awaitStatus("/ready", 200, Duration.ofSeconds(30)));
    }

    @Test
    public void pluginDroppedIntoPluginsIsServedAndGoesAwayWhenDeleted() throws Exception {
        Http http = new Http(port());
        assertEquals(200, http.awaitStatus("/health", 200, Duration.ofSeconds(30)));
        assertEquals(404, http.get("/api/v1/sample").statusCode());

        Path dropped = Path.of(context.getProperty("snackbase.it.plugins")).resolve("sample-rest-plugin.jar");
        Files.copy(InstanceLayout.samplePluginJar(), dropped, StandardCopyOption.REPLACE_EXISTING);
        assertEquals("GET /api/v1/sample within 5 s of the copy",
                200, http.awaitStatus("/api/v1/sample", 200, Duration.ofSeconds(5)));

        Files.delete(dropped);
        assertEquals("GET /api/v1/sample within 5 s of the delete",
                404, http.awaitStatus("/api/v1/sample", 404, Duration.ofSeconds(5)));
    }

    @Test
    public void pluginShipsItsSchemaAndWritesThroughMappersInOneTransaction() throws Exception {
        Http http = new Http(port());
        assertEquals(200, http.awaitStatus("/ready", 200, Duration.ofSeconds(30)));
        Path dropped = Path.of(context.getProperty("snackbase.it.plugins")).resolve("notes.jar");
        Files.copy(InstanceLayout.sampleNotesPluginJar(), dropped, StandardCopyOption.REPLACE_EXISTING);
        try {
            // Served only once its migration is applied and its SchemaModule registered.
            assertEquals(200, http.awaitStatus("/api/v1/example-notes", 200, Duration.ofSeconds(10)));
            assertEquals(1, context.getServiceReferences(io.snackbase.api.storage.SchemaModule.class,
                    "(snackbase.schema.module=com.example.snackbase.notes)").size());

            assertEquals(200, http.postJson("/api/v1/example-notes", "{\"text\":\"kept\"}").statusCode());
            HttpResponse<String> failed = http.postJson("/api/v1/example-notes", "{\"text\":\"lost\",\"fail\":true}");
            assertEquals(409, failed.statusCode());
            assertTrue(failed.body(), failed.body().contains("Asked to fail after both inserts"));

            // Both rows of the first pair, none of the rolled-back pair.
            assertEquals("[\"kept 1\",\"kept 2\"]", http.get("/api/v1/example-notes").body());
        } finally {
            Files.deleteIfExists(dropped);
        }
        assertEquals(404, http.awaitStatus("/api/v1/example-notes", 404, Duration.ofSeconds(5)));
    }

    @Test
    public void configurationValuesAreInterpolatedFromTheEnvironment() throws Exception {
        CompletableFuture<Dictionary<String, ?>> delivered = new CompletableFuture<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(org.osgi.framework.Constants.SERVICE_PID, INTERPOLATION_PID);
        ManagedService receiver = properties -> {
            if (properties != null) {
                delivered.complete(properties);
            }
        };
        ServiceRegistration<ManagedService> registration =
                context.registerService(ManagedService.class, receiver, props);
        try {
            Dictionary<String, ?> values = delivered.get(10, TimeUnit.SECONDS);
            assertEquals(System.getenv("PATH"), values.get("fromEnv"));
            assertEquals("fallback", values.get("unset"));
        } finally {
            registration.unregister();
        }
    }

    private int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }
}
