package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobConstants;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.whiteboard.support.ServiceLocator;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: job handler references with properties, and a locator over them. */
final class FakeJobHandlers implements ServiceLocator<JobHandler> {

    private final AtomicLong ids = new AtomicLong(100);
    private final Map<ServiceReference<?>, JobHandler> services = new ConcurrentHashMap<>();
    private final Map<ServiceReference<?>, Map<String, Object>> properties = new ConcurrentHashMap<>();

    /** Registers a handler that records its name, with the topics (when not null) and extra properties. */
    ServiceReference<JobHandler> handler(String name, String bundle, Object topics, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        if (topics != null) {
            properties.put(JobConstants.JOB_TOPICS, topics);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        properties.put(Constants.SERVICE_ID, ids.incrementAndGet());
        ServiceReference<JobHandler> reference = reference(properties, bundle(bundle));
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
    public JobHandler locate(ServiceReference<JobHandler> reference) {
        return services.get(reference);
    }

    /** @return the name of a handler made by {@link #handler}, so a test can tell which one runs */
    static String nameOf(JobHandler handler) throws Exception {
        Job job = new Job("j1", "t", null, new HashMap<>(), 1);
        handler.handle(job);
        return (String) job.payload().get("ranBy");
    }

    private static JobHandler named(String name) {
        return job -> job.payload().put("ranBy", name);
    }

    @SuppressWarnings("unchecked")
    private static <S> ServiceReference<S> reference(Map<String, Object> properties, Bundle bundle) {
        return (ServiceReference<S>) Proxy.newProxyInstance(FakeJobHandlers.class.getClassLoader(),
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
        return (Bundle) Proxy.newProxyInstance(FakeJobHandlers.class.getClassLoader(), new Class<?>[] {Bundle.class},
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
