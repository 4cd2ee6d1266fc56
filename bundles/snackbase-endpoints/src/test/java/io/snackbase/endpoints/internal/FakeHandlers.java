package io.snackbase.endpoints.internal;

import io.snackbase.api.endpoints.EndpointConstants;
import io.snackbase.api.endpoints.EndpointHandler;
import io.snackbase.api.endpoints.EndpointResponse;
import io.snackbase.whiteboard.support.ServiceLocator;
import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import java.util.Map;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: endpoint handler references with properties, and a locator over them. */
final class FakeHandlers implements ServiceLocator<EndpointHandler> {

    private final FakeServiceRegistry registry = new FakeServiceRegistry();

    /** Registers a handler that answers with its name, with the path (when not null) and extra properties. */
    ServiceReference<EndpointHandler> handler(String name, String bundle, Object path, Object... keyValues) {
        Map<String, Object> properties = FakeServiceRegistry.properties(keyValues);
        if (path != null) {
            properties.put(EndpointConstants.ENDPOINT_PATH, path);
        }
        return registry.register(named(name), bundle, properties);
    }

    /** Changes a property of a registered handler, as {@code ServiceRegistration.setProperties} does. */
    void setProperty(ServiceReference<?> reference, String key, Object value) {
        registry.setProperty(reference, key, value);
    }

    /** Makes the service unavailable, as the framework does on unregistration. */
    void unregister(ServiceReference<?> reference) {
        registry.unregister(reference);
    }

    @Override
    public EndpointHandler locate(ServiceReference<EndpointHandler> reference) {
        return registry.locate(reference);
    }

    /** @return the name of a handler made by {@link #handler}, so a test can tell which one serves */
    static String nameOf(EndpointHandler handler) throws Exception {
        return (String) handler.handle(null).body();
    }

    private static EndpointHandler named(String name) {
        return request -> EndpointResponse.ok(name);
    }
}
