package io.snackbase.jobs.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.jobs.internal.JobsFixture;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.ServiceReference;

/** Handlers that declare {@code snackbase.job.schedule} get a schedule of their first topic, which goes with them. */
class HandlerSchedulesTest {

    static List<DatabaseKind> kinds() {
        return JobsFixture.kinds();
    }

    private JobsFixture f;
    private JobSchedulerImpl scheduler;
    private HandlerSchedules schedules;

    @AfterEach
    void close() throws Exception {
        if (schedules != null) {
            schedules.stop();
        }
        if (scheduler != null) {
            scheduler.stop();
        }
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aScheduledHandlerIsScheduledReplacedAndRemovedWithIt(DatabaseKind kind) throws Exception {
        f = JobsFixture.open(kind);
        scheduler = new JobSchedulerImpl(kind, f.storage().database().dataSource(), f.idleQueue("a"),
                f.storage().mappers().mapper(ScheduleMapper.class), f.storage().transactions(),
                SchedulerSettings.defaults("a"), Clock.systemUTC());
        ServiceReference<JobHandler> nightly = f.handleOnSchedule("acme.report.nightly", "0 3 * * *");
        f.handleOnSchedule("acme.unscheduled", "");
        schedules = new HandlerSchedules(f.registry(), scheduler);
        schedules.reconcile();

        assertThat(scheduler.scheduleIds("handler:")).containsExactly("handler:acme.report.nightly");
        Instant expected = scheduler.nextRunAfter("0 3 * * *", Instant.now());
        assertThat(scheduler.nextRun("handler:acme.report.nightly")).contains(expected);

        f.unregisterHandler(nightly);
        schedules.reconcile();
        assertThat(scheduler.scheduleIds("handler:")).isEmpty();

        // a manual schedule of another prefix is left alone
        scheduler.schedule("hook:1", "* * * * *", io.snackbase.api.jobs.JobRequest.of("x.y", java.util.Map.of()));
        f.handleOnSchedule("acme.report.hourly", "0 * * * *");
        schedules.reconcile();
        assertThat(scheduler.scheduleIds("")).containsExactly("handler:acme.report.hourly", "hook:1");
    }
}
