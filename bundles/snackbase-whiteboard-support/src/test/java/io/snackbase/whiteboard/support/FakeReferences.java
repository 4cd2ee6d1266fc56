package io.snackbase.whiteboard.support;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Service references with properties and a registering bundle, without a framework. */
final class FakeReferences {

    private final AtomicLong ids = new AtomicLong(100);

    /** @return a reference with a fresh service.id, registered by the bundle (null: already gone) */
    ServiceReference<Runnable> reference(String bundle, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        properties.putIfAbsent(Constants.SERVICE_ID, ids.incrementAndGet());
        Bundle owner = bundle == null ? null : bundle(bundle);
        @SuppressWarnings("unchecked")
        ServiceReference<Runnable> reference = (ServiceReference<Runnable>) Proxy.newProxyInstance(
                FakeReferences.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> owner;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "ServiceReference" + properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return reference;
    }

    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(FakeReferences.class.getClassLoader(), new Class<?>[] {Bundle.class},
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
