package io.snackbase.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code io.snackbase.jobs}: the job workers of this instance. */
@ObjectClassDefinition(name = "SnackBase job workers",
        description = "The workers that claim and run the jobs of the durable job queue on this instance.")
public @interface JobsConfig {

    @AttributeDefinition(name = "Workers", min = "0",
            description = "Jobs this instance runs at the same time (one thread each). 0 runs no jobs here: the "
                    + "instance only enqueues, other instances run them.")
    int workers() default 4;

    @AttributeDefinition(name = "Poll interval (ms)", min = "10",
            description = "How often an idle worker looks for due jobs. Jobs enqueued on this instance wake the "
                    + "workers at commit; polling finds jobs of other instances, retries and delayed jobs.")
    long pollIntervalMs() default 1000;

    @AttributeDefinition(name = "Lease (s)", min = "5",
            description = "How long a claim holds a running job without renewal. Running jobs are renewed every "
                    + "third of it; a job whose lease runs out (its instance died) is recovered as a failed attempt.")
    int leaseSeconds() default 300;

    @AttributeDefinition(name = "Execution timeout (s)", min = "0",
            description = "A handler still running after this long is interrupted and the attempt fails (and is "
                    + "retried while retries remain). 0: no limit. A handler that ignores interruption keeps its "
                    + "worker until it returns.")
    int executionTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Retention (days)", min = "0",
            description = "Completed jobs older than this are deleted. 0 keeps them for ever.")
    int retentionDays() default 7;

    @AttributeDefinition(name = "Queues",
            description = "The queues this instance's workers take jobs from; empty for all.")
    String[] queues() default {};

    @AttributeDefinition(name = "Instance id",
            description = "Names this instance in the claims (locked_by) and logs; must differ between instances "
                    + "sharing a database. Empty: the host name and a random suffix, new at each start.")
    String instanceId() default "";

    @AttributeDefinition(name = "Maintenance interval (s)", min = "1",
            description = "How often lease recovery runs (and, at most hourly, the retention purge).")
    int maintenanceIntervalSeconds() default 30;

    @AttributeDefinition(name = "Shutdown grace (s)", min = "0",
            description = "On stop, how long running jobs may finish before they are interrupted and put back to "
                    + "pending for another instance or the next start.")
    int shutdownGraceSeconds() default 10;
}
