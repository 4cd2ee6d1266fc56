package io.snackbase.api.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A registry that reports what it has seen, for {@code GET /api/v1/admin/runtime} and the
 * SnackBase Web Console page. Each SnackBase registry (actions, hooks, endpoints, jobs)
 * registers one as an OSGi service; every registered source is listed.
 *
 * <p>Called on request threads at any time; implementations return a consistent snapshot and
 * must be thread-safe.
 */
@ConsumerType
public interface RegistrationSource {

    /** @return the extension point this source reports, e.g. {@code action_type} */
    String kind();

    /** @return every registration the registry tracks, including shadowed and failed ones */
    List<RegistrationDTO> registrations();
}
