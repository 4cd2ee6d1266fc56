package io.snackbase.automation.internal;

import io.snackbase.automation.internal.store.ExecutionRow;
import io.snackbase.automation.internal.store.HookRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of hooks and executions as hooks.md shows them. */
public final class HookViews {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private HookViews() {}

    /** @return the ISO text of epoch milliseconds, or null */
    public static String iso(Long millis) {
        return millis == null ? null : ISO.format(Instant.ofEpochMilli(millis));
    }

    public static Map<String, Object> hook(HookRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id);
        m.put("account_id", row.accountId);
        m.put("name", row.name);
        m.put("description", row.description);
        m.put("trigger", Json.object(row.triggerJson));
        m.put("condition", row.conditionExpr);
        m.put("actions", Json.objects(row.actionsJson));
        m.put("enabled", row.isEnabled());
        m.put("last_run_at", iso(row.lastRunAt));
        m.put("next_run_at", iso(row.nextRunAt));
        m.put("created_at", iso(row.createdAt));
        m.put("updated_at", iso(row.updatedAt));
        m.put("created_by", row.createdBy);
        m.put("cron", row.cron);
        m.put("cron_description", row.cron == null ? null : CronDescriptions.describe(row.cron));
        return m;
    }

    public static Map<String, Object> execution(ExecutionRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id);
        m.put("hook_id", row.hookId);
        m.put("trigger_type", row.triggerType);
        m.put("status", row.status);
        m.put("actions_executed", row.actionsExecuted);
        m.put("error_message", row.errorMessage);
        m.put("duration_ms", row.durationMs);
        m.put("execution_context", Json.object(row.executionContext));
        m.put("executed_at", iso(row.executedAt));
        return m;
    }
}
