package io.snackbase.jobs.internal.schedule;

import io.snackbase.api.jobs.JobRequest;
import io.snackbase.jobs.internal.Payloads;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link JobRequest} of a schedule as JSON text, stored in Quartz's job data (a string, as the
 * clustered store keeps it with {@code useProperties}) and in {@code job_schedules} on SQLite.
 * {@code runAt} is not kept: each firing runs now.
 */
final class ScheduledRequests {

    private ScheduledRequests() {}

    static String toJson(JobRequest request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", request.topic());
        m.put("accountId", request.accountId());
        m.put("payload", request.payload());
        m.put("queue", request.queue());
        m.put("priority", request.priority());
        m.put("maxRetries", request.maxRetries());
        m.put("retryDelaySeconds", request.retryDelaySeconds());
        m.put("orderingKey", request.orderingKey());
        m.put("createdBy", request.createdBy());
        return Payloads.toJson(m);
    }

    @SuppressWarnings("unchecked")
    static JobRequest fromJson(String json) {
        Map<String, Object> m = Payloads.fromJson(json);
        return new JobRequest((String) m.get("topic"), (String) m.get("accountId"), (Map<String, Object>) m.get("payload"),
                (String) m.get("queue"), ((Number) m.get("priority")).intValue(), ((Number) m.get("maxRetries")).intValue(),
                ((Number) m.get("retryDelaySeconds")).intValue(), null, (String) m.get("orderingKey"),
                (String) m.get("createdBy"));
    }
}
