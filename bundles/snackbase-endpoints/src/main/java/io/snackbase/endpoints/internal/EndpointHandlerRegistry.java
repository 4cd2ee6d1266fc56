package io.snackbase.endpoints.internal;

import io.snackbase.api.endpoints.EndpointHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.whiteboard.support.Registration;
import io.snackbase.whiteboard.support.RegistrationTracker;
import io.snackbase.whiteboard.support.Selection;
import io.snackbase.whiteboard.support.ServiceLocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the whiteboard of endpoint handlers: validation, one winner per method and path template, and lookup. */
@Component(service = {EndpointHandlerRegistry.class, RegistrationSource.class})
public class EndpointHandlerRegistry implements RegistrationSource {

    static final String KIND = "endpoint_handler";
    static final String HANDLER_REFERENCE = "endpointHandler";
    private static final Logger LOG = LoggerFactory.getLogger(EndpointHandlerRegistry.class);

    private final RegistrationTracker<EndpointHandler, EndpointRoute> routes = new RegistrationTracker<>(KIND);
    private volatile ServiceLocator<EndpointHandler> locator;

    /**
     * The handler that serves a request, and what the dispatcher needs to call it.
     *
     * @param handler the handler service
     * @param pathParameters the values of the {@code {name}} segments of its path
     * @param requiresAuthentication false only when the handler registered {@code snackbase.endpoint.auth=false}
     */
    public record Match(EndpointHandler handler, Map<String, String> pathParameters, boolean requiresAuthentication) {}

    /** For DS: completed by {@link #activate}. */
    public EndpointHandlerRegistry() {}

    /** For tests outside OSGi. */
    EndpointHandlerRegistry(ServiceLocator<EndpointHandler> locator) {
        this.locator = locator;
    }

    @Activate
    void activate(ComponentContext context) {
        locator = reference -> context.locateService(HANDLER_REFERENCE, reference);
    }

    @Reference(
            name = HANDLER_REFERENCE,
            service = EndpointHandler.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedEndpointHandler",
            unbind = "unbindEndpointHandler")
    void bindEndpointHandler(ServiceReference<EndpointHandler> reference) {
        Registration<EndpointHandler, EndpointRoute> registration = EndpointProperties.registration(reference);
        routes.put(registration);
    }

    void updatedEndpointHandler(ServiceReference<EndpointHandler> reference) {
        bindEndpointHandler(reference);
    }

    void unbindEndpointHandler(ServiceReference<EndpointHandler> reference) {
        routes.remove(reference);
    }

    /**
     * Finds the handler of a request. Among the routes of the method that match the path, a literal
     * segment beats a parameter at the first segment where they differ; within a route the winner
     * serves, or the next candidate while the winner is being unregistered. Linear in the number of
     * routes, which is small.
     *
     * @param method the HTTP method, upper case
     * @param path the path below the account segment, starting with {@code /}, already decoded
     * @return the handler with its path parameters; empty when no route matches
     */
    Optional<Match> find(String method, String path) {
        if (method == null || path == null || !path.startsWith("/")) {
            return Optional.empty();
        }
        List<String> request = List.of(path.substring(1).split("/", -1));
        Selection<EndpointHandler, EndpointRoute> selection = routes.selection();
        List<EndpointRoute> matching = selection.keys().stream()
                .filter(route -> route.method().equals(method) && route.matches(request))
                .sorted(EndpointRoute.PRECEDENCE)
                .toList();
        for (EndpointRoute route : matching) {
            for (Registration<EndpointHandler, EndpointRoute> candidate : selection.candidates(route)) {
                EndpointHandler handler = obtain(candidate);
                if (handler != null) {
                    ServiceReference<EndpointHandler> reference = candidate.service().reference();
                    return Optional.of(new Match(handler,
                            PathTemplate.parse(candidate.id()).parameters(request),
                            EndpointProperties.requiresAuthentication(reference)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<RegistrationDTO> registrations() {
        return routes.selection().toDTOs();
    }

    private EndpointHandler obtain(Registration<EndpointHandler, EndpointRoute> candidate) {
        try {
            return locator.locate(candidate.service().reference());
        } catch (RuntimeException e) {
            // A service factory that cannot produce the handler: behave as if it were gone.
            LOG.warn("Endpoint handler {} could not be obtained", candidate.service().label(), e);
            return null;
        }
    }
}
