package io.snackbase.hooks.internal;

import io.snackbase.api.hooks.LifecycleHookHandler;
import org.osgi.framework.ServiceReference;

/**
 * Turns a bound handler reference into the service object, lazily, at dispatch time; in OSGi
 * this is {@code ComponentContext.locateService}, which answers null once the service is gone.
 */
@FunctionalInterface
interface HandlerLocator {

    /** @return the handler, or null when it was unregistered in the meantime */
    LifecycleHookHandler locate(ServiceReference<LifecycleHookHandler> reference);
}
