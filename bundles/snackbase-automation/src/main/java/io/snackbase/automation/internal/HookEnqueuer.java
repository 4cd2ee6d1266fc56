package io.snackbase.automation.internal;

import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobRequest;
import io.snackbase.automation.internal.run.HookDepth;
import io.snackbase.automation.internal.store.HookMapper;
import io.snackbase.automation.internal.store.HookRow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one event of an account into one {@code hooks.run} job per enabled matching event hook,
 * enqueued on the calling thread (for record writes: inside the write's transaction, so the jobs
 * are outbox rows that commit or roll back with it). The job carries everything the run needs
 * (the record, who caused it, the hook depth), so the run never reads a record the write may
 * have changed since.
 */
public final class HookEnqueuer {

    private final HookMapper mapper;
    private final JobQueue jobs;

    public HookEnqueuer(HookMapper mapper, JobQueue jobs) {
        this.mapper = mapper;
        this.jobs = jobs;
    }

    /**
     * @param event the API event ({@code records.create}, {@code auth.login}, ...)
     * @param accountId the account the event happened in
     * @param collection the record's collection, or null
     * @param recordId the record's id, or null
     * @param record the record (or the event's data), never null
     * @param previous the record before an update, or null
     * @param auth who caused it: {@code user_id}, {@code email}, {@code account_id}
     * @return how many runs were enqueued
     */
    public int enqueue(String event, String accountId, String collection, String recordId, Map<String, Object> record,
            Map<String, Object> previous, Map<String, Object> auth) {
        if (accountId == null) {
            return 0;
        }
        int count = 0;
        int depth = HookDepth.current();
        for (HookRow hook : mapper.eventHooks(accountId, event)) {
            if (!HookTrigger.matchesCollection(hook.triggerCollection, collection)) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("hook_id", hook.id);
            payload.put("trigger", HookTrigger.EVENT);
            payload.put("event", event);
            payload.put("collection", collection);
            payload.put("record_id", recordId);
            payload.put("record", record);
            payload.put("previous", previous);
            payload.put("auth", auth);
            payload.put("depth", depth);
            jobs.enqueue(JobRequest.of(HookSchedules.TOPIC, payload)
                    .withAccount(accountId, (String) auth.get("user_id"))
                    .withQueue(HookSchedules.EVENT_QUEUE, 0)
                    .withRetries(3, 10));
            count++;
        }
        return count;
    }
}
