package io.snackbase.webhooks.internal;

import static io.snackbase.webhooks.internal.WebhookFixture.ALICE;
import static io.snackbase.webhooks.internal.WebhookFixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.outbound.support.HostResolver;
import io.snackbase.outbound.support.OutboundPolicy;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three "instances" (engines with their own worker and lease owner) on one database: every delivery is sent
 * exactly once when nobody crashes, and the deliveries of one record arrive in commit order.
 */
class WebhookClaimsTest {

    static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void instancesSharingADatabaseNeverSendTheSameAttemptTwice(DatabaseKind kind) throws Exception {
        // A lease far above any stall on a busy machine: a send only repeats when its instance stalls past the lease
        // (it then counts as crashed); that at-least-once path is WebhookCrashTest's.
        WebhookSettings settings = new WebhookSettings(20, List.of(Duration.ofMillis(100)), Duration.ofHours(1),
                Duration.ZERO, Duration.ofSeconds(2), 8, 4, Duration.ofMillis(50), Duration.ofSeconds(60), "http");
        try (WebhookFixture fixture = WebhookFixture.open(kind, settings)) {
            fixture.newEngine(settings, new OutboundPolicy(true), HostResolver.SYSTEM);
            fixture.newEngine(settings, new OutboundPolicy(true), HostResolver.SYSTEM);
            fixture.engine.webhooks.create(context(ALICE), fixture.hook("posts", List.of("create", "update")));
            int records = 40;
            int updates = 4;
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < records; r++) {
                String id = "r" + r;
                done.add(writers.submit(() -> {
                    fixture.create(ALICE, "posts", id, Map.of("id", id, "version", 0));
                    for (int v = 1; v <= updates; v++) {
                        fixture.change(ALICE, RecordWrite.Kind.UPDATE, "posts", id, Map.of("id", id, "version", v),
                                Map.of("id", id, "version", v - 1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            int expected = records * (updates + 1);
            List<Receiver.Request> received = fixture.receiver.await(expected, r -> true, Duration.ofSeconds(60));
            Thread.sleep(500); // a duplicate would arrive now
            received = fixture.receiver.requests();
            Map<String, Long> perDelivery = received.stream()
                    .collect(Collectors.groupingBy(r -> r.header("X-SnackBase-Delivery-Id"), Collectors.counting()));
            assertThat(perDelivery).hasSize(expected);
            assertThat(perDelivery.values()).containsOnly(1L);

            Map<String, List<Integer>> versions = new HashMap<>();
            for (Receiver.Request request : received) {
                Map<?, ?> record = (Map<?, ?>) Json.object(request.body()).get("record");
                versions.computeIfAbsent((String) record.get("id"), k -> new ArrayList<>()).add((Integer) record.get("version"));
            }
            versions.forEach((id, seen) -> assertThat(seen).as(id).containsExactly(0, 1, 2, 3, 4));
        }
    }
}
