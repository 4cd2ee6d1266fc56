package io.snackbase.actions.internal;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionType;
import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import java.util.Map;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: references with properties, and a locator over them. */
final class FakeServices implements ActionLocator {

    private final FakeServiceRegistry registry = new FakeServiceRegistry();

    /** Registers an action type from a bundle, with the id (when not null) and extra properties. */
    ServiceReference<ActionType> action(ActionType action, String bundle, Object id, Object... keyValues) {
        Map<String, Object> properties = FakeServiceRegistry.properties(keyValues);
        if (id != null) {
            properties.put(ActionConstants.ACTION_TYPE, id);
        }
        return registry.register(action, bundle, properties);
    }

    /** Makes the service unavailable, as the framework does on unregistration. */
    void unregister(ServiceReference<?> reference) {
        registry.unregister(reference);
    }

    @Override
    public ActionType locate(ServiceReference<ActionType> reference) {
        return registry.locate(reference);
    }
}
