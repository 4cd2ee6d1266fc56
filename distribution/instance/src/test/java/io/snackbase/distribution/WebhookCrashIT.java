package io.snackbase.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transactional outbox of the webhooks bundle survives a crash of the assembled instance: 1,000 record
 * writes through the API from a few threads, each firing a webhook to a receiver on loopback (development
 * mode), the JVM killed with SIGKILL in the middle and restarted on the same home and PostgreSQL database.
 * Afterwards the receiver has at least one delivery for every record in the database (so for every write
 * the API confirmed with 201) and none for a record id the database does not have (a write that was
 * rolled back by the crash).
 */
class WebhookCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "root@crash.example.com";
    private static final String PASSWORD = "Crash!Sup3r-admin";
    private static final String TENANT = "tenant@crash.example.com";
    private static final String COLLECTION = "crash_events";
    private static final int WRITES = 1000;
    private static final int WRITERS = 4;
    /** The kill comes after this many confirmed writes, while the others and their deliveries are in flight. */
    private static final int KILL_AFTER = 400;

    @TempDir
    Path work;

    @Test
    void noCommittedWriteLosesItsDeliveryAndNoRolledBackWriteSendsOne() throws Exception {
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        HttpServer receiver = receiver(delivered);
        String database = FilterFuzzIT.freshPostgresDatabase("snackbase_webhook_crash_it");
        Path home = InstanceProcess.copyInstance(work.resolve("snackbase"));
        // A claim of the killed JVM is taken over when its lease ends: 10 s instead of 2 min keeps the test short.
        Files.writeString(home.resolve("conf").resolve("io.snackbase.webhooks.cfg"), "leaseSeconds=10\ntimeoutSeconds=5\n");
        Map<String, String> env = new HashMap<>(Map.of("SNACKBASE_DB_URL", database,
                "SNACKBASE_ENVIRONMENT", "development",
                "SNACKBASE_SUPERADMIN_EMAIL", ROOT, "SNACKBASE_SUPERADMIN_PASSWORD", PASSWORD));
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        InstanceProcess first = null;
        InstanceProcess second = null;
        try {
            int port = InstanceLayout.freePort();
            env.put("SNACKBASE_PORT", Integer.toString(port));
            first = InstanceProcess.start(home, env);
            Http http = awaitRoutes(port, first);
            String tenant = setUp(http, receiver.getAddress().getPort());

            // The process the test holds must be the JVM itself (bin/snackbase execs java), or SIGKILL would
            // only hit a shell and the JVM would live on.
            assertThat(ProcessHandle.of(first.pid()).flatMap(p -> p.info().command()).orElse(""))
                    .as("the instance process is the JVM").endsWith("java");
            InstanceProcess victim = first;
            writeUntil(http, tenant, next, confirmed, unanswered, () -> {
                if (confirmed.size() >= KILL_AFTER && victim.isAlive()) {
                    victim.kill(); // Process.destroyForcibly: SIGKILL
                }
            });
            first.awaitExit(Duration.ofSeconds(30));
            int beforeCrash = confirmed.size();
            int deliveredBeforeCrash = delivered.size();

            int secondPort = InstanceLayout.freePort();
            env.put("SNACKBASE_PORT", Integer.toString(secondPort));
            second = InstanceProcess.start(home, env);
            Http again = awaitRoutes(secondPort, second);
            String tenantAgain = again.login("crash-tenant", TENANT, PASSWORD);
            writeUntil(again, tenantAgain, next, confirmed, unanswered, () -> { });
            assertThat(next.get()).as("every write was tried").isGreaterThanOrEqualTo(WRITES);

            Set<String> stored = storedIds(database);
            awaitDeliveries(delivered, stored, Duration.ofSeconds(60));
            int duplicates = delivered.values().stream().mapToInt(count -> count.get() - 1).sum();
            System.out.printf("WebhookCrashIT: %d writes tried, %d confirmed (%d before the kill), %d unanswered, "
                    + "%d records stored, %d had been delivered before the kill, %d delivered, %d duplicate deliveries%n",
                    WRITES, confirmed.size(), beforeCrash, unanswered.get(), stored.size(), deliveredBeforeCrash,
                    delivered.size(), duplicates);

            assertThat(beforeCrash).as("the kill came in the middle").isBetween(KILL_AFTER, WRITES - 1);
            assertThat(stored).as("every confirmed write is committed").containsAll(confirmed);
            assertThat(delivered.keySet()).as("every committed write was delivered at least once").containsAll(stored);
            assertThat(stored).as("no delivery for a write that was not committed").containsAll(delivered.keySet());
        } finally {
            if (first != null) {
                first.kill();
            }
            if (second != null) {
                second.terminate(Duration.ofSeconds(30));
            }
            receiver.stop(0);
        }
    }

    /** A loopback receiver that counts the {@code records.create} deliveries per record id and answers 200. */
    private static HttpServer receiver(Map<String, AtomicInteger> delivered) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            try (exchange) {
                JsonNode payload = JSON.readTree(exchange.getRequestBody().readAllBytes());
                if ("records.create".equals(payload.path("event").asText())) {
                    delivered.computeIfAbsent(payload.path("record").path("id").asText(), id -> new AtomicInteger())
                            .incrementAndGet();
                }
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.start();
        return server;
    }

    /** Waits for the routes of every bundle this test uses: they are registered independently. */
    private static Http awaitRoutes(int port, InstanceProcess instance) throws InterruptedException {
        Http http = new Http(port);
        for (String path : List.of("/api/v1/auth/me", "/api/v1/collections", "/api/v1/webhooks")) {
            assertThat(http.awaitStatus(path, 401, Duration.ofSeconds(60))).as(path + "\n" + instance.output()).isEqualTo(401);
        }
        return http;
    }

    /** A collection, a verified tenant and the tenant's webhook on the collection; returns the tenant's token. */
    private static String setUp(Http http, int receiverPort) throws Exception {
        String root = http.login("system", ROOT, PASSWORD);
        String collection = "{\"name\":\"" + COLLECTION + "\",\"fields\":[{\"name\":\"n\",\"type\":\"number\"}],"
                + "\"create_rule\":\"@request.auth.id != \\\"\\\"\",\"list_rule\":\"@request.auth.id != \\\"\\\"\"}";
        HttpResponse<String> created = http.send("POST", "/api/v1/collections", collection, Http.bearer(root));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> registered = http.postJson("/api/v1/auth/register",
                "{\"email\":\"" + TENANT + "\",\"password\":\"" + PASSWORD + "\",\"account_name\":\"Crash Tenant\"}");
        String userId = JSON.readTree(registered.body()).get("user").get("id").asText();
        assertThat(http.send("POST", "/api/v1/users/" + userId + "/verify", "{}", Http.bearer(root)).statusCode()).isEqualTo(200);
        String tenant = http.login("crash-tenant", TENANT, PASSWORD);
        String webhook = "{\"url\":\"http://127.0.0.1:" + receiverPort + "/hook\",\"collection\":\"" + COLLECTION
                + "\",\"events\":[\"create\"]}";
        HttpResponse<String> hook = http.send("POST", "/api/v1/webhooks", webhook, Http.bearer(tenant));
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
        return tenant;
    }

    /**
     * Writes from {@link #WRITERS} threads until {@link #WRITES} were tried or the instance stops answering.
     * A write whose call got no answer may or may not have committed; it is not tried again.
     */
    private static void writeUntil(Http http, String token, AtomicInteger next, Set<String> confirmed,
            AtomicInteger unanswered, Runnable afterEachWrite) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                running.add(writers.submit(() -> {
                    for (int n = next.getAndIncrement(); n < WRITES; n = next.getAndIncrement()) {
                        try {
                            HttpResponse<String> answer = http.send("POST", "/api/v1/records/" + COLLECTION,
                                    "{\"n\":" + n + "}", Http.bearer(token));
                            if (answer.statusCode() == 201) {
                                confirmed.add(JSON.readTree(answer.body()).get("id").asText());
                            } else if (answer.statusCode() < 500) {
                                throw new AssertionError("write " + n + ": " + answer.statusCode() + " " + answer.body());
                            } else {
                                unanswered.incrementAndGet(); // a 5xx while the JVM dies: unknown outcome
                            }
                        } catch (IOException e) {
                            unanswered.incrementAndGet();
                            return null; // the instance is gone
                        }
                        afterEachWrite.run();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private static Set<String> storedIds(String database) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT id FROM col_" + COLLECTION)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void awaitDeliveries(Map<String, AtomicInteger> delivered, Set<String> stored, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!delivered.keySet().containsAll(stored) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
