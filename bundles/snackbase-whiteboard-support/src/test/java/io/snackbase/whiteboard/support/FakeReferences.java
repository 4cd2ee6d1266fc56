package io.snackbase.whiteboard.support;

import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import org.osgi.framework.ServiceReference;

/** Service references with properties and a registering bundle, without a framework. */
final class FakeReferences {

    private final FakeServiceRegistry registry = new FakeServiceRegistry();

    /** @return a reference with a fresh service.id, registered by the bundle (null: already gone) */
    ServiceReference<Runnable> reference(String bundle, Object... keyValues) {
        return registry.register(null, bundle, FakeServiceRegistry.properties(keyValues));
    }
}
