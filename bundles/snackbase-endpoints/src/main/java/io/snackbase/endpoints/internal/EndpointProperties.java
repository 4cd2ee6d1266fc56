package io.snackbase.endpoints.internal;

import io.snackbase.api.endpoints.EndpointConstants;
import io.snackbase.api.endpoints.EndpointHandler;
import io.snackbase.whiteboard.support.RankedService;
import io.snackbase.whiteboard.support.Registration;
import io.snackbase.whiteboard.support.ServiceProperties;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osgi.framework.ServiceReference;

/** Owns the rules of an endpoint handler's service properties and turns a handler service into a registration. */
final class EndpointProperties {

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> DEFAULT_METHODS = List.of("GET");

    private EndpointProperties() {}

    /**
     * Reads and validates a handler's path, methods and auth flag; it competes for one route per
     * method. Reported with the path as id and the methods as keys.
     */
    static Registration<EndpointHandler, EndpointRoute> registration(ServiceReference<EndpointHandler> reference) {
        RankedService<EndpointHandler> service = RankedService.of(reference);
        Object pathValue = reference.getProperty(EndpointConstants.ENDPOINT_PATH);
        Object methodsValue = reference.getProperty(EndpointConstants.ENDPOINT_METHODS);
        String path = pathValue instanceof String text && !text.isBlank() ? text : null;
        List<String> methods = methodsValue == null ? DEFAULT_METHODS : distinct(ServiceProperties.strings(methodsValue));
        List<String> reported = methods == null ? List.of() : methods;

        try {
            List<String> normalised = template(pathValue).normalised();
            checkMethods(methodsValue, methods);
            checkAuth(reference.getProperty(EndpointConstants.ENDPOINT_AUTH));
            List<EndpointRoute> routes = new ArrayList<>(methods.size());
            for (String method : methods) {
                routes.add(new EndpointRoute(method, normalised));
            }
            return Registration.valid(service, path, reported, routes);
        } catch (IllegalArgumentException e) {
            return Registration.failed(service, path, reported, e.getMessage());
        }
    }

    /** @return whether callers must be authenticated: true unless the handler says false */
    static boolean requiresAuthentication(ServiceReference<?> reference) {
        return !Boolean.FALSE.equals(reference.getProperty(EndpointConstants.ENDPOINT_AUTH));
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? null : List.copyOf(new LinkedHashSet<>(values));
    }

    private static PathTemplate template(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException(EndpointConstants.ENDPOINT_PATH + " is missing or blank");
        }
        if (!(value instanceof String path)) {
            throw new IllegalArgumentException(EndpointConstants.ENDPOINT_PATH + " must be a single String, found "
                    + value.getClass().getSimpleName());
        }
        return PathTemplate.parse(path);
    }

    private static void checkMethods(Object value, List<String> methods) {
        if (methods == null) {
            throw new IllegalArgumentException(EndpointConstants.ENDPOINT_METHODS + " must be a String or String[], found "
                    + value.getClass().getSimpleName());
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException(EndpointConstants.ENDPOINT_METHODS + " names no method (leave it out for GET)");
        }
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("unsupported HTTP method '" + method + "' in "
                        + EndpointConstants.ENDPOINT_METHODS + ": use GET, POST, PUT, PATCH or DELETE");
            }
        }
    }

    // A String "false" is refused rather than guessed at: reading it as true or as false would both
    // surprise someone, and this flag decides who may call the endpoint.
    private static void checkAuth(Object value) {
        if (value != null && !(value instanceof Boolean)) {
            throw new IllegalArgumentException(EndpointConstants.ENDPOINT_AUTH + " must be a Boolean, found "
                    + value.getClass().getSimpleName() + " (in a DS property write " + EndpointConstants.ENDPOINT_AUTH
                    + ":Boolean=false)");
        }
    }
}
