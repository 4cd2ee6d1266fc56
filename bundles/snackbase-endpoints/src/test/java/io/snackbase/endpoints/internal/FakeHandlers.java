package io.snackbase.endpoints.internal;

import io.snackbase.api.endpoints.EndpointConstants;
import io.snackbase.api.endpoints.EndpointHandler;
import io.snackbase.api.endpoints.EndpointResponse;
import io.snackbase.whiteboard.support.ServiceLocator;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: endpoint handler references with properties, and a locator over them. */
final class FakeHandlers implements ServiceLocator<EndpointHandler> {

    private final AtomicLong ids = new AtomicLong(100);
    private final Map<ServiceReference<?>, EndpointHandler> services = new ConcurrentHashMap<>();
    private final Map<ServiceReference<?>, Map<String, Object>> properties = new ConcurrentHashMap<>();

    /** Registers a handler that answers with its name, with the path (when not null) and extra properties. */
    ServiceReference<EndpointHandler> handler(String name, String bundle, Object path, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        if (path != null) {
            properties.put(EndpointConstants.ENDPOINT_PATH, path);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        properties.put(Constants.SERVICE_ID, ids.incrementAndGet());
        ServiceReference<EndpointHandler> reference = reference(properties, bundle(bundle));
        services.put(reference, named(name));
        this.properties.put(reference, properties);
        return reference;
    }

    /** Changes a property of a registered handler, as {@code ServiceRegistration.setProperties} does. */
    void setProperty(ServiceReference<?> reference, String key, Object value) {
        properties.get(reference).put(key, value);
    }

    /** Makes the service unavailable, as the framework does on unregistration. */
    void unregister(ServiceReference<?> reference) {
        services.remove(reference);
    }

    @Override
    public EndpointHandler locate(ServiceReference<EndpointHandler> reference) {
        return services.get(reference);
    }

    /** @return the name of a handler made by {@link #handler}, so a test can tell which one serves */
    static String nameOf(EndpointHandler handler) throws Exception {
        return (String) handler.handle(null).body();
    }

    private static EndpointHandler named(String name) {
        return request -> EndpointResponse.ok(name);
    }

    @SuppressWarnings("unchecked")
    private static <S> ServiceReference<S> reference(Map<String, Object> properties, Bundle bundle) {
        return (ServiceReference<S>) Proxy.newProxyInstance(FakeHandlers.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> bundle;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "ServiceReference" + properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(FakeHandlers.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getBundleId" -> 7L;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> symbolicName;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
