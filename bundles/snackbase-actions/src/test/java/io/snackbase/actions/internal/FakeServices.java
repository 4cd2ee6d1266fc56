package io.snackbase.actions.internal;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionType;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: references with properties, and a locator over them. */
final class FakeServices implements ActionLocator {

    private final AtomicLong ids = new AtomicLong(100);
    private final Map<ServiceReference<?>, ActionType> services = new ConcurrentHashMap<>();

    /** Registers an action type from a bundle, with the id (when not null) and extra properties. */
    ServiceReference<ActionType> action(ActionType action, String bundle, Object id, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        if (id != null) {
            properties.put(ActionConstants.ACTION_TYPE, id);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        properties.put(Constants.SERVICE_ID, ids.incrementAndGet());
        ServiceReference<ActionType> reference = reference(properties, bundle(bundle, 7));
        services.put(reference, action);
        return reference;
    }

    /** Makes the service unavailable, as the framework does on unregistration. */
    void unregister(ServiceReference<?> reference) {
        services.remove(reference);
    }

    @Override
    public ActionType locate(ServiceReference<ActionType> reference) {
        return services.get(reference);
    }

    @SuppressWarnings("unchecked")
    private static <S> ServiceReference<S> reference(Map<String, Object> properties, Bundle bundle) {
        return (ServiceReference<S>) Proxy.newProxyInstance(FakeServices.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getPropertyKeys" -> properties.keySet().toArray(new String[0]);
                    case "getProperties" -> new Hashtable<>(properties);
                    case "getBundle" -> bundle;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "ServiceReference" + properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Bundle bundle(String symbolicName, long id) {
        return (Bundle) Proxy.newProxyInstance(FakeServices.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getBundleId" -> id;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
