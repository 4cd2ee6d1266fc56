package io.snackbase.jobs.internal.schedule;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code io.snackbase.jobs.scheduler}: the Quartz scheduler behind JobScheduler. */
@ObjectClassDefinition(name = "SnackBase job scheduler",
        description = "Quartz cron triggers that enqueue jobs. Clustered on a JDBC store on PostgreSQL and "
                + "MySQL/MariaDB (each firing enqueues once across instances); in memory, with the schedules kept "
                + "in job_schedules, on SQLite.")
public @interface SchedulerConfig {

    @AttributeDefinition(name = "Threads", min = "1",
            description = "Quartz threads that run firings. A firing only enqueues a job, so few are needed.")
    int threadCount() default 2;

    @AttributeDefinition(name = "Instance id",
            description = "This instance's id in Quartz's cluster; must differ between instances sharing a "
                    + "database. Empty: Quartz's AUTO (host name and start time).")
    String instanceId() default "";

    @AttributeDefinition(name = "Cluster check-in interval (ms)", min = "1000",
            description = "How often this instance tells the cluster it is alive; a firing claimed by an instance "
                    + "that stopped checking in is recovered by another after about this long.")
    long clusterCheckinIntervalMs() default 7500;

    @AttributeDefinition(name = "Misfire threshold (ms)", min = "1000",
            description = "A firing later than this (all instances down at the time) is skipped, not replayed.")
    long misfireThresholdMs() default 60000;
}
