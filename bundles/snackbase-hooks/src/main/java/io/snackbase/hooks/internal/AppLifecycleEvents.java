package io.snackbase.hooks.internal;

import io.snackbase.api.context.RequestContext;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.hooks.HookEvents;
import java.util.Map;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the app lifecycle events: {@code on_bootstrap} when it starts, {@code on_serve} when a
 * Jakarta REST runtime is available, {@code on_terminate} when it stops.
 */
@Component(immediate = true, service = {})
public class AppLifecycleEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AppLifecycleEvents.class);

    // Dynamic and greedy: a replacement dispatcher takes over without a second on_bootstrap.
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HookDispatcher dispatcher;

    private final Object lock = new Object();
    private boolean started;
    private ServiceReference<JakartarsServiceRuntime> runtime;

    @Activate
    void activate() {
        ServiceReference<JakartarsServiceRuntime> serving;
        synchronized (lock) {
            started = true;
            serving = runtime;
        }
        fire(HookEvents.ON_BOOTSTRAP, "boot");
        // DS may bind the REST runtime before activation; on_serve still follows on_bootstrap.
        if (serving != null) {
            fire(HookEvents.ON_SERVE, "serve");
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            started = false;
        }
        fire(HookEvents.ON_TERMINATE, "terminate");
    }

    @Reference(
            name = "runtime",
            service = JakartarsServiceRuntime.class,
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindRuntime")
    void bindRuntime(ServiceReference<JakartarsServiceRuntime> reference) {
        boolean fire;
        synchronized (lock) {
            runtime = reference;
            fire = started;
        }
        if (fire) {
            fire(HookEvents.ON_SERVE, "serve");
        }
    }

    void unbindRuntime(ServiceReference<JakartarsServiceRuntime> reference) {
        synchronized (lock) {
            if (reference.equals(runtime)) {
                runtime = null;
            }
        }
        LOG.info("The Jakarta REST runtime went away; on_serve fires again when one returns");
    }

    /** Sets the dispatcher outside OSGi (tests). */
    void setDispatcher(HookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    private void fire(String event, String requestId) {
        HookDispatcher current = dispatcher;
        if (current == null) {
            return;
        }
        try {
            HookDispatchResult result = current.dispatch(
                    new HookEvent(event, null, Map.of()), new HookContext(RequestContext.system(requestId)));
            for (String error : result.errors()) {
                LOG.warn("{}: {}", event, error);
            }
            LOG.debug("{} reached {} handlers", event, result.handlersRun());
        } catch (RuntimeException e) {
            // Lifecycle events are notifications: a faulty dispatcher must not stop start-up or shutdown.
            LOG.error("Dispatching {} failed", event, e);
        }
    }
}
