package io.snackbase.hooks.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Reads whiteboard service properties the way the OSGi specification defines them. */
final class ServiceProps {

    private ServiceProps() {}

    /**
     * @param value a String, String[] or Collection of Strings, or null
     * @return the values, blank ones dropped; empty for null
     * @throws IllegalArgumentException for any other type
     */
    static List<String> strings(Object value) {
        List<String> values = new ArrayList<>();
        if (value == null) {
            return values;
        }
        if (value instanceof String single) {
            add(values, single);
        } else if (value instanceof String[] array) {
            for (String item : array) {
                add(values, item);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                if (!(item instanceof String text)) {
                    throw new IllegalArgumentException("must hold strings only, found " + typeName(item));
                }
                add(values, text);
            }
        } else {
            throw new IllegalArgumentException("must be a String or String[], found " + typeName(value));
        }
        return values;
    }

    /** @return the service.ranking; 0 when absent or not an Integer, as the framework treats it */
    static int ranking(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    static long serviceId(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_ID) instanceof Long id ? id : -1L;
    }

    /** @return true for Boolean.TRUE or the text "true" (configuration admin may deliver either) */
    static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value instanceof String s && Boolean.parseBoolean(s.trim());
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

    private static void add(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.trim());
        }
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
