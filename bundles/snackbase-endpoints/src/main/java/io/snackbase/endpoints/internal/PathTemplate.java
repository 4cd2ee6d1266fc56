package io.snackbase.endpoints.internal;

import io.snackbase.api.endpoints.EndpointConstants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Owns the rules of a registered endpoint path such as {@code /orders/{id}/lines}: its literal
 * and {@code {name}} segments, and the values a request path gives its parameters.
 *
 * @param path the path as registered
 * @param segments its segments, literals as they are and parameters as {@code {name}}
 */
record PathTemplate(String path, List<String> segments) {

    static final int MAX_LENGTH = 200;
    /** How a parameter segment appears in a {@link #normalised()} template: its name does not matter for selection. */
    static final String ANY = "{}";

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    PathTemplate {
        segments = List.copyOf(segments);
    }

    /**
     * @param path the {@value EndpointConstants#ENDPOINT_PATH} property, already known to be a String
     * @throws IllegalArgumentException with the reason when the path breaks a rule
     */
    static PathTemplate parse(String path) {
        if (path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("endpoint path '" + path.substring(0, 20) + "...' is longer than "
                    + MAX_LENGTH + " characters");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("endpoint path '" + path + "' must start with /");
        }
        List<String> segments = List.of(path.substring(1).split("/", -1));
        Set<String> names = new HashSet<>();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("endpoint path '" + path + "' has an empty segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                // A request path never reaches a handler with these: clients and servlets normalise them away.
                throw new IllegalArgumentException("endpoint path '" + path + "' has a relative segment '"
                        + segment + "'");
            }
            Matcher parameter = PARAMETER.matcher(segment);
            if (parameter.matches()) {
                if (!names.add(parameter.group(1))) {
                    throw new IllegalArgumentException("endpoint path '" + path + "' names the parameter '"
                            + parameter.group(1) + "' twice");
                }
            } else if (!LITERAL.matcher(segment).matches()) {
                throw new IllegalArgumentException("endpoint path '" + path + "' has an invalid segment '" + segment
                        + "': use letters, digits and . _ ~ -, or a {name} parameter (letters, digits and _, "
                        + "not starting with a digit)");
            }
        }
        return new PathTemplate(path, segments);
    }

    /** @return the segments with every parameter as {@value #ANY}: {@code /a/{x}} and {@code /a/{y}} compete */
    List<String> normalised() {
        List<String> normalised = new ArrayList<>(segments.size());
        for (String segment : segments) {
            normalised.add(isParameter(segment) ? ANY : segment);
        }
        return normalised;
    }

    /**
     * @param request the segments of a request path this template matches
     * @return the parameter values by name
     */
    Map<String, String> parameters(List<String> request) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (isParameter(segment)) {
                values.put(segment.substring(1, segment.length() - 1), request.get(i));
            }
        }
        return Map.copyOf(values);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{");
    }
}
