package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.StorageConstants;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.jobs.internal.store.JobMapper;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The default {@link JobQueue}: jobs are rows of {@code jobs}, inserted in the caller's transaction
 * (an outbox row) and run by this instance's {@link WorkerPool}, which is woken after commit. Also
 * the bundle-private entry point of the admin resource ({@link #admin()}).
 */
@Component(service = {JobQueue.class, JobQueueImpl.class}, configurationPid = "io.snackbase.jobs",
        property = StorageConstants.IMPL + "=default")
@Designate(ocd = JobsConfig.class)
public class JobQueueImpl implements JobQueue {

    private final JobStore store;
    private final TransactionManager transactions;
    private final JobHandlerRegistry handlers;
    private final WorkerPool pool;
    private final Runnable wakeOnNewHandler;
    private final JobSettings settings;
    private final JobAdmin admin;

    @Activate
    public JobQueueImpl(@Reference(target = "(snackbase.schema.module=io.snackbase.jobs)") SchemaModule schema,
            @Reference Mappers mappers, @Reference TransactionManager transactions,
            @Reference JobHandlerRegistry handlers, JobsConfig config) {
        this(mappers.mapper(JobMapper.class), transactions, handlers, JobSettings.of(config), Clock.systemUTC());
        start();
    }

    /** For tests: the queue on a mapper and transactions built by hand; call {@link #start()}. */
    JobQueueImpl(JobMapper mapper, TransactionManager transactions, JobHandlerRegistry handlers, JobSettings settings,
            Clock clock) {
        this.store = new JobStore(mapper, transactions, clock);
        this.transactions = transactions;
        this.handlers = handlers;
        this.settings = settings;
        JobRunner runner = new JobRunner(store, handlers, settings.instanceId(), settings.executionTimeout());
        this.pool = new WorkerPool(settings, store, runner, handlers::topics);
        this.wakeOnNewHandler = pool::wake;
        this.admin = new JobAdmin(store, pool::wake);
    }

    void start() {
        handlers.addListener(wakeOnNewHandler);
        pool.start();
    }

    @Deactivate
    void stop() {
        handlers.removeListener(wakeOnNewHandler);
        pool.stop();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the payload is not JSON-serialisable, the topic is not a
     *     valid handler topic or a field is longer than its column; nothing is written
     */
    @Override
    public String enqueue(JobRequest request) {
        return transactions.inTransaction(() -> {
            String id = store.insert(request).id;
            transactions.afterCommit(pool::wake);
            return id;
        });
    }

    /** @return the admin API's reads and changes */
    public JobAdmin admin() {
        return admin;
    }

    /** @return this instance's id in the claims */
    String instanceId() {
        return settings.instanceId();
    }
}
