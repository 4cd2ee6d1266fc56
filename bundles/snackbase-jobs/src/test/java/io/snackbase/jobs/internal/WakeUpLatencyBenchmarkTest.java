package io.snackbase.jobs.internal;

import static io.snackbase.jobs.internal.JobsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.api.storage.TransactionManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A benchmark, not a timed assertion: the time from the commit of a write that enqueued a job (as
 * a hook run is enqueued) to the start of its handler on a local worker, woken after commit. Prints
 * p50/p99; asserts only that every job ran.
 */
class WakeUpLatencyBenchmarkTest {

    private static final int WARM_UP = 50;
    private static final int SAMPLES = 300;

    static List<DatabaseKind> kinds() {
        return JobsFixture.kinds();
    }

    private JobsFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void commitToHandlerStart(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        Map<String, Long> started = new ConcurrentHashMap<>();
        f.handle(job -> started.put(job.id(), System.nanoTime()), "test.hook");
        // the default poll interval (1 s): any figure well below it comes from the wake-up, not from polling
        JobQueueImpl queue = f.queue(JobSettings.defaults("bench", 4), Clock.systemUTC());
        TransactionManager transactions = f.storage.transactions();

        long[] latencies = new long[SAMPLES];
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            AtomicLong committed = new AtomicLong();
            String id = transactions.inTransaction(() -> {
                // registered before the enqueue, so it runs first after commit: the instant of the commit
                transactions.afterCommit(() -> committed.set(System.nanoTime()));
                return queue.enqueue(JobRequest.of("test.hook", Map.of("i", 1)));
            });
            await("job " + id, () -> started.containsKey(id));
            if (i >= WARM_UP) {
                latencies[i - WARM_UP] = started.get(id) - committed.get();
            }
        }
        Arrays.sort(latencies);
        System.out.printf("commit-to-handler latency on %s over %d jobs: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", kind,
                SAMPLES, latencies[SAMPLES / 2] / 1e6, latencies[SAMPLES * 99 / 100] / 1e6, latencies[SAMPLES - 1] / 1e6);
        assertThat(started).hasSize(WARM_UP + SAMPLES);
    }
}
