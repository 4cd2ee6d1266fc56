package io.snackbase.automation.internal;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.api.jobs.SnackbaseJob;
import io.snackbase.automation.internal.run.HookRun;
import io.snackbase.automation.internal.run.HookRunner;
import io.snackbase.automation.internal.store.HookMapper;
import io.snackbase.automation.internal.store.HookRow;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code hooks.run} jobs: event runs enqueued by writes and auth events, scheduled runs
 * fired by the job scheduler, and manual runs of schedule hooks. A hook deleted, disabled or moved
 * to another trigger since is not run (a manual run of a schedule hook runs even when disabled).
 */
@Component(service = JobHandler.class)
@SnackbaseJob(topics = HookSchedules.TOPIC)
public class HookJobHandler implements JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HookJobHandler.class);

    private final HookMapper mapper;
    private final HookRunner runner;
    private final HookSchedules schedules;

    @Activate
    public HookJobHandler(@Reference AutomationServices services) {
        this(services.mapper, services.runner, services.schedules);
    }

    public HookJobHandler(HookMapper mapper, HookRunner runner, HookSchedules schedules) {
        this.mapper = mapper;
        this.runner = runner;
        this.schedules = schedules;
    }

    @Override
    public void handle(Job job) {
        Map<String, Object> p = job.payload();
        String hookId = String.valueOf(p.get("hook_id"));
        String trigger = String.valueOf(p.get("trigger"));
        boolean manual = Boolean.TRUE.equals(p.get("manual"));
        HookRow hook = mapper.findById(hookId);
        if (hook == null || (job.accountId() != null && !job.accountId().equals(hook.accountId))) {
            LOG.info("Job {}: hook {} no longer exists; nothing to run", job.id(), hookId);
            if (HookTrigger.SCHEDULE.equals(trigger) && !manual) {
                schedules.remove(hookId);
            }
            return;
        }
        if (!manual && (!hook.isEnabled() || !trigger.equals(hook.triggerType))) {
            LOG.info("Job {}: hook {} is disabled or no longer a {} hook; not run", job.id(), hookId, trigger);
            return;
        }
        runner.run(hook, run(job, manual ? "manual" : trigger));
    }

    @SuppressWarnings("unchecked")
    private static HookRun run(Job job, String triggerType) {
        Map<String, Object> p = job.payload();
        return new HookRun(triggerType, text(p.get("event")), text(p.get("collection")), text(p.get("record_id")),
                p.get("record") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of(),
                p.get("previous") instanceof Map<?, ?> r ? (Map<String, Object>) r : null,
                p.get("auth") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of(),
                p.get("depth") instanceof Number n ? n.intValue() : 0, job.id());
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
