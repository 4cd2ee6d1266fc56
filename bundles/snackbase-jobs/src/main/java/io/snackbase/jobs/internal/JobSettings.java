package io.snackbase.jobs.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The workers' settings, checked and defaulted ({@link JobsConfig}).
 *
 * @param instanceId this instance's name in {@code locked_by}
 * @param queues the queues to take jobs from, empty for all
 * @param executionTimeout how long a handler may run, {@link Duration#ZERO} for no limit
 */
record JobSettings(int workers, Duration pollInterval, Duration lease, int retentionDays, List<String> queues,
        String instanceId, Duration maintenanceInterval, Duration shutdownGrace, Duration executionTimeout) {

    JobSettings {
        if (workers < 0 || retentionDays < 0) {
            throw new IllegalArgumentException("workers and retentionDays must be >= 0");
        }
        queues = List.copyOf(queues);
    }

    static JobSettings of(JobsConfig config) {
        List<String> queues = config.queues() == null ? List.of()
                : Arrays.stream(config.queues()).map(String::trim).filter(q -> !q.isEmpty()).toList();
        String id = config.instanceId() == null || config.instanceId().isBlank() ? generatedId() : config.instanceId().trim();
        return new JobSettings(config.workers(), Duration.ofMillis(Math.max(10, config.pollIntervalMs())),
                Duration.ofSeconds(Math.max(5, config.leaseSeconds())), config.retentionDays(), queues, id,
                Duration.ofSeconds(Math.max(1, config.maintenanceIntervalSeconds())),
                Duration.ofSeconds(Math.max(0, config.shutdownGraceSeconds())),
                Duration.ofSeconds(Math.max(0, config.executionTimeoutSeconds())));
    }

    /** Defaults for tests, with a given instance id and worker count. */
    static JobSettings defaults(String instanceId, int workers) {
        return new JobSettings(workers, Duration.ofSeconds(1), Duration.ofSeconds(300), 7, List.of(), instanceId,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(300));
    }

    JobSettings withPoll(Duration poll, Duration leaseTime, Duration maintenance) {
        return new JobSettings(workers, poll, leaseTime, retentionDays, queues, instanceId, maintenance, shutdownGrace,
                executionTimeout);
    }

    JobSettings withExecutionTimeout(Duration timeout) {
        return new JobSettings(workers, pollInterval, lease, retentionDays, queues, instanceId, maintenanceInterval,
                shutdownGrace, timeout);
    }

    private static String generatedId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "instance";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return (host.length() > 80 ? host.substring(0, 80) : host) + "-" + suffix;
    }
}
