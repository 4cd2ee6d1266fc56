package io.snackbase.automation.internal.run;

import java.util.Map;

/**
 * What starts one run of a hook, as carried by its job or by a manual trigger.
 *
 * @param triggerType event, schedule or manual (the execution's trigger_type)
 * @param event the API event ({@code records.create}, ...) of an event run, else null
 * @param collection the record's collection, or null
 * @param recordId the record's id, or null
 * @param record the record after the write (or the event's data for auth and webhook events); empty when none
 * @param previous the record before an update, or null
 * @param auth {@code user_id}, {@code email}, {@code account_id} of who caused the event; empty when nobody
 * @param depth the hook depth of the work that caused the run
 * @param jobId the job that carries the run, or null for an inline run
 */
public record HookRun(String triggerType, String event, String collection, String recordId, Map<String, Object> record,
        Map<String, Object> previous, Map<String, Object> auth, int depth, String jobId) {

    public HookRun {
        record = record == null ? Map.of() : record;
        auth = auth == null ? Map.of() : auth;
    }

    /** @return an inline run without a record or user */
    public static HookRun manual() {
        return new HookRun("manual", null, null, null, Map.of(), null, Map.of(), 0, null);
    }
}
