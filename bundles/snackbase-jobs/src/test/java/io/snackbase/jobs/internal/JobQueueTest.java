package io.snackbase.jobs.internal;

import static io.snackbase.jobs.internal.JobsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.jobs.internal.store.JobFilter;
import io.snackbase.jobs.internal.store.JobRow;
import io.snackbase.jobs.internal.store.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Enqueue, run, retries with back-off, dead jobs, jobs without a handler, on every database. */
class JobQueueTest {

    static List<DatabaseKind> kinds() {
        return JobsFixture.kinds();
    }

    private JobsFixture f;
    private final List<Job> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private long count() {
        return f.mapper.count(new JobFilter());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aJobEnqueuedInARolledBackTransactionLeavesNothingAndNeverRuns(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        f.handle(ran::add, "test.echo");
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 2), Clock.systemUTC());

        assertThatThrownBy(() -> f.storage.transactions().inTransaction(() -> {
            queue.enqueue(JobRequest.of("test.echo", Map.of("n", 1)));
            throw new IllegalStateException("the write fails");
        })).hasMessage("the write fails");

        Thread.sleep(300);
        assertThat(count()).isZero();
        assertThat(ran).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aJobEnqueuedInACommittedTransactionRunsOnceWithItsFields(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        f.handle(ran::add, "test.echo");
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 2), Clock.systemUTC());

        String id = f.storage.transactions().inTransaction(() -> queue.enqueue(JobRequest.of("test.echo",
                Map.of("n", 1, "nested", Map.of("list", List.of("x", 2)))).withAccount("acc-1", "user-1")));

        await("the job to complete", () -> JobStatus.COMPLETED.equals(f.row(id).status));
        assertThat(ran).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(id);
            assertThat(job.topic()).isEqualTo("test.echo");
            assertThat(job.accountId()).isEqualTo("acc-1");
            assertThat(job.attempt()).isEqualTo(1);
            assertThat(job.payload()).isEqualTo(Map.of("n", 1, "nested", Map.of("list", List.of("x", 2))));
        });
        JobRow row = f.row(id);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.createdBy).isEqualTo("user-1");
        assertThat(row.lockedBy).isNull();
        assertThat(row.startedAt).isNotNull();
        assertThat(row.completedAt).isGreaterThanOrEqualTo(row.startedAt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aFailingJobIsRetriedWithExponentialBackOffThenSucceeds(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        MutableClock clock = new MutableClock();
        AtomicInteger calls = new AtomicInteger();
        f.handle(job -> {
            ran.add(job);
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("receiver down " + job.attempt());
            }
        }, "test.flaky");
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 1), clock);
        String id = queue.enqueue(JobRequest.of("test.flaky", Map.of()).withRetries(3, 10));

        await("the first failure", () -> JobStatus.RETRYING.equals(f.row(id).status));
        JobRow first = f.row(id);
        assertThat(first.lastError).isEqualTo("java.lang.IllegalStateException: receiver down 1");
        assertThat(first.runAt - first.failedAt).isEqualTo(10_000);
        Thread.sleep(300);
        assertThat(calls).hasValue(1); // not due yet: the clock has not moved

        clock.advance(Duration.ofSeconds(10));
        await("the second failure", () -> f.row(id).attempts == 2 && JobStatus.RETRYING.equals(f.row(id).status));
        JobRow second = f.row(id);
        assertThat(second.runAt - second.failedAt).isEqualTo(20_000);

        clock.advance(Duration.ofSeconds(20));
        await("the third attempt to succeed", () -> JobStatus.COMPLETED.equals(f.row(id).status));
        assertThat(ran).extracting(Job::attempt).containsExactly(1, 2, 3);
        assertThat(f.row(id).lastError).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aJobOutOfRetriesIsDeadWithItsLastError(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        f.handle(job -> {
            ran.add(job);
            throw new Exception("attempt " + job.attempt() + " failed: " + "x".repeat(6000));
        }, "test.broken");
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 1), Clock.systemUTC());
        String id = queue.enqueue(JobRequest.of("test.broken", Map.of()).withRetries(1, 0));

        await("the job to die", () -> JobStatus.DEAD.equals(f.row(id).status));
        JobRow row = f.row(id);
        assertThat(ran).extracting(Job::attempt).containsExactly(1, 2); // maxRetries 1: one retry after the first attempt
        assertThat(row.attempts).isEqualTo(2);
        assertThat(row.lastError).startsWith("java.lang.Exception: attempt 2 failed: xxx").hasSize(JobStore.MAX_ERROR);
        assertThat(row.failedAt).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aJobWithoutAHandlerWaitsAndRunsOnceOneRegisters(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 2), Clock.systemUTC());
        String id = queue.enqueue(JobRequest.of("test.later", Map.of()));

        Thread.sleep(300);
        JobRow waiting = f.row(id);
        assertThat(waiting.status).isEqualTo(JobStatus.PENDING);
        assertThat(waiting.attempts).isZero();

        f.handle(ran::add, "test.later");
        await("the job to complete", () -> JobStatus.COMPLETED.equals(f.row(id).status));
        assertThat(ran).extracting(Job::attempt).containsExactly(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aDelayedJobWaitsForItsTimeAndLowerPriorityRunsFirst(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        MutableClock clock = new MutableClock();
        f.handle(ran::add, "test.echo");
        // enqueue before any worker exists, so that priority (not enqueue order) decides
        JobQueueImpl idle = f.queue(JobsFixture.fast("enqueuer", 0), clock);
        String later = idle.enqueue(JobRequest.of("test.echo", Map.of("n", "later")).withRunAt(clock.instant().plusSeconds(60)));
        String second = idle.enqueue(JobRequest.of("test.echo", Map.of("n", "second")).withQueue("default", 5));
        String first = idle.enqueue(JobRequest.of("test.echo", Map.of("n", "first")).withQueue("default", -1));
        f.queue(JobsFixture.fast("worker", 1), clock);

        await("two jobs to run", () -> ran.size() == 2);
        assertThat(ran).extracting(Job::id).containsExactly(first, second);
        Thread.sleep(200);
        assertThat(f.row(later).status).isEqualTo(JobStatus.PENDING);
        clock.advance(Duration.ofSeconds(60));
        await("the delayed job", () -> JobStatus.COMPLETED.equals(f.row(later).status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void workersTakeOnlyTheirQueues(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        f.handle(ran::add, "test.echo");
        JobSettings mailOnly = new JobSettings(1, Duration.ofMillis(50), Duration.ofSeconds(30), 7, List.of("mail"), "mail",
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(300));
        JobQueueImpl queue = f.queue(mailOnly, Clock.systemUTC());
        String other = queue.enqueue(JobRequest.of("test.echo", Map.of()));
        String mail = queue.enqueue(JobRequest.of("test.echo", Map.of()).withQueue("mail", 0));

        await("the mail job", () -> JobStatus.COMPLETED.equals(f.row(mail).status));
        assertThat(f.row(other).status).isEqualTo(JobStatus.PENDING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aPayloadThatIsNotJsonIsRefusedAndNothingIsStored(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 0), Clock.systemUTC());
        assertThatThrownBy(() -> queue.enqueue(JobRequest.of("test.echo", Map.of("x", new Object()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON-serialisable");
        assertThat(count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aHandlerOverItsTimeoutIsInterruptedAndTheAttemptFails(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        f.handle(job -> {
            ran.add(job);
            Thread.sleep(job.attempt() == 1 || job.payload().containsKey("hang") ? 30_000 : 0);
        }, "test.slow");
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 1).withExecutionTimeout(Duration.ofMillis(300)), Clock.systemUTC());
        String id = queue.enqueue(JobRequest.of("test.slow", Map.of()).withRetries(1, 0));

        await("the retry to complete", () -> JobStatus.COMPLETED.equals(f.row(id).status));
        assertThat(ran).extracting(Job::attempt).containsExactly(1, 2);
        assertThat(f.row(id).attempts).isEqualTo(2);

        String hangs = queue.enqueue(JobRequest.of("test.slow", Map.of("hang", true)).withRetries(0, 0));
        await("the hanging job to die", () -> JobStatus.DEAD.equals(f.row(hangs).status));
        assertThat(f.row(hangs).lastError).isEqualTo("Timed out after 300 ms (java.lang.InterruptedException: sleep interrupted)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aJobStillRunningWhenItsInstanceStopsGoesBackToPendingUncounted(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        f.handle(job -> {
            ran.add(job);
            never.await();
        }, "test.blocked");
        JobSettings noGrace = new JobSettings(1, Duration.ofMillis(50), Duration.ofSeconds(30), 7, List.of(), "stopping",
                Duration.ofMillis(100), Duration.ZERO, Duration.ofSeconds(300));
        JobQueueImpl queue = f.queue(noGrace, Clock.systemUTC());
        String id = queue.enqueue(JobRequest.of("test.blocked", Map.of()));
        await("the job to start", () -> ran.size() == 1);

        queue.stop();
        JobRow row = f.row(id);
        assertThat(row.status).isEqualTo(JobStatus.PENDING);
        assertThat(row.attempts).isZero();
        assertThat(row.lockedBy).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aRequestTheTableCannotHoldIsRefusedNamingTheField(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        JobQueueImpl queue = f.queue(JobsFixture.fast("a", 0), Clock.systemUTC());
        assertThatThrownBy(() -> queue.enqueue(JobRequest.of("Not A Topic", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("topic 'Not A Topic' is not a handler topic");
        assertThatThrownBy(() -> queue.enqueue(JobRequest.of("test.echo", Map.of()).withQueue("q".repeat(101), 0)))
                .hasMessage("queue has more than 100 characters");
        assertThatThrownBy(() -> queue.enqueue(JobRequest.of("test.echo", Map.of()).withOrderingKey("k".repeat(256))))
                .hasMessage("orderingKey has more than 255 characters");
        assertThat(count()).isZero();
    }
}
