package io.snackbase.automation.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.automation.internal.run.HookRun;
import io.snackbase.automation.internal.run.HookRunner;
import io.snackbase.automation.internal.run.RunOutcome;
import io.snackbase.automation.internal.store.HookMapper;
import io.snackbase.automation.internal.store.HookRow;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The routes of {@code /hooks} behind the resource: every read and write is scoped to the caller's
 * account (another account's id is 404 "Hook not found"), input is checked in full before
 * anything is written, and the row and its schedule change in one transaction.
 */
public final class HookService {

    private final HookMapper mapper;
    private final TransactionManager transactions;
    private final HookInputs inputs;
    private final HookSchedules schedules;
    private final JobQueue jobs;
    private final HookRunner runner;
    private final Clock clock;
    private final int maxHooks;

    public HookService(HookMapper mapper, TransactionManager transactions, HookInputs inputs, HookSchedules schedules,
            JobQueue jobs, HookRunner runner, Clock clock, int maxHooks) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.inputs = inputs;
        this.schedules = schedules;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
        this.maxHooks = maxHooks;
    }

    public Map<String, Object> create(RequestContext caller, Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        HookRow row = new HookRow();
        row.id = UUID.randomUUID().toString();
        row.accountId = caller.accountId();
        row.name = inputs.name(b.get("name"));
        row.description = inputs.description(b.get("description"));
        setTrigger(row, inputs.trigger(b.get("trigger")));
        row.conditionExpr = inputs.condition(b.get("condition"));
        row.actionsJson = Json.write(inputs.actions(b.get("actions")));
        row.enabled = inputs.enabled(b.get("enabled"), true);
        row.createdAt = row.updatedAt = clock.millis();
        row.createdBy = caller.principal().userId();
        transactions.inTransaction(() -> {
            if (mapper.count(row.accountId, null, null) >= maxHooks) {
                throw new ApiException(409, "Conflict", "Account has reached the maximum of " + maxHooks + " hooks");
            }
            schedules.apply(row);
            return mapper.insert(row);
        });
        return HookViews.hook(row);
    }

    public Map<String, Object> list(RequestContext caller, String triggerType, Boolean enabled, int limit, int offset) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", mapper.list(caller.accountId(), triggerType, enabled, limit, offset).stream().map(this::view).toList());
        page.put("total", mapper.count(caller.accountId(), triggerType, enabled));
        return page;
    }

    public Map<String, Object> get(RequestContext caller, String id) {
        return view(require(caller, id));
    }

    /**
     * The hook as shown. A stored {@code next_run_at} in the past means firings were missed while no
     * instance ran (they are skipped, not replayed): the scheduler's next firing is shown instead.
     */
    private Map<String, Object> view(HookRow row) {
        if (HookTrigger.SCHEDULE.equals(row.triggerType) && row.isEnabled() && row.nextRunAt != null && row.nextRunAt < clock.millis()) {
            schedules.nextRun(row.id).ifPresent(next -> row.nextRunAt = next.toEpochMilli());
        }
        return HookViews.hook(row);
    }

    public Map<String, Object> patch(RequestContext caller, String id, Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        HookRow row = require(caller, id);
        if (b.containsKey("name")) {
            row.name = inputs.name(b.get("name"));
        }
        if (b.containsKey("description")) {
            row.description = inputs.description(b.get("description"));
        }
        if (b.containsKey("trigger")) {
            setTrigger(row, inputs.trigger(b.get("trigger")));
        }
        if (b.containsKey("condition")) {
            row.conditionExpr = inputs.condition(b.get("condition"));
        }
        if (b.containsKey("actions")) {
            row.actionsJson = Json.write(inputs.actions(b.get("actions")));
        }
        if (b.containsKey("enabled")) {
            row.enabled = inputs.enabled(b.get("enabled"), row.isEnabled());
        }
        return save(row);
    }

    public Map<String, Object> toggle(RequestContext caller, String id) {
        HookRow row = require(caller, id);
        row.enabled = !row.isEnabled();
        return save(row);
    }

    public void delete(RequestContext caller, String id) {
        require(caller, id);
        transactions.inTransaction(() -> {
            schedules.remove(id);
            return mapper.delete(caller.accountId(), id);
        });
    }

    /** POST /trigger: a schedule hook's run is enqueued; any other runs inline with an empty record. */
    public Map<String, Object> trigger(RequestContext caller, String id) {
        HookRow row = require(caller, id);
        Map<String, Object> body = new LinkedHashMap<>();
        if (HookTrigger.SCHEDULE.equals(row.triggerType)) {
            body.put("message", "Job enqueued successfully");
            body.put("job_id", jobs.enqueue(HookSchedules.job(row, true)));
            return body;
        }
        RunOutcome outcome = runner.run(row, HookRun.manual());
        body.put("message", "Hook executed");
        body.put("status", outcome.status());
        body.put("actions_executed", outcome.actionsExecuted());
        body.put("error", outcome.error());
        return body;
    }

    public Map<String, Object> executions(RequestContext caller, String id, int limit, int offset) {
        require(caller, id);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", mapper.executions(caller.accountId(), id, limit, offset).stream().map(HookViews::execution).toList());
        page.put("total", mapper.countExecutions(caller.accountId(), id));
        return page;
    }

    private Map<String, Object> save(HookRow row) {
        row.updatedAt = clock.millis();
        transactions.inTransaction(() -> {
            schedules.apply(row);
            return mapper.update(row);
        });
        return HookViews.hook(row);
    }

    private HookRow require(RequestContext caller, String id) {
        HookRow row = id == null ? null : mapper.find(caller.accountId(), id);
        if (row == null) {
            throw ApiException.notFound("Hook not found");
        }
        return row;
    }

    private static void setTrigger(HookRow row, HookTrigger trigger) {
        row.triggerType = trigger.type();
        row.triggerEvent = trigger.event();
        row.triggerCollection = trigger.collection();
        row.cron = trigger.cron();
        row.triggerJson = Json.write(trigger.toMap());
    }

    /** @return the trigger types the list filter accepts */
    public static List<String> triggerTypes() {
        return List.of(HookTrigger.SCHEDULE, HookTrigger.EVENT, HookTrigger.MANUAL);
    }
}
