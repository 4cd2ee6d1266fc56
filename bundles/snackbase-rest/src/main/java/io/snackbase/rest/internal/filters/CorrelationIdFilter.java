package io.snackbase.rest.internal.filters;

import io.snackbase.rest.internal.Whiteboard;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.MDC;

/**
 * Gives every request a correlation id (echoed or generated), keeps it in the logging MDC while
 * the request runs, and stamps it and the security headers on every response.
 *
 * <p>Pre-matching, so that requests matching no resource (404, 405) get an id too.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JakartarsExtension
@JakartarsName("snackbase.correlation")
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@PreMatching
// before authentication, which stamps the id into the request's context
@Priority(Priorities.AUTHENTICATION - 100)
public class CorrelationIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Request property holding the id, because the MDC may be gone in async responses. */
    static final String PROPERTY = "io.snackbase.correlation_id";

    @Override
    public void filter(ContainerRequestContext request) {
        String id = CorrelationIds.echoOrGenerate(request.getHeaderString(CorrelationIds.HEADER));
        request.setProperty(PROPERTY, id);
        // resources and exception mappers read the effective id from the request header
        request.getHeaders().putSingle(CorrelationIds.HEADER, id);
        MDC.put(CorrelationIds.MDC_KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id == null) {
            id = CorrelationIds.echoOrGenerate(request.getHeaderString(CorrelationIds.HEADER));
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(CorrelationIds.HEADER, id);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        // Jetty reuses the thread for the next request; an id left behind would mislabel logs
        MDC.remove(CorrelationIds.MDC_KEY);
    }

    private static void setIfAbsent(MultivaluedMap<String, Object> headers, String name, String value) {
        if (!headers.containsKey(name)) {
            headers.putSingle(name, value);
        }
    }
}
