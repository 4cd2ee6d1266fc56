package io.snackbase.whiteboard.support.testing;

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

/**
 * A stand-in for the OSGi service registry in the registries' unit tests: service references
 * with (changeable) properties and a registering bundle, and the service objects behind them.
 * Shipped in this module's test-jar so every registry's tests share one fake.
 */
public final class FakeServiceRegistry {

    private final AtomicLong ids = new AtomicLong(100);
    private final Map<ServiceReference<?>, Object> services = new ConcurrentHashMap<>();
    private final Map<ServiceReference<?>, Map<String, Object>> properties = new ConcurrentHashMap<>();

    /**
     * Registers a service; a fresh {@code service.id} is added unless the properties have one.
     *
     * @param bundle the registering bundle's symbolic name, or null for a reference whose bundle is gone
     */
    public <S> ServiceReference<S> register(S service, String bundle, Map<String, Object> serviceProperties) {
        Map<String, Object> all = new HashMap<>(serviceProperties);
        all.putIfAbsent(Constants.SERVICE_ID, ids.incrementAndGet());
        ServiceReference<S> reference = reference(all, bundle == null ? null : bundle(bundle));
        if (service != null) {
            services.put(reference, service);
        }
        properties.put(reference, all);
        return reference;
    }

    /** Changes a property of a registered service, as {@code ServiceRegistration.setProperties} does. */
    public void setProperty(ServiceReference<?> reference, String key, Object value) {
        properties.get(reference).put(key, value);
    }

    /** Makes the service object unavailable, as the framework does on unregistration. */
    public void unregister(ServiceReference<?> reference) {
        services.remove(reference);
    }

    /** @return the service object behind the reference, or null once unregistered */
    @SuppressWarnings("unchecked")
    public <S> S locate(ServiceReference<S> reference) {
        return (S) services.get(reference);
    }

    /** @return a property map from alternating keys and values */
    public static Map<String, Object> properties(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** @return a reference over exactly these properties (read live), registered by the bundle */
    @SuppressWarnings("unchecked")
    public static <S> ServiceReference<S> reference(Map<String, Object> properties, Bundle bundle) {
        return (ServiceReference<S>) Proxy.newProxyInstance(FakeServiceRegistry.class.getClassLoader(),
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

    /** @return a bundle with the symbolic name and id 7 */
    public static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(FakeServiceRegistry.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getBundleId" -> 7L;
                    case "getHeaders" -> new Hashtable<>(Collections.emptyMap());
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
