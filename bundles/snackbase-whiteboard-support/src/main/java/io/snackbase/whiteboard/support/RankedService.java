package io.snackbase.whiteboard.support;

import java.util.Comparator;
import org.osgi.framework.ServiceReference;

/**
 * Owns who registered one whiteboard service and where it ranks, read once from its reference.
 *
 * @param <S> the service type
 * @param reference the service
 * @param serviceId its service.id
 * @param ranking its service.ranking
 * @param bundle the registering bundle's symbolic name
 * @param bundleId the registering bundle's id
 */
public record RankedService<S>(ServiceReference<S> reference, long serviceId, int ranking, String bundle,
        long bundleId) {

    /**
     * Selection order among services competing for one key: the highest ranking first, then the
     * lowest service id (the oldest service), as the framework orders references.
     */
    public static final Comparator<RankedService<?>> ORDER = Comparator
            .comparingInt((RankedService<?> service) -> service.ranking())
            .reversed()
            .thenComparingLong(RankedService::serviceId);

    /** Reads the framework-defined properties of a service. */
    public static <S> RankedService<S> of(ServiceReference<S> reference) {
        return new RankedService<>(
                reference,
                ServiceProperties.serviceId(reference),
                ServiceProperties.ranking(reference),
                ServiceProperties.bundleName(reference),
                ServiceProperties.bundleId(reference));
    }

    /** @return "bundle/service id", for logs */
    public String label() {
        return bundle + "/" + serviceId;
    }
}
