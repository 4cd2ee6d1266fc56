package io.snackbase.webhooks.internal;

import static io.snackbase.webhooks.internal.WebhookFixture.ALICE;
import static io.snackbase.webhooks.internal.WebhookFixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.outbound.support.HostResolver;
import io.snackbase.outbound.support.OutboundPolicy;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The crash test of the outbox on PostgreSQL: a child JVM (the "instance") writes 1,000 rows, each firing a
 * webhook, and is killed with SIGKILL in the middle (often inside an open write transaction); a new instance
 * on the same database then delivers the rest. The receiver ends up with every committed row's delivery at
 * least once and none for a row that was not committed.
 */
class WebhookCrashTest {

    static final int WRITES = 1000;

    /** Short lease so that the killed instance's claims come back quickly; slow enough sending to leave a backlog. */
    static WebhookSettings settings() {
        return new WebhookSettings(20, List.of(Duration.ofMillis(100)), Duration.ofHours(1), Duration.ZERO,
                Duration.ofSeconds(2), 2, 2, Duration.ofMillis(50), Duration.ofSeconds(3), "http");
    }

    @Test
    void killedInstanceLosesNoCommittedDeliveryAndSendsNoneForUncommittedWrites() throws Exception {
        try (WebhookFixture fixture = WebhookFixture.openStorage(DatabaseKind.POSTGRESQL)) {
            fixture.receiver.answer(request -> {
                sleep(10);
                return 200;
            });
            // An engine only to create the webhook; its worker is closed at once so that it sends nothing.
            fixture.engine = fixture.newEngine(settings(), new OutboundPolicy(true), HostResolver.SYSTEM);
            fixture.engine.close();
            fixture.engine.webhooks.create(context(ALICE), fixture.hook("posts", List.of("create")));

            Process instance = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
                    "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                    fixture.storage.database().describe(), Integer.toString(WRITES), "2")
                    .redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(instance.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("ready");
            fixture.receiver.await(150, r -> true, Duration.ofSeconds(60));
            instance.destroyForcibly(); // SIGKILL on Linux
            assertThat(instance.waitFor(10, TimeUnit.SECONDS)).isTrue();
            int receivedAtKill = fixture.receiver.requests().size();

            Set<String> committed = committedIds(fixture);
            assertThat(committed.size()).as("killed in the middle").isBetween(receivedAtKill, WRITES - 1);
            assertThat(committed.size()).as("a backlog was left").isGreaterThan(receivedAtKill + 20);

            fixture.newEngine(settings(), new OutboundPolicy(true), HostResolver.SYSTEM); // the restarted instance
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!receivedIds(fixture).containsAll(committed) && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            Thread.sleep(500);
            Set<String> received = receivedIds(fixture);
            assertThat(received).containsAll(committed);
            assertThat(received).as("nothing for uncommitted writes").isSubsetOf(committed);
            System.out.printf("crash test: %d committed, %d received before the kill, %d requests in all (%d duplicates)%n",
                    committed.size(), receivedAtKill, fixture.receiver.requests().size(),
                    fixture.receiver.requests().size() - received.size());
        }
    }

    private static Set<String> committedIds(WebhookFixture fixture) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = fixture.storage.database().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM wh_test_rows")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static Set<String> receivedIds(WebhookFixture fixture) {
        return fixture.receiver.requests().stream()
                .map(r -> (String) ((java.util.Map<?, ?>) Json.object(r.body()).get("record")).get("id"))
                .collect(Collectors.toSet());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
