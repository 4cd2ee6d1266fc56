package io.snackbase.automation.internal.run;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionExecutor;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.context.Principal;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.automation.internal.Json;
import io.snackbase.automation.internal.store.HookRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one hook: the depth limit, the condition (event runs only; fail-open when it cannot be
 * evaluated), the actions in order until the first failure, and the execution row. Called on job
 * workers and, for manual triggers, on request threads; holds no state of its own.
 */
public final class HookRunner {

    public static final String DEPTH_EXCEEDED = "Maximum hook execution depth (" + ActionConstants.MAX_DEPTH
            + ") exceeded — possible cycle detected";
    private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);

    private final ExecutionLog log;
    private final ActionExecutor actions;
    private final RuleEngine rules;
    private final Clock clock;

    public HookRunner(ExecutionLog log, ActionExecutor actions, RuleEngine rules, Clock clock) {
        this.log = log;
        this.actions = actions;
        this.rules = rules;
        this.clock = clock;
    }

    /** Runs the hook for the trigger; records an execution unless it was skipped. */
    public RunOutcome run(HookRow hook, HookRun run) {
        if (run.jobId() != null && log.alreadyRan(run.jobId())) {
            LOG.info("Hook {} job {} was already executed; not running it again", hook.id, run.jobId());
            return RunOutcome.SKIPPED;
        }
        long started = System.nanoTime();
        if (run.depth() >= ActionConstants.MAX_DEPTH) {
            LOG.warn("Hook {} of account {} not run: {}", hook.id, hook.accountId, DEPTH_EXCEEDED);
            return log.record(hook, run, new RunOutcome("failed", 0, DEPTH_EXCEEDED), List.of(), started);
        }
        if ("event".equals(run.triggerType()) && !conditionHolds(hook, run)) {
            return RunOutcome.SKIPPED;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        RunOutcome outcome = HookDepth.at(run.depth() + 1, () -> runActions(hook, run, results));
        return log.record(hook, run, outcome, results, started);
    }

    private boolean conditionHolds(HookRow hook, HookRun run) {
        if (hook.conditionExpr == null || hook.conditionExpr.isBlank()) {
            return true;
        }
        try {
            return rules.condition(hook.conditionExpr).matches(run.record());
        } catch (Exception e) {
            // domain.md 3.8: a condition that cannot be evaluated lets the hook run.
            LOG.warn("Condition of hook {} could not be evaluated ({}); running the hook (fail-open)", hook.id, e.getMessage());
            return true;
        }
    }

    private RunOutcome runActions(HookRow hook, HookRun run, List<Map<String, Object>> results) {
        HookActionContext context = new HookActionContext(requestOf(hook, run), run.event() == null ? run.triggerType() : run.event(),
                run.record(), variables(hook, run), run.depth());
        int executed = 0;
        for (Map<String, Object> action : Json.objects(hook.actionsJson)) {
            String type = String.valueOf(action.get("type"));
            Optional<ActionType> available = actions.find(type);
            if (available.isEmpty()) {
                // hooks.md: an action type that is no longer registered is skipped, not counted, not an error.
                LOG.warn("Hook {}: action type '{}' is not registered; skipped", hook.id, type);
                continue;
            }
            Map<String, Object> config = new LinkedHashMap<>(action);
            config.remove("type");
            ActionResult result = actions.execute(type, context, config);
            results.add(resultEntry(type, result));
            if (!result.success()) {
                String error = "Action '" + type + "' failed: " + result.error();
                return new RunOutcome(executed == 0 ? "failed" : "partial", executed, error);
            }
            executed++;
        }
        return new RunOutcome("success", executed, null);
    }

    private static Map<String, Object> resultEntry(String type, ActionResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", type);
        entry.put("success", result.success());
        entry.put(result.success() ? "data" : "error", result.success() ? result.data() : result.error());
        return entry;
    }

    /** The hook acts in its own account as its creator, so the collection rules of that account apply. */
    private static RequestContext requestOf(HookRow hook, HookRun run) {
        Principal principal = new Principal(hook.createdBy, null, hook.accountId, null, "system");
        String requestId = run.jobId() != null ? "job-" + run.jobId() : "hook-" + hook.id;
        return new RequestContext(principal, hook.accountId, requestId, null, null);
    }

    private Map<String, Object> variables(HookRow hook, HookRun run) {
        Map<String, Object> auth = new LinkedHashMap<>();
        for (String key : Templates.AUTH_MEMBERS) {
            auth.put(key, run.auth().getOrDefault(key, ""));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("record", run.record());
        v.put("previous", run.previous() == null ? Map.of() : run.previous());
        v.put("auth", auth);
        v.put("hook", Map.of("id", hook.id, "name", hook.name));
        v.put("now", clock.instant().toString());
        v.put("event", run.event() == null ? run.triggerType() : run.event());
        v.put("collection", run.collection() == null ? "" : run.collection());
        v.put("account_id", hook.accountId);
        return v;
    }
}
