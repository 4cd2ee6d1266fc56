package io.snackbase.api.endpoints;

/** Service property names of {@link EndpointHandler} registrations. */
public final class EndpointConstants {

    /**
     * Required: the path below {@code /api/v1/x/{account}/}, starting with {@code /}; segments
     * may be {@code {name}} parameters (value is "snackbase.endpoint.path").
     */
    public static final String ENDPOINT_PATH = "snackbase.endpoint.path";

    /**
     * Optional: the HTTP methods served, String or String[] (value is
     * "snackbase.endpoint.methods"). Default: GET.
     */
    public static final String ENDPOINT_METHODS = "snackbase.endpoint.methods";

    /**
     * Optional Boolean: whether callers must be authenticated (value is "snackbase.endpoint.auth").
     * Default true.
     */
    public static final String ENDPOINT_AUTH = "snackbase.endpoint.auth";

    private EndpointConstants() {}
}
