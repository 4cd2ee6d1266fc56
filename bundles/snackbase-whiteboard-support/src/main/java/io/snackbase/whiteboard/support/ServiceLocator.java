package io.snackbase.whiteboard.support;

import org.osgi.framework.ServiceReference;

/**
 * Turns a bound reference into the service object, lazily, when it is used; in OSGi this is
 * {@code ComponentContext.locateService}, which answers null once the service is gone.
 *
 * @param <S> the service type
 */
@FunctionalInterface
public interface ServiceLocator<S> {

    /** @return the service, or null when it is gone or cannot be obtained */
    S locate(ServiceReference<S> reference);
}
