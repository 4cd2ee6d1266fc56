package io.snackbase.whiteboard.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Reads the properties of a whiteboard service the way the OSGi specification defines them. */
public final class ServiceProperties {

    private ServiceProperties() {}

    /** @return the service.ranking; 0 when absent or not an Integer, as the framework treats it */
    public static int ranking(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    /** @return the service.id; -1 when the reference has none */
    public static long serviceId(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_ID) instanceof Long id ? id : -1L;
    }

    /** @return the registering bundle's symbolic name; "unknown" once the service is gone */
    public static String bundleName(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        String name = bundle == null ? null : bundle.getSymbolicName();
        return name == null ? "unknown" : name;
    }

    /** @return the registering bundle's id; -1 once the service is gone */
    public static long bundleId(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null ? -1L : bundle.getBundleId();
    }

    /**
     * Reads a property that may hold one String or several, as DS and the framework allow: a
     * String, a String[] or a Collection of Strings.
     *
     * @param value the property value, possibly null
     * @return the Strings in order (empty when the value is null), or null when the value is of
     *     another type or holds something other than a String
     */
    public static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        Collection<?> items;
        if (value instanceof String[] array) {
            items = Arrays.asList(array);
        } else if (value instanceof Collection<?> collection) {
            items = collection;
        } else {
            return null;
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                return null;
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }
}
