package io.snackbase.jobs.internal;

import io.snackbase.api.jobs.Job;
import io.snackbase.api.jobs.JobConstants;
import io.snackbase.api.jobs.JobHandler;
import io.snackbase.whiteboard.support.ServiceLocator;
import io.snackbase.whiteboard.support.testing.FakeServiceRegistry;
import java.util.HashMap;
import java.util.Map;
import org.osgi.framework.ServiceReference;

/** A stand-in for the service registry: job handler references with properties, and a locator over them. */
final class FakeJobHandlers implements ServiceLocator<JobHandler> {

    private final FakeServiceRegistry registry = new FakeServiceRegistry();

    /** Registers a handler that records its name, with the topics (when not null) and extra properties. */
    ServiceReference<JobHandler> handler(String name, String bundle, Object topics, Object... keyValues) {
        Map<String, Object> properties = FakeServiceRegistry.properties(keyValues);
        if (topics != null) {
            properties.put(JobConstants.JOB_TOPICS, topics);
        }
        return registry.register(named(name), bundle, properties);
    }

    /** Registers the given handler for the topics, from bundle {@code com.acme.test}. */
    ServiceReference<JobHandler> register(JobHandler handler, String... topics) {
        return registry.register(handler, "com.acme.test", FakeServiceRegistry.properties(JobConstants.JOB_TOPICS, topics));
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
    public JobHandler locate(ServiceReference<JobHandler> reference) {
        return registry.locate(reference);
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
}
