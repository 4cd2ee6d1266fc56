package io.snackbase.endpoints.internal;

import java.util.Comparator;
import java.util.List;

/**
 * Owns what endpoint handlers compete for: one HTTP method on one path template whose parameters
 * are anonymous, so {@code GET /a/{x}} and {@code GET /a/{y}} are the same route.
 *
 * @param method the HTTP method, upper case
 * @param segments the {@link PathTemplate#normalised() normalised} segments of the template
 */
record EndpointRoute(String method, List<String> segments) {

    /**
     * Among routes that match one request path: at the first segment where they differ, a literal
     * beats a parameter, so {@code /orders/new} beats {@code /orders/{id}}.
     */
    static final Comparator<EndpointRoute> PRECEDENCE = (a, b) -> {
        for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
            boolean aLiteral = !PathTemplate.ANY.equals(a.segments.get(i));
            boolean bLiteral = !PathTemplate.ANY.equals(b.segments.get(i));
            if (aLiteral != bLiteral) {
                return aLiteral ? -1 : 1;
            }
        }
        return 0;
    };

    EndpointRoute {
        segments = List.copyOf(segments);
    }

    /** @return whether a request path with these segments is served on this route (any method) */
    boolean matches(List<String> request) {
        if (request.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String given = request.get(i);
            boolean ok = PathTemplate.ANY.equals(segment) ? !given.isEmpty() : segment.equals(given);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** @return e.g. {@code GET /orders/{}}, as shadowing reasons name it */
    @Override
    public String toString() {
        return method + " /" + String.join("/", segments);
    }
}
