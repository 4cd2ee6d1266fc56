package io.snackbase.jobs.internal;

import static io.snackbase.jobs.internal.JobsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.jobs.internal.store.JobRow;
import io.snackbase.jobs.internal.store.JobStatus;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Claims across workers and instances: lease recovery, ordering keys, exactly-once runs with two instances. */
class JobClaimTest {

    static List<DatabaseKind> kinds() {
        return JobsFixture.kinds();
    }

    private JobsFixture f;
    private ModuleStorage secondInstance;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aJobWhoseWorkerDiedIsRecoveredWhenItsLeaseExpiresAndRunsAgain(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        MutableClock clock = new MutableClock();
        List<Job> ran = new CopyOnWriteArrayList<>();
        f.handle(ran::add, "test.echo");
        JobQueueImpl enqueuer = f.queue(JobsFixture.fast("enqueuer", 0), clock);
        String id = enqueuer.enqueue(JobRequest.of("test.echo", Map.of()).withRetries(3, 5));

        // A worker of another instance claims the job and dies: nobody completes or renews it.
        JobStore dead = new JobStore(f.mapper, f.storage.transactions(), clock);
        assertThat(dead.claim("dead-instance", Set.of("test.echo"), List.of(), 1, Duration.ofSeconds(30)))
                .extracting(r -> r.id).containsExactly(id);
        f.queue(JobsFixture.fast("survivor", 1), clock);
        Thread.sleep(300);
        assertThat(f.row(id).status).isEqualTo(JobStatus.RUNNING); // the lease still holds
        assertThat(f.row(id).lockedBy).isEqualTo("dead-instance");

        clock.advance(Duration.ofSeconds(31));
        await("the recovery", () -> f.row(id).attempts == 1 && JobStatus.RETRYING.equals(f.row(id).status));
        JobRow recovered = f.row(id);
        assertThat(recovered.lastError).contains("Lease expired").contains("dead-instance");
        assertThat(recovered.runAt - recovered.failedAt).isEqualTo(5_000); // the attempt counted, with back-off

        clock.advance(Duration.ofSeconds(5));
        await("the second attempt", () -> JobStatus.COMPLETED.equals(f.row(id).status));
        assertThat(ran).extracting(Job::attempt).containsExactly(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aLiveWorkerRenewsItsLeaseSoALongJobIsNotRecovered(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        MutableClock clock = new MutableClock();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        f.handle(job -> {
            runs.incrementAndGet();
            release.await();
        }, "test.slow");
        // lease 6 s: renewed every 2 s of real time
        JobSettings settings = JobsFixture.fast("slow", 1).withPoll(Duration.ofMillis(50), Duration.ofSeconds(6),
                Duration.ofMillis(100));
        JobQueueImpl queue = f.queue(settings, clock);
        String id = queue.enqueue(JobRequest.of("test.slow", Map.of()));
        await("the job to start", () -> runs.get() == 1);
        long firstLease = f.row(id).lockedUntil;

        clock.advance(Duration.ofSeconds(5));
        await("a renewal", () -> f.row(id).lockedUntil > firstLease);
        clock.advance(Duration.ofSeconds(2));
        Thread.sleep(300);
        assertThat(f.row(id).status).isEqualTo(JobStatus.RUNNING);
        release.countDown();
        await("completion", () -> JobStatus.COMPLETED.equals(f.row(id).status));
        assertThat(runs).hasValue(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void jobsOfOneOrderingKeyRunOneAtATimeInEnqueueOrderAndARetryHoldsTheRestBack(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        MutableClock clock = new MutableClock();
        Map<String, List<Integer>> order = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        f.handle(job -> {
            String key = (String) job.payload().get("key");
            int n = (Integer) job.payload().get("n");
            if (active.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(5);
                if (key.equals("b") && n == 2 && failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("b/2 fails once");
                }
                order.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(n);
            } finally {
                active.get(key).decrementAndGet();
            }
        }, "test.ordered");
        JobQueueImpl enqueuer = f.queue(JobsFixture.fast("enqueuer", 0), clock);
        for (int n = 0; n < 10; n++) {
            for (String key : List.of("a", "b")) {
                enqueuer.enqueue(JobRequest.of("test.ordered", Map.of("key", key, "n", n)).withOrderingKey("record:" + key)
                        .withRetries(3, 10));
            }
        }
        f.queue(JobsFixture.fast("workers", 4), clock);

        await("key a to finish", () -> order.getOrDefault("a", List.of()).size() == 10);
        await("b/2 to wait for its retry", () -> order.getOrDefault("b", List.of()).size() == 2);
        Thread.sleep(300);
        assertThat(order.get("b")).containsExactly(0, 1); // b/3.. wait behind b/2's retry
        clock.advance(Duration.ofSeconds(10));
        await("key b to finish", () -> order.getOrDefault("b", List.of()).size() == 10);

        List<Integer> inOrder = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            inOrder.add(n);
        }
        assertThat(order.get("a")).isEqualTo(inOrder);
        assertThat(order.get("b")).isEqualTo(inOrder);
        assertThat(overlaps).hasValue(0);
    }

    /** The scale-out claim: two instances, each with its own pool, instance id and workers, on one server. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MYSQL"})
    void twoInstancesOnOneDatabaseRunEveryJobExactlyOnce(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        secondInstance = ModuleStorage.open(kind, JobsFixture.MODULE, "/db/jobs", JobsFixture.MIGRATIONS, JobsFixture.TABLES);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, Set<String>> byInstance = new ConcurrentHashMap<>();
        JobHandlerRegistry registryB = new JobHandlerRegistry(f.services);
        f.handle(job -> count(runs, byInstance, job, "a"), "test.count");
        registryB.bindJobHandler(f.services.register(job -> count(runs, byInstance, job, "b"), "test.count"));
        JobQueueImpl a = f.queue(JobsFixture.fast("instance-a", 4), Clock.systemUTC());
        JobQueueImpl b = f.queue(secondInstance, registryB, JobsFixture.fast("instance-b", 4), Clock.systemUTC());

        int total = 1000;
        long start = System.nanoTime();
        List<String> ids = new CopyOnWriteArrayList<>();
        Thread producerB = new Thread(() -> {
            for (int i = 0; i < total / 2; i++) {
                ids.add(b.enqueue(JobRequest.of("test.count", Map.of("i", i))));
            }
        });
        producerB.start();
        for (int i = 0; i < total / 2; i++) {
            ids.add(a.enqueue(JobRequest.of("test.count", Map.of("i", i))));
        }
        producerB.join();

        await("every job to run", () -> runs.size() == total
                && f.mapper.countByStatus().stream().allMatch(c -> !c.status.equals("pending") && !c.status.equals("running")));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(byInstance.get("a")).isNotEmpty();
        assertThat(byInstance.get("b")).isNotEmpty();
        System.out.printf("two instances on %s: %d jobs enqueued and run in %.1f s, %d by instance-a, %d by instance-b%n",
                kind, total, seconds, byInstance.get("a").size(), byInstance.get("b").size());
    }

    private static void count(Map<String, AtomicInteger> runs, Map<String, Set<String>> byInstance, Job job, String instance) {
        runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
        byInstance.computeIfAbsent(instance, i -> ConcurrentHashMap.newKeySet()).add(job.id());
    }
}
