package io.snackbase.api.endpoints;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves a custom HTTP endpoint under {@code /api/v1/x/{account}/...}, registered by any bundle
 * as an OSGi service. SnackBase resolves the tenant, authenticates the caller and audits the
 * call before the handler runs; plugins never register raw JAX-RS resources for this.
 *
 * <h2>Registration</h2>
 * {@value EndpointConstants#ENDPOINT_PATH} (required), {@value EndpointConstants#ENDPOINT_METHODS}
 * (default GET), {@value EndpointConstants#ENDPOINT_AUTH} (default true), {@code service.ranking}.
 * Use {@link SnackbaseEndpoint}. For one path and method the highest ranking wins, then the
 * lowest service id; the others are reported as shadowed.
 *
 * <h2>Threading</h2>
 * Called concurrently on request threads; implementations must be thread-safe.
 */
@ConsumerType
@FunctionalInterface
public interface EndpointHandler {

    /**
     * @param request the call, with its tenant and caller
     * @return the response to send
     * @throws Exception an unexpected failure: the caller receives a 500 without details
     */
    EndpointResponse handle(EndpointRequest request) throws Exception;
}
