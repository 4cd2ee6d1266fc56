package io.snackbase.whiteboard.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the registrations a registry has bound and publishes an immutable {@link Selection} of
 * them after each change, so that readers take one consistent view without locking.
 *
 * @param <S> the service type
 * @param <K> the key type
 */
public final class RegistrationTracker<S, K> {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationTracker.class);

    private final String kind;
    private final Object lock = new Object();
    private final Map<Long, Registration<S, K>> tracked = new HashMap<>();
    private volatile Selection<S, K> selection;

    /** @param kind the {@code RegistrationDTO.kind} the selections report */
    public RegistrationTracker(String kind) {
        this.kind = kind;
        this.selection = new Selection<>(kind, List.of());
    }

    /**
     * Adds a registration, or replaces the one of the same service (its properties changed), and
     * logs it: an operator should see why a plugin's service is not used without asking the API.
     */
    public void put(Registration<S, K> registration) {
        if (registration.isValid()) {
            LOG.info("{} {} registered by {} (ranking {})", kind, registration.reportedKeys(),
                    registration.service().label(), registration.service().ranking());
        } else {
            LOG.warn("{} service {} is not used: {}", kind, registration.service().label(), registration.failure());
        }
        synchronized (lock) {
            tracked.put(registration.service().serviceId(), registration);
            selection = new Selection<>(kind, tracked.values());
        }
    }

    /** @return whether the service was tracked (and is not any more) */
    public boolean remove(ServiceReference<?> reference) {
        synchronized (lock) {
            if (tracked.remove(ServiceProperties.serviceId(reference)) == null) {
                return false;
            }
            selection = new Selection<>(kind, tracked.values());
            return true;
        }
    }

    /** @return the current view; it never changes, later changes publish a new one */
    public Selection<S, K> selection() {
        return selection;
    }
}
