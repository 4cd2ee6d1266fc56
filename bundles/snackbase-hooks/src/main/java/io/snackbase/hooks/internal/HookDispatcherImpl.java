package io.snackbase.hooks.internal;

import io.snackbase.whiteboard.support.ServiceProperties;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.api.storage.StorageConstants;
import io.snackbase.api.storage.TransactionManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the whiteboard of lifecycle hook handlers: their validation, their order, and dispatch. */
@Component(
        configurationPid = HookDispatcherImpl.PID,
        service = {HookDispatcher.class, RegistrationSource.class},
        property = StorageConstants.IMPL + "=default")
@Designate(ocd = HookDispatcherImpl.Config.class)
public class HookDispatcherImpl implements HookDispatcher, RegistrationSource {

    static final String PID = "io.snackbase.hooks";
    static final String HANDLER_REFERENCE = "handler";
    private static final Logger LOG = LoggerFactory.getLogger(HookDispatcherImpl.class);

    @ObjectClassDefinition(
            name = "SnackBase hook dispatcher",
            description = "Runs the lifecycle hook handlers that bundles register, on a pool of threads, each "
                    + "within a time limit.")
    public @interface Config {
        @AttributeDefinition(
                name = "Handler timeout (ms)",
                description = "How long an operation waits for one handler. A handler still running then is "
                        + "abandoned and recorded as failed; in a before event inside a transaction the "
                        + "operation fails with 503. 0 runs handlers on the caller's thread without a limit.",
                min = "0")
        long handlerTimeoutMs() default 5000;

        @AttributeDefinition(
                name = "Threads",
                description = "Most handlers running at once across all dispatches; further calls wait for a "
                        + "thread, and that wait counts towards their timeout.",
                min = "1")
        int threads() default 16;
    }

    private final Object lock = new Object();
    private final Map<Long, HookRegistration> tracked = new HashMap<>();
    // Copy-on-write snapshots: a dispatch reads one list and is unaffected by later changes.
    private volatile List<HookRegistration> all = List.of();
    private volatile List<HookRegistration> active = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionManager transactions;

    private volatile HandlerLocator locator;
    private volatile HookExecutor executor;
    private volatile long timeoutMs;

    /** For DS: configured by {@link #activate}. */
    public HookDispatcherImpl() {}

    /** For tests outside OSGi. */
    HookDispatcherImpl(HandlerLocator locator, TransactionManager transactions, long timeoutMs, int threads) {
        this.locator = locator;
        this.transactions = transactions;
        this.timeoutMs = timeoutMs;
        this.executor = new HookExecutor(threads);
    }

    @Activate
    void activate(ComponentContext context, Config config) {
        locator = reference -> context.locateService(HANDLER_REFERENCE, reference);
        timeoutMs = config.handlerTimeoutMs();
        executor = new HookExecutor(config.threads());
        LOG.info("Hook dispatcher started: timeout {} ms, {} threads", timeoutMs, config.threads());
    }

    @Modified
    void modified(Config config) {
        timeoutMs = config.handlerTimeoutMs();
        executor.resize(config.threads());
    }

    @Deactivate
    void deactivate() {
        executor.shutdown();
    }

    @Reference(
            name = HANDLER_REFERENCE,
            service = LifecycleHookHandler.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedHandler",
            unbind = "unbindHandler")
    void bindHandler(ServiceReference<LifecycleHookHandler> reference) {
        HookRegistration registration = HookRegistration.of(reference);
        if (registration.active()) {
            LOG.info("Hook handler {} registered for {} (collections {}, ranking {})", registration.label(),
                    registration.events(), registration.collections(), registration.ranking());
        } else {
            LOG.warn("Hook handler {} is not used: {}", registration.label(), registration.failure());
        }
        synchronized (lock) {
            tracked.put(registration.serviceId(), registration);
            publish();
        }
    }

    void updatedHandler(ServiceReference<LifecycleHookHandler> reference) {
        bindHandler(reference);
    }

    void unbindHandler(ServiceReference<LifecycleHookHandler> reference) {
        synchronized (lock) {
            if (tracked.remove(ServiceProperties.serviceId(reference)) != null) {
                publish();
            }
        }
    }

    @Override
    public HookDispatchResult dispatch(HookEvent event, HookContext context) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(context, "context");
        if (!HookEvents.isKnown(event.name())) {
            throw new IllegalArgumentException("Unknown hook event '" + event.name() + "'");
        }
        HandlerCaller caller = new HandlerCaller(locator, transactions, executor, timeoutMs);
        return HookChain.run(event, context, active, caller);
    }

    @Override
    public boolean hasHandlers(String event, String collection) {
        for (HookRegistration registration : active) {
            if (registration.matches(event, collection)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String kind() {
        return HookRegistration.KIND;
    }

    @Override
    public List<RegistrationDTO> registrations() {
        List<RegistrationDTO> dtos = new ArrayList<>();
        for (HookRegistration registration : all) {
            dtos.add(registration.toDTO());
        }
        return dtos;
    }

    /** @return the configured pool size (for tests) */
    int threads() {
        return executor.size();
    }

    private void publish() {
        List<HookRegistration> sorted = new ArrayList<>(tracked.values());
        sorted.sort(HookRegistration.ORDER);
        all = List.copyOf(sorted);
        active = sorted.stream().filter(HookRegistration::active).toList();
    }
}
