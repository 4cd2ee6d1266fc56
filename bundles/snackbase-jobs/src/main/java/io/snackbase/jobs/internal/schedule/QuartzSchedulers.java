package io.snackbase.jobs.internal.schedule;

import io.snackbase.api.storage.DatabaseKind;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;

/** Builds the Quartz scheduler of one JobScheduler component: the store per database, class loading, ownership. */
final class QuartzSchedulers {

    /** Quartz's SCHED_NAME: the same on every instance, which is what makes them one cluster. */
    static final String NAME = "snackbase";

    private QuartzSchedulers() {}

    /**
     * @param kind SQLite gets the in-memory RAMJobStore (one process owns the file); the others the
     *     clustered JDBC store on {@code pool}
     */
    static synchronized Scheduler create(DatabaseKind kind, DataSource pool, SchedulerSettings config, JobFactory jobs)
            throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", config.instanceId() == null ? "AUTO" : config.instanceId());
        p.setProperty("org.quartz.scheduler.threadName", "snackbase-quartz");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.scheduler.jmx.export", "false");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(1, config.threadCount())));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "snackbase-quartz-worker");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(config.misfireThresholdMs()));
        if (kind == DatabaseKind.SQLITE) {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        } else {
            // A name of our own per scheduler: DBConnectionManager is one map for the whole JVM.
            String dataSource = "snackbase-" + UUID.randomUUID();
            DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolConnections(pool));
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", kind == DatabaseKind.POSTGRESQL
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", dataSource);
            p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(config.clusterCheckinIntervalMs()));
            // Job data as strings only, so nothing Java-serialised (and class-loader bound) is stored.
            p.setProperty("org.quartz.jobStore.useProperties", "true");
        }
        // Quartz loads its thread pool, store and job classes through the context loader it sees
        // now (stack.md P16): this bundle's, which sees Quartz and this bundle's job class.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(QuartzSchedulers.class.getClassLoader());
        try {
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            // Out of Quartz's JVM-wide repository: a second instance (a test, a restart before the old
            // one stopped) must get its own scheduler, not this one under the same name.
            SchedulerRepository.getInstance().remove(NAME);
            scheduler.setJobFactory(jobs);
            return scheduler;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
