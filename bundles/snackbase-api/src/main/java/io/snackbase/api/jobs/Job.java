package io.snackbase.api.jobs;

import java.util.Map;

/**
 * One background job as its handler sees it. Immutable.
 *
 * @param id the job's id (UUID string), stable across retries
 * @param topic the topic it was enqueued with
 * @param accountId the account it acts for, or null for system work
 * @param payload the JSON payload parsed into maps, lists and scalars
 * @param attempt the attempt number, 1 for the first
 */
public record Job(String id, String topic, String accountId, Map<String, Object> payload, int attempt) {

    public Job {
        payload = payload == null ? Map.of() : payload;
    }
}
