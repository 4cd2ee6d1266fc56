package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.jobs.internal.store.JobMapper;
import io.snackbase.jobs.internal.store.JobRow;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.snackbase.api.jobs.JobRequest;
import java.util.function.BooleanSupplier;
import org.osgi.framework.ServiceReference;

/**
 * The jobs schema on a real database (a fresh SQLite file, or the shared PostgreSQL/MariaDB test
 * servers), a handler registry fed by hand, and job queues with their worker pools, stopped on close.
 */
public final class JobsFixture implements AutoCloseable {

    static final String MODULE = "io.snackbase.jobs";
    static final List<String> MIGRATIONS = List.of("V1__jobs.sqlite.sql", "V1__jobs.postgresql.sql", "V1__jobs.mysql.sql",
            "V2__quartz_tables.sqlite.sql", "V2__quartz_tables.postgresql.sql", "V2__quartz_tables.mysql.sql");
    /** Children first. */
    static final List<String> TABLES = List.of("jobs", "job_schedules", "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_TRIGGER_GRPS",
            "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS",
            "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS");

    final DatabaseKind kind;
    final ModuleStorage storage;
    final JobMapper mapper;
    final FakeJobHandlers services = new FakeJobHandlers();
    final JobHandlerRegistry registry = new JobHandlerRegistry(services);
    private final List<JobQueueImpl> queues = new ArrayList<>();

    private JobsFixture(DatabaseKind kind) throws Exception {
        this.kind = kind;
        storage = ModuleStorage.open(kind, MODULE, "/db/jobs", MIGRATIONS, TABLES);
        mapper = storage.mappers().mapper(JobMapper.class);
    }

    public static JobsFixture open(DatabaseKind kind) throws Exception {
        return new JobsFixture(kind);
    }

    public static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    /** Registers a handler of the topics with this fixture's registry. */
    ServiceReference<JobHandler> handle(JobHandler handler, String... topics) {
        ServiceReference<JobHandler> reference = services.register(handler, topics);
        registry.bindJobHandler(reference);
        return reference;
    }

    /** For tests outside this package: registers a handler of {@code topic} with a schedule. */
    public ServiceReference<JobHandler> handleOnSchedule(String topic, String cron) {
        ServiceReference<JobHandler> reference = services.handler(topic, "com.acme.test", topic,
                io.snackbase.api.jobs.JobConstants.JOB_SCHEDULE, cron);
        registry.bindJobHandler(reference);
        return reference;
    }

    /** For tests outside this package: the handler goes away. */
    public void unregisterHandler(ServiceReference<JobHandler> reference) {
        registry.unbindJobHandler(reference);
        services.unregister(reference);
    }

    /** @return the handler registry the fixture's queues use */
    public JobHandlerRegistry registry() {
        return registry;
    }

    /** A started queue on this database with the given settings and clock. */
    JobQueueImpl queue(JobSettings settings, Clock clock) {
        return queue(storage, registry, settings, clock);
    }

    /** A started queue on another storage of the same database (another instance's pool). */
    JobQueueImpl queue(ModuleStorage other, JobHandlerRegistry handlers, JobSettings settings, Clock clock) {
        JobQueueImpl queue = new JobQueueImpl(other.mappers().mapper(JobMapper.class), other.transactions(), handlers,
                settings, clock);
        queue.start();
        queues.add(queue);
        return queue;
    }

    /** Fast polling and maintenance, so that tests of retries and recovery take little time. */
    static JobSettings fast(String instanceId, int workers) {
        return JobSettings.defaults(instanceId, workers)
                .withPoll(Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMillis(100));
    }

    JobRow row(String id) {
        return mapper.findById(id);
    }

    /** Waits up to 20 s for the condition. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * For tests outside this package: a queue without workers, and its admin, with jobs in each
     * status the workers can leave them in (completed, dead, retrying, pending).
     *
     * @return the admin, over jobs of topic {@code test.admin} ({@code done}, {@code dead},
     *     {@code retry}, {@code wait}) on queues {@code default} and {@code mail}
     */
    public JobAdmin adminWithJobsInEveryStatus(Map<String, String> idsByName) {
        JobQueueImpl queue = queue(fast("admin", 0), Clock.systemUTC());
        JobStore store = new JobStore(mapper, storage.transactions(), Clock.systemUTC());
        Set<String> topic = Set.of("test.admin");
        idsByName.put("done", queue.enqueue(JobRequest.of("test.admin", Map.of("n", "done"))));
        JobRow done = claimOne(store, topic);
        store.complete(done, "w");
        idsByName.put("dead", queue.enqueue(JobRequest.of("test.admin", Map.of("n", "dead")).withRetries(0, 1)));
        store.fail(claimOne(store, topic), "w", "boom");
        idsByName.put("retry", queue.enqueue(JobRequest.of("test.admin", Map.of("n", "retry")).withRetries(2, 60)));
        store.fail(claimOne(store, topic), "w", "try later");
        idsByName.put("wait", queue.enqueue(JobRequest.of("test.admin", Map.of("n", "wait")).withQueue("mail", 0)
                .withRunAt(java.time.Instant.now().plusSeconds(3600))));
        return queue.admin();
    }

    /**
     * Claims the one due job, retrying briefly: on MariaDB the queue's maintenance scan locks the rows it
     * reads (FOR UPDATE SKIP LOCKED over status = 'running'), so a claim at that instant skips them.
     */
    private static JobRow claimOne(JobStore store, Set<String> topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<JobRow> rows = store.claim("w", topic, List.of(), 1, Duration.ofMinutes(1));
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no claimable job");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** For tests outside this package: a started queue without workers (jobs stay pending), stopped on close. */
    public JobQueueImpl idleQueue(String instanceId) {
        return queue(fast(instanceId, 0), Clock.systemUTC());
    }

    /** @return the storage stack of this fixture's database */
    public ModuleStorage storage() {
        return storage;
    }

    void stopQueues() {
        queues.forEach(JobQueueImpl::stop);
        queues.clear();
    }

    @Override
    public void close() {
        stopQueues();
        storage.close();
    }
}
