package io.snackbase.jobs.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.jobs.internal.store.JobRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's Job object (jobs.md): the topic is shown as {@code handler}, times as ISO-8601 UTC. */
final class JobViews {

    /** conventions.md 7: one form everywhere, microseconds always present. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobViews() {}

    static Map<String, Object> job(JobRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id);
        m.put("queue", row.queue);
        m.put("handler", row.topic);
        m.put("payload", payload(row.payload));
        m.put("status", row.status);
        m.put("priority", row.priority);
        m.put("run_at", time(row.runAt));
        m.put("started_at", time(row.startedAt));
        m.put("completed_at", time(row.completedAt));
        m.put("failed_at", time(row.failedAt));
        m.put("error_message", row.lastError);
        m.put("attempt_number", row.attempts);
        m.put("max_retries", row.maxRetries);
        m.put("retry_delay_seconds", row.retryDelaySeconds);
        m.put("created_at", time(row.createdAt));
        m.put("created_by", row.createdBy);
        m.put("account_id", row.accountId);
        // Beyond the contract: what a clustered deployment needs to see.
        m.put("ordering_key", row.orderingKey);
        m.put("locked_by", row.lockedBy);
        return m;
    }

    static String time(Long millis) {
        return millis == null ? null : ISO.format(Instant.ofEpochMilli(millis));
    }

    private static Object payload(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            // Only a row written by hand can hold this; show it rather than fail the whole list.
            return json;
        }
    }
}
