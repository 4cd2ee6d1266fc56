package io.snackbase.jobs.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.jobs.internal.JobQueueImpl;
import io.snackbase.jobs.internal.JobsFixture;
import io.snackbase.jobs.internal.store.JobFilter;
import io.snackbase.jobs.internal.store.JobRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartz.SchedulerException;

/** JobScheduler on Quartz: cron semantics, refusals, durability and, on a real minute, firing once per cluster. */
class JobSchedulerTest {

    static List<DatabaseKind> kinds() {
        return JobsFixture.kinds();
    }

    private final List<JobsFixture> fixtures = new ArrayList<>();
    private final List<JobSchedulerImpl> schedulers = new ArrayList<>();

    @AfterEach
    void close() throws SchedulerException {
        for (JobSchedulerImpl scheduler : schedulers) {
            scheduler.stop();
        }
        fixtures.forEach(JobsFixture::close);
    }

    private JobsFixture fixture(DatabaseKind kind) throws Exception {
        JobsFixture f = JobsFixture.open(kind);
        fixtures.add(f);
        return f;
    }

    private JobSchedulerImpl scheduler(JobsFixture f, JobQueueImpl queue, String instanceId) throws SchedulerException {
        JobSchedulerImpl scheduler = new JobSchedulerImpl(f.storage().database().kind(), f.storage().database().dataSource(),
                queue, f.storage().mappers().mapper(ScheduleMapper.class), f.storage().transactions(),
                SchedulerSettings.defaults(instanceId), Clock.systemUTC());
        schedulers.add(scheduler);
        return scheduler;
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void nextRunFollowsStandardCronInUtc() {
        // 2026-03-06 is a Friday
        assertThat(QuartzCron.nextAfter("*/15 * * * *", at("2026-03-06T10:07:30Z"))).isEqualTo(at("2026-03-06T10:15:00Z"));
        assertThat(QuartzCron.nextAfter("* * * * *", at("2026-03-06T10:07:00Z"))).isEqualTo(at("2026-03-06T10:08:00Z"));
        assertThat(QuartzCron.nextAfter("0 9 * * 1-5", at("2026-03-06T10:00:00Z"))).isEqualTo(at("2026-03-09T09:00:00Z"));
        assertThat(QuartzCron.nextAfter("30 2 * * 7", at("2026-03-06T10:00:00Z"))).isEqualTo(at("2026-03-08T02:30:00Z"));
        assertThat(QuartzCron.nextAfter("0 0 * * sun", at("2026-03-06T10:00:00Z"))).isEqualTo(at("2026-03-08T00:00:00Z"));
        assertThat(QuartzCron.nextAfter("0 12 1 jan *", at("2026-03-06T10:00:00Z"))).isEqualTo(at("2027-01-01T12:00:00Z"));
        assertThat(QuartzCron.nextAfter("0-30/10 8 * * *", at("2026-03-06T08:15:00Z"))).isEqualTo(at("2026-03-06T08:20:00Z"));
        // 0-6 covers every day: only the day of month restricts
        assertThat(QuartzCron.nextAfter("0 0 20 * 0-6", at("2026-03-06T10:00:00Z"))).isEqualTo(at("2026-03-20T00:00:00Z"));
        // both restricted: the 20th OR a Sunday (Vixie cron), whichever comes first
        assertThat(QuartzCron.nextAfter("0 0 20 * 0", at("2026-03-06T10:00:00Z"))).isEqualTo(at("2026-03-08T00:00:00Z"));
        assertThat(QuartzCron.nextAfter("0 0 7 * 0", at("2026-03-06T10:00:00Z"))).isEqualTo(at("2026-03-07T00:00:00Z"));
    }

    @Test
    void whenBothDaysAreRestrictedTheDayOfWeekTriggerLeavesDaysThatBothMatchToTheOther() {
        List<QuartzCron.Part> parts = QuartzCron.parts("0 0 8 * 0");
        assertThat(parts).containsExactly(new QuartzCron.Part("0 0 0 8 * ?", null),
                new QuartzCron.Part("0 0 0 ? * SUN", "0 0 0 8 * ?"));
        // 2026-03-08 is a Sunday and the 8th: the day-of-week trigger skips it
        assertThat(QuartzCron.expression(parts.get(1).skipWhen()).isSatisfiedBy(java.util.Date.from(at("2026-03-08T00:00:00Z"))))
                .isTrue();
        assertThat(QuartzCron.parts("5 4 * * 1,3,5")).containsExactly(new QuartzCron.Part("0 5 4 ? * MON,WED,FRI", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void badCronIsRefusedWithItsReasonAndNothingIsScheduled(DatabaseKind kind) throws Exception {
        JobsFixture f = fixture(kind);
        JobSchedulerImpl scheduler = scheduler(f, f.idleQueue("a"), "a");
        JobRequest job = JobRequest.of("test.tick", Map.of());
        assertThatThrownBy(() -> scheduler.schedule("s1", "61 * * * *", job)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid cron expression '61 * * * *': minute field '61': 61 is outside 0-59");
        assertThatThrownBy(() -> scheduler.schedule("s1", "* * * *", job))
                .hasMessageContaining("expected 5 fields (minute hour day-of-month month day-of-week), found 4");
        assertThatThrownBy(() -> scheduler.schedule("s1", "0 0 30 2 *", job)).hasMessageContaining("never fires");
        assertThatThrownBy(() -> scheduler.nextRunAfter("@daily", Instant.now())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.schedule(" ", "* * * * *", job)).hasMessage("A schedule id is required");
        assertThat(scheduler.nextRun("s1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void schedulesAreReplacedRemovedAndSurviveARestart(DatabaseKind kind) throws Exception {
        JobsFixture f = fixture(kind);
        JobQueueImpl queue = f.idleQueue("a");
        JobSchedulerImpl first = scheduler(f, queue, "a");
        Instant now = Instant.now();
        Instant next = first.schedule("hook:1", "0 3 * * *", JobRequest.of("test.tick", Map.of("hook", 1)));
        assertThat(next).isEqualTo(QuartzCron.nextAfter("0 3 * * *", now)).isAfter(now);
        assertThat(first.nextRun("hook:1")).contains(next);

        Instant replaced = first.schedule("hook:1", "*/5 * * * *", JobRequest.of("test.tick", Map.of("hook", 1)));
        assertThat(replaced).isBefore(next).isEqualTo(first.nextRun("hook:1").orElseThrow());
        first.schedule("hook:2", "0 0 1 1 *", JobRequest.of("test.tick", Map.of()));
        first.unschedule("hook:2");
        first.unschedule("no-such-schedule");
        assertThat(first.nextRun("hook:2")).isEmpty();

        first.stop();
        schedulers.remove(first);
        JobSchedulerImpl restarted = scheduler(f, queue, "a");
        assertThat(restarted.nextRun("hook:1")).contains(replaced);
        assertThat(restarted.nextRun("hook:2")).isEmpty();
    }

    /**
     * On a real minute boundary (the test waits for it, at most a minute): every database at once;
     * on PostgreSQL and MariaDB two clustered instances share the schedule and still enqueue once.
     */
    @Test
    void anEveryMinuteScheduleFiresOnTimeAndOncePerCluster() throws Exception {
        Map<DatabaseKind, JobQueueImpl> queues = new java.util.EnumMap<>(DatabaseKind.class);
        Instant expected = null;
        for (DatabaseKind kind : kinds()) {
            JobsFixture f = fixture(kind);
            JobQueueImpl queue = f.idleQueue("a");
            queues.put(kind, queue);
            List<JobSchedulerImpl> instances = new ArrayList<>(List.of(scheduler(f, queue, "a")));
            if (kind != DatabaseKind.SQLITE) {
                instances.add(scheduler(f, f.idleQueue("b"), "b"));
            }
            for (JobSchedulerImpl instance : instances) {
                expected = instance.schedule("tick", "* * * * *", JobRequest.of("test.tick", Map.of("n", 1))
                        .withQueue("scheduled", 0).withAccount("acc-1", null));
            }
        }
        Instant firing = expected;
        while (Instant.now().isBefore(firing.plusSeconds(4))) {
            Thread.sleep(200);
        }
        for (Map.Entry<DatabaseKind, JobQueueImpl> entry : queues.entrySet()) {
            JobFilter filter = new JobFilter();
            filter.topic = "test.tick";
            List<JobRow> jobs = entry.getValue().admin().list(filter);
            assertThat(jobs).as(entry.getKey().toString()).hasSize(1);
            JobRow job = jobs.get(0);
            assertThat(job.queue).isEqualTo("scheduled");
            assertThat(job.accountId).isEqualTo("acc-1");
            assertThat(job.payload).isEqualTo("{\"n\":1}");
            // enqueued at the firing, not earlier and not much later
            assertThat(Instant.ofEpochMilli(job.createdAt)).isBetween(firing, firing.plusSeconds(3));
            assertThat(firing.truncatedTo(ChronoUnit.MINUTES)).isEqualTo(firing);
        }
    }
}
