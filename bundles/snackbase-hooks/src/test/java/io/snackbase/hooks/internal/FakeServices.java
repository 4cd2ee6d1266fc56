package io.snackbase.hooks.internal;

import io.snackbase.api.hooks.HookConstants;
import io.snackbase.api.hooks.LifecycleHookHandler;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: references with properties, and a locator over them. */
final class FakeServices implements HandlerLocator {

    private final AtomicLong ids = new AtomicLong(100);
    private final Map<ServiceReference<?>, Object> services = new ConcurrentHashMap<>();

    /** Registers a handler for the given events from bundle com.acme.plugin, with extra properties. */
    ServiceReference<LifecycleHookHandler> handler(LifecycleHookHandler handler, Object events, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        if (events != null) {
            properties.put(HookConstants.HOOK_EVENTS, events);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return register(handler, "com.acme.plugin", properties);
    }

    <S> ServiceReference<S> register(S service, String bundleName, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put(Constants.SERVICE_ID, ids.incrementAndGet());
        ServiceReference<S> reference = reference(all, bundle(bundleName, 7));
        services.put(reference, service);
        return reference;
    }

    /** Makes the service unavailable, as the framework does on unregistration. */
    void unregister(ServiceReference<?> reference) {
        services.remove(reference);
    }

    @Override
    public LifecycleHookHandler locate(ServiceReference<LifecycleHookHandler> reference) {
        return (LifecycleHookHandler) services.get(reference);
    }

    @SuppressWarnings("unchecked")
    static <S> ServiceReference<S> reference(Map<String, Object> properties, Bundle bundle) {
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

    static Bundle bundle(String symbolicName, long id) {
        return (Bundle) Proxy.newProxyInstance(FakeServices.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getBundleId" -> id;
                    case "getHeaders" -> new Hashtable<>(Collections.emptyMap());
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
