package io.snackbase.actions.internal;

import io.snackbase.api.actions.ActionType;
import io.snackbase.whiteboard.support.ServiceLocator;
import org.osgi.framework.ServiceReference;

/**
 * Turns a bound action type reference into the service object, lazily, when it is used; in OSGi
 * this is {@code ComponentContext.locateService}, which answers null once the service is gone.
 */
@FunctionalInterface
interface ActionLocator extends ServiceLocator<ActionType> {

    /** @return the action type, or null when it was unregistered in the meantime */
    @Override
    ActionType locate(ServiceReference<ActionType> reference);
}
