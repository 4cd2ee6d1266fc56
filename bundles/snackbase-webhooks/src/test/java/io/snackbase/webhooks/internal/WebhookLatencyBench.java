package io.snackbase.webhooks.internal;

import static io.snackbase.webhooks.internal.WebhookFixture.ALICE;
import static io.snackbase.webhooks.internal.WebhookFixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.records.RecordWrite;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.outbound.support.HostResolver;
import io.snackbase.outbound.support.OutboundPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Latency from a record write's commit to the receiver getting the POST, at a steady write rate, with the
 * production defaults of the worker (1 s poll; the commit wakes it). Not part of the normal test run (the
 * name does not end in Test): {@code bench/webhooks/run.sh} runs it. System properties: {@code bench.db}
 * (sqlite, postgresql, mysql; default postgresql), {@code bench.rate} (writes/s, 200), {@code bench.seconds} (20).
 */
class WebhookLatencyBench {

    @Test
    void commitToReceiverLatency() throws Exception {
        DatabaseKind kind = DatabaseKind.valueOf(System.getProperty("bench.db", "postgresql").toUpperCase(Locale.ROOT));
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 20);
        WebhookSettings settings = WebhookSettings.defaults();
        try (WebhookFixture fixture = WebhookFixture.openStorage(kind)) {
            fixture.engine = fixture.newEngine(settings, new OutboundPolicy(true), HostResolver.SYSTEM);
            fixture.engine.webhooks.create(context(ALICE), fixture.hook("posts", List.of("create")));
            Map<String, Long> committedAt = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            int total = rate * seconds;
            ticker.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n < total) {
                    writers.execute(() -> write(fixture, "b" + n, committedAt));
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            fixture.receiver.await(total, r -> true, Duration.ofSeconds(seconds + 60L));
            ticker.shutdownNow();
            writers.shutdown();

            List<Long> latencies = new ArrayList<>();
            int warmup = rate * 2; // the first two seconds warm the JIT and the pools
            for (Receiver.Request request : fixture.receiver.requests()) {
                String id = (String) ((Map<?, ?>) Json.object(request.body()).get("record")).get("id");
                if (Integer.parseInt(id.substring(1)) >= warmup) {
                    latencies.add(request.arrivedNanos() - committedAt.get(id));
                }
            }
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT, "webhook latency on %s at %d writes/s for %d s: n=%d p50=%.1f ms p90=%.1f ms "
                    + "p99=%.1f ms max=%.1f ms%n", kind.databaseId(), rate, seconds, latencies.size(), ms(latencies, 0.50),
                    ms(latencies, 0.90), ms(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6);
            assertThat(latencies).hasSize(total - warmup);
        }
    }

    private static void write(WebhookFixture fixture, String id, Map<String, Long> committedAt) {
        fixture.storage.transactions().inTransaction(() -> {
            fixture.rows.insert(id, WebhookFixture.ACCOUNT_A, "bench", 1);
            // Registered before the outbox's wake-up, so it runs first, right after the commit.
            fixture.storage.transactions().afterCommit(() -> committedAt.put(id, System.nanoTime()));
            fixture.engine.recordWritten(new RecordWrite(RecordWrite.Kind.CREATE, "posts", WebhookFixture.ACCOUNT_A, id,
                    Map.of("id", id, "title", "bench"), null, context(ALICE)));
            return null;
        });
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
