package io.snackbase.automation.internal.run;

import io.snackbase.api.storage.TransactionManager;
import io.snackbase.automation.internal.HookTrigger;
import io.snackbase.automation.internal.Json;
import io.snackbase.automation.internal.store.ExecutionRow;
import io.snackbase.automation.internal.store.HookRow;
import io.snackbase.automation.internal.store.HookMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the execution row of a run together with the hook's {@code last_run_at} (and, after a
 * scheduled run, {@code next_run_at}) in one transaction.
 */
public final class ExecutionLog {

    private static final int MAX_ERROR = 5000;

    private final HookMapper mapper;
    private final TransactionManager transactions;
    private final Clock clock;
    private final Function<String, Instant> nextRun;

    /** @param nextRun the next firing of a cron after now, for the {@code next_run_at} of scheduled runs */
    public ExecutionLog(HookMapper mapper, TransactionManager transactions, Clock clock, Function<String, Instant> nextRun) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
        this.nextRun = nextRun;
    }

    boolean alreadyRan(String jobId) {
        return mapper.executionsOfJob(jobId) > 0;
    }

    RunOutcome record(HookRow hook, HookRun run, RunOutcome outcome, List<Map<String, Object>> results, long startedNanos) {
        ExecutionRow row = new ExecutionRow();
        row.id = UUID.randomUUID().toString();
        row.hookId = hook.id;
        row.accountId = hook.accountId;
        row.jobId = run.jobId();
        row.triggerType = run.triggerType();
        row.status = outcome.status();
        row.actionsExecuted = outcome.actionsExecuted();
        row.errorMessage = outcome.error() == null || outcome.error().length() <= MAX_ERROR ? outcome.error()
                : outcome.error().substring(0, MAX_ERROR);
        row.durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        row.executionContext = Json.write(context(hook, run, results));
        row.executedAt = clock.millis();
        transactions.inTransaction(() -> {
            mapper.insertExecution(row);
            if (HookTrigger.SCHEDULE.equals(hook.triggerType) && hook.isEnabled() && hook.cron != null) {
                mapper.ran(hook.id, row.executedAt, nextRun.apply(hook.cron).toEpochMilli());
            } else {
                mapper.touched(hook.id, row.executedAt);
            }
            return null;
        });
        return outcome;
    }

    private static Map<String, Object> context(HookRow hook, HookRun run, List<Map<String, Object>> results) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (run.event() != null) {
            c.put("event", run.event());
            c.put("account_id", hook.accountId);
            c.put("record_id", run.recordId());
            c.put("collection", run.collection());
        } else {
            c.put("trigger", run.triggerType());
        }
        c.put("depth", run.depth());
        c.put("results", results);
        return c;
    }
}
