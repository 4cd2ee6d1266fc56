package io.snackbase.automation.internal;

import io.snackbase.api.actions.ActionExecutor;
import io.snackbase.api.jobs.JobQueue;
import io.snackbase.api.jobs.JobScheduler;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.SchemaModule;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.automation.internal.run.ExecutionLog;
import io.snackbase.automation.internal.run.HookRunner;
import io.snackbase.automation.internal.store.HookMapper;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires the hook services once and hands them to the resource, the write listener, the lifecycle
 * handler and the job handler (a bundle-private service). It waits for this bundle's schema and
 * the auth schema (whose {@code accounts} the hooks reference), and for the rule engine, the action
 * executor and the job queue, without which no hook could be checked or run. The job scheduler is
 * optional ({@link SchedulerSlot}): only schedule hooks need it.
 */
@Component(service = AutomationServices.class, configurationPid = "io.snackbase.automation")
@Designate(ocd = AutomationConfig.class)
public class AutomationServices {

    public final HookMapper mapper;
    public final HookService hooks;
    public final HookRunner runner;
    public final HookSchedules schedules;
    public final HookEnqueuer enqueuer;
    private final JobScheduler scheduler;

    @Activate
    public AutomationServices(@Reference(target = "(snackbase.schema.module=io.snackbase.automation)") SchemaModule schema,
            @Reference(target = "(snackbase.schema.module=io.snackbase.auth)") SchemaModule accounts,
            @Reference Mappers mappers, @Reference TransactionManager transactions, @Reference RuleEngine rules,
            @Reference ActionExecutor actions, @Reference JobQueue jobs, AutomationConfig config) {
        this(mappers.mapper(HookMapper.class), transactions, rules, actions, jobs, new SchedulerSlot(), Clock.systemUTC(),
                config.maxHooksPerAccount());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setJobScheduler(JobScheduler scheduler) {
        if (this.scheduler instanceof SchedulerSlot slot) {
            slot.set(scheduler);
        }
    }

    void unsetJobScheduler(JobScheduler scheduler) {
        if (this.scheduler instanceof SchedulerSlot slot) {
            slot.clear(scheduler);
        }
    }

    /** The same graph for tests, on storage and services built by hand. */
    public static AutomationServices wire(HookMapper mapper, TransactionManager transactions, RuleEngine rules, ActionExecutor actions,
            JobQueue jobs, JobScheduler scheduler, Clock clock, int maxHooks) {
        return new AutomationServices(mapper, transactions, rules, actions, jobs, scheduler, clock, maxHooks);
    }

    // Private: DS picks a public constructor by its number of arguments, and the @Activate one has as many.
    private AutomationServices(HookMapper mapper, TransactionManager transactions, RuleEngine rules, ActionExecutor actions,
            JobQueue jobs, JobScheduler scheduler, Clock clock, int maxHooks) {
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.schedules = new HookSchedules(scheduler);
        this.runner = new HookRunner(new ExecutionLog(mapper, transactions, clock, cron -> scheduler.nextRunAfter(cron, clock.instant())),
                actions, rules, clock);
        this.enqueuer = new HookEnqueuer(mapper, jobs);
        this.hooks = new HookService(mapper, transactions, new HookInputs(rules, actions, cron -> scheduler.nextRunAfter(cron, clock.instant())),
                schedules, jobs, runner, clock, Math.max(1, maxHooks));
    }
}
