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
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Answers CORS preflights and stamps the CORS headers on answers to allowed origins, so that the
 * SDK works from a browser. An origin that is not allowed gets no CORS headers (the browser then
 * refuses to expose the answer); the request itself is not rejected, since non-browser clients
 * send no Origin and the server's rules apply either way.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, configurationPid = "io.snackbase.rest.cors")
@Designate(ocd = CorsConfig.class)
@JakartarsExtension
@JakartarsName("snackbase.cors")
@JakartarsApplicationSelect(Whiteboard.BOTH_APPLICATIONS)
@PreMatching
// before authentication: a preflight carries no credentials and must not reach a resource
@Priority(Priorities.AUTHENTICATION - 200)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final List<String> DEVELOPMENT_ORIGINS = List.of("http://localhost:3000", "http://localhost:5173", "http://localhost:8000");
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key, X-Account-ID, X-Correlation-ID";
    static final String EXPOSED_HEADERS = "X-Correlation-ID, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, "
            + "x-function-execution-id";
    static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

    private final List<String> origins;
    private final int maxAge;

    @Activate
    public CorsFilter(CorsConfig config, BundleContext context) {
        this(origins(config.allowedOrigins(), System.getenv("SNACKBASE_CORS_ORIGINS"), context.getProperty("snackbase.environment")),
                config.maxAgeSeconds());
    }

    CorsFilter(List<String> origins, int maxAge) {
        this.origins = List.copyOf(origins);
        this.maxAge = maxAge;
    }

    /** Configuration first, then the environment variable, then the mode's default. */
    static List<String> origins(String[] configured, String fromEnvironment, String environment) {
        if (configured.length > 0) {
            return Arrays.stream(configured).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Arrays.stream(fromEnvironment.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return "development".equals(environment) ? DEVELOPMENT_ORIGINS : List.of();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if ("OPTIONS".equals(request.getMethod()) && origin != null && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.noContent();
            if (allowed(origin)) {
                preflight.header("Access-Control-Allow-Methods", METHODS)
                        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .header("Access-Control-Max-Age", maxAge);
            }
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !allowed(origin)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean any = origins.contains("*");
        headers.putSingle("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            // credentials only with an exact origin, as browsers require
            headers.putSingle("Access-Control-Allow-Credentials", "true");
            headers.add("Vary", "Origin");
        }
        headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    private boolean allowed(String origin) {
        return origins.contains("*") || origins.contains(origin);
    }
}
