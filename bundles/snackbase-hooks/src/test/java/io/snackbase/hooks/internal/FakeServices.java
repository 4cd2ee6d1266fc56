package io.snackbase.hooks.internal;

import io.snackbase.api.hooks.HookConstants;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import java.util.Map;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: references with properties, and a locator over them. */
final class FakeServices implements HandlerLocator {

    private final FakeServiceRegistry registry = new FakeServiceRegistry();

    /** Registers a handler for the given events from bundle com.acme.plugin, with extra properties. */
    ServiceReference<LifecycleHookHandler> handler(LifecycleHookHandler handler, Object events, Object... keyValues) {
        Map<String, Object> properties = FakeServiceRegistry.properties(keyValues);
        if (events != null) {
            properties.put(HookConstants.HOOK_EVENTS, events);
        }
        return register(handler, "com.acme.plugin", properties);
    }

    /** Registers a handler for the events at a ranking, with extra properties. */
    ServiceReference<LifecycleHookHandler> ranked(LifecycleHookHandler handler, int ranking, String[] events, Object... more) {
        Map<String, Object> properties = FakeServiceRegistry.properties(more);
        properties.put(org.osgi.framework.Constants.SERVICE_RANKING, ranking);
        properties.put(HookConstants.HOOK_EVENTS, events);
        return register(handler, "com.acme.plugin", properties);
    }

    <S> ServiceReference<S> register(S service, String bundleName, Map<String, Object> properties) {
        return registry.register(service, bundleName, properties);
    }

    /** Makes the service unavailable, as the framework does on unregistration. */
    void unregister(ServiceReference<?> reference) {
        registry.unregister(reference);
    }

    @Override
    public LifecycleHookHandler locate(ServiceReference<LifecycleHookHandler> reference) {
        return registry.locate(reference);
    }
}
