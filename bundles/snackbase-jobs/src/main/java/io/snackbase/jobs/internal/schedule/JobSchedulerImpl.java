package io.snackbase.jobs.internal.schedule;

import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.jobs.JobScheduler;
import io.snackbase.api.storage.Database;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.StorageConstants;
import io.snackbase.api.storage.StorageException;
import io.snackbase.api.storage.TransactionManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link JobScheduler} on Quartz: one durable Quartz job per schedule, whose cron
 * trigger(s) ({@link QuartzCron}) enqueue the schedule's {@link JobRequest} on the {@link JobQueue}.
 * Clustered JDBC store on PostgreSQL and MySQL/MariaDB; on SQLite the in-memory store, filled at
 * start from {@code job_schedules}. A missed firing is skipped, never replayed (domain.md 6.6).
 */
@Component(service = {JobScheduler.class, JobSchedulerImpl.class}, configurationPid = "io.snackbase.jobs.scheduler",
        property = StorageConstants.IMPL + "=default")
@Designate(ocd = SchedulerConfig.class)
public class JobSchedulerImpl implements JobScheduler {

    static final String GROUP = "snackbase";
    /** Quartz's JOB_NAME is VARCHAR(190) on MySQL, and a trigger adds "#n". */
    static final int MAX_ID_LENGTH = 180;
    private static final Logger LOG = LoggerFactory.getLogger(JobSchedulerImpl.class);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final Scheduler quartz;
    private final ScheduleMapper durable;
    private final TransactionManager transactions;
    private final Clock clock;

    @Activate
    public JobSchedulerImpl(@Reference(target = "(snackbase.schema.module=io.snackbase.jobs)") SchemaModule schema,
            @Reference Database database, @Reference(target = "(snackbase.impl=default)") DataSource pool,
            @Reference JobQueue queue, @Reference Mappers mappers, @Reference TransactionManager transactions,
            SchedulerConfig config) throws SchedulerException {
        this(database.kind(), pool, queue, mappers.mapper(ScheduleMapper.class), transactions, SchedulerSettings.of(config),
                Clock.systemUTC());
    }

    /** For tests: {@code schedules} is used on SQLite only. */
    JobSchedulerImpl(DatabaseKind kind, DataSource pool, JobQueue queue, ScheduleMapper schedules,
            TransactionManager transactions, SchedulerSettings settings, Clock clock) throws SchedulerException {
        this.durable = kind == DatabaseKind.SQLITE ? schedules : null;
        this.transactions = transactions;
        this.clock = clock;
        ScheduledEnqueueJob job = new ScheduledEnqueueJob(queue);
        this.quartz = QuartzSchedulers.create(kind, pool, settings, (bundle, scheduler) -> job);
        if (durable != null) {
            restore();
        }
        quartz.start();
    }

    @Deactivate
    void stop() throws SchedulerException {
        quartz.shutdown(true);
    }

    @Override
    public Instant schedule(String scheduleId, String cron, JobRequest job) {
        checkId(scheduleId);
        Objects.requireNonNull(job, "job");
        List<QuartzCron.Part> parts = QuartzCron.parts(cron);
        QuartzCron.nextAfter(cron, clock.instant()); // refuses an expression that never fires
        String request = ScheduledRequests.toJson(job);
        if (durable != null) {
            transactions.inTransaction(() -> {
                durable.delete(scheduleId);
                return durable.insert(scheduleId, cron.trim(), request, clock.millis());
            });
        }
        register(scheduleId, parts, request);
        return nextRun(scheduleId).orElseThrow(() -> new IllegalStateException("Schedule " + scheduleId + " vanished"));
    }

    @Override
    public void unschedule(String scheduleId) {
        if (scheduleId == null) {
            return;
        }
        if (durable != null) {
            transactions.inTransaction(() -> durable.delete(scheduleId));
        }
        try {
            quartz.deleteJob(new JobKey(scheduleId, GROUP));
        } catch (SchedulerException e) {
            throw new StorageException("Could not remove schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> nextRun(String scheduleId) {
        if (scheduleId == null) {
            return Optional.empty();
        }
        try {
            return quartz.getTriggersOfJob(new JobKey(scheduleId, GROUP)).stream().map(Trigger::getNextFireTime)
                    .filter(Objects::nonNull).min(Date::compareTo).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new StorageException("Could not read schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Instant nextRunAfter(String cron, Instant after) {
        return QuartzCron.nextAfter(cron, Objects.requireNonNull(after, "after"));
    }

    /** @return the ids of the existing schedules that start with {@code prefix}, sorted */
    List<String> scheduleIds(String prefix) {
        try {
            return quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).stream().map(JobKey::getName)
                    .filter(name -> name.startsWith(prefix)).sorted().toList();
        } catch (SchedulerException e) {
            throw new StorageException("Could not list the schedules: " + e.getMessage(), e);
        }
    }

    private void register(String scheduleId, List<QuartzCron.Part> parts, String request) {
        JobDetail detail = JobBuilder.newJob(ScheduledEnqueueJob.class).withIdentity(scheduleId, GROUP)
                .usingJobData(ScheduledEnqueueJob.REQUEST, request).storeDurably().build();
        Set<Trigger> triggers = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            QuartzCron.Part part = parts.get(i);
            TriggerBuilder<?> trigger = TriggerBuilder.newTrigger().withIdentity(scheduleId + "#" + i, GROUP).forJob(detail)
                    .withSchedule(CronScheduleBuilder.cronSchedule(QuartzCron.expression(part.expression())).inTimeZone(UTC)
                            .withMisfireHandlingInstructionDoNothing());
            if (part.skipWhen() != null) {
                trigger.usingJobData(ScheduledEnqueueJob.SKIP_WHEN, part.skipWhen());
            }
            triggers.add(trigger.build());
        }
        try {
            quartz.scheduleJob(detail, triggers, true);
        } catch (SchedulerException e) {
            throw new StorageException("Could not store schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    /** SQLite: the in-memory store starts empty; the schedules come from job_schedules. */
    private void restore() {
        for (StoredSchedule stored : durable.all()) {
            try {
                register(stored.id, QuartzCron.parts(stored.cron), stored.request);
            } catch (RuntimeException e) {
                LOG.error("Schedule {} ('{}') could not be restored and does not fire: {}", stored.id, stored.cron,
                        e.getMessage());
            }
        }
    }

    private static void checkId(String scheduleId) {
        if (scheduleId == null || scheduleId.isBlank()) {
            throw new IllegalArgumentException("A schedule id is required");
        }
        if (scheduleId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("A schedule id has at most " + MAX_ID_LENGTH + " characters");
        }
    }
}
