package io.snackbase.api.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * A job to enqueue with {@link JobQueue#enqueue(JobRequest)}. Immutable; build it with
 * {@link #of(String, Map)} and the {@code with*} methods.
 *
 * @param topic the handler's topic (dotted lowercase, as {@link JobConstants#JOB_TOPICS})
 * @param accountId the account the job acts for, or null for system work
 * @param payload JSON-serialisable maps, lists and scalars
 * @param queue the queue name shown by the admin API ({@code default}, {@code webhooks}, ...)
 * @param priority lower runs first; 0 is the default
 * @param maxRetries retries after the first attempt before the job is {@code dead}
 * @param retryDelaySeconds the base back-off: attempt n waits {@code retryDelaySeconds * 2^(n-1)}
 * @param runAt the earliest time to run, or null for now
 * @param orderingKey null, or a key: jobs with the same key run one at a time in enqueue order,
 *     and a job that is waiting for a retry holds back the later ones with its key (webhook
 *     deliveries of one record use it)
 * @param createdBy the user who caused the job, or null
 */
public record JobRequest(
        String topic,
        String accountId,
        Map<String, Object> payload,
        String queue,
        int priority,
        int maxRetries,
        int retryDelaySeconds,
        Instant runAt,
        String orderingKey,
        String createdBy) {

    /** The default queue name. */
    public static final String DEFAULT_QUEUE = "default";

    public JobRequest {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required");
        }
        payload = payload == null ? Map.of() : payload;
        queue = queue == null || queue.isBlank() ? DEFAULT_QUEUE : queue;
        if (maxRetries < 0 || retryDelaySeconds < 0) {
            throw new IllegalArgumentException("maxRetries and retryDelaySeconds must be >= 0");
        }
    }

    /**
     * @param topic the handler's topic
     * @param payload the payload
     * @return a request on the default queue, priority 0, 3 retries from 60 s, run now
     */
    public static JobRequest of(String topic, Map<String, Object> payload) {
        return new JobRequest(topic, null, payload, DEFAULT_QUEUE, 0, 3, 60, null, null, null);
    }

    /** @return a copy for the given account and user */
    public JobRequest withAccount(String account, String user) {
        return new JobRequest(topic, account, payload, queue, priority, maxRetries, retryDelaySeconds,
                runAt, orderingKey, user);
    }

    /** @return a copy on the given queue with the given priority */
    public JobRequest withQueue(String name, int prio) {
        return new JobRequest(topic, accountId, payload, name, prio, maxRetries, retryDelaySeconds,
                runAt, orderingKey, createdBy);
    }

    /** @return a copy with the given retry policy */
    public JobRequest withRetries(int retries, int delaySeconds) {
        return new JobRequest(topic, accountId, payload, queue, priority, retries, delaySeconds,
                runAt, orderingKey, createdBy);
    }

    /** @return a copy that runs no earlier than the given time */
    public JobRequest withRunAt(Instant time) {
        return new JobRequest(topic, accountId, payload, queue, priority, maxRetries, retryDelaySeconds,
                time, orderingKey, createdBy);
    }

    /** @return a copy with the given ordering key */
    public JobRequest withOrderingKey(String key) {
        return new JobRequest(topic, accountId, payload, queue, priority, maxRetries, retryDelaySeconds,
                runAt, key, createdBy);
    }
}
