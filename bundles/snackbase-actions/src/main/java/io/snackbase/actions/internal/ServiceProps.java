package io.snackbase.actions.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Reads the framework-defined properties of a whiteboard service the way the specification defines them. */
final class ServiceProps {

    private ServiceProps() {}

    /** @return the service.ranking; 0 when absent or not an Integer, as the framework treats it */
    static int ranking(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    static long serviceId(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_ID) instanceof Long id ? id : -1L;
    }

    /** @return the registering bundle's symbolic name; "unknown" once the service is gone */
    static String bundleName(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        String name = bundle == null ? null : bundle.getSymbolicName();
        return name == null ? "unknown" : name;
    }

    static long bundleId(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? -1L : bundle.getBundleId();
    }
}
