package io.snackbase.jobs.internal.schedule;

/**
 * The scheduler's settings ({@link SchedulerConfig}), checked.
 *
 * @param instanceId this instance's id in Quartz's cluster, or null for Quartz's AUTO
 */
record SchedulerSettings(int threadCount, String instanceId, long clusterCheckinIntervalMs, long misfireThresholdMs) {

    static SchedulerSettings of(SchedulerConfig config) {
        String id = config.instanceId() == null || config.instanceId().isBlank() ? null : config.instanceId().trim();
        return new SchedulerSettings(Math.max(1, config.threadCount()), id, Math.max(1000, config.clusterCheckinIntervalMs()),
                Math.max(1000, config.misfireThresholdMs()));
    }

    /** Defaults for tests, with a given instance id. */
    static SchedulerSettings defaults(String instanceId) {
        return new SchedulerSettings(2, instanceId, 7500, 60000);
    }
}
