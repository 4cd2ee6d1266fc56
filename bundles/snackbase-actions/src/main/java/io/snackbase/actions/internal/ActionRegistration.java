package io.snackbase.actions.internal;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.ServiceReference;

/**
 * Owns what the registry knows about one {@link ActionType} service: its id, its rank among
 * the services of that id and, when invalid, why it is never used.
 *
 * @param reference the service
 * @param serviceId its service.id
 * @param ranking its service.ranking
 * @param bundle the registering bundle's symbolic name
 * @param bundleId the registering bundle's id
 * @param id the action type id as registered (null when missing or not a String)
 * @param failure why the registration is invalid, or null when it is valid
 */
record ActionRegistration(
        ServiceReference<ActionType> reference,
        long serviceId,
        int ranking,
        String bundle,
        long bundleId,
        String id,
        String failure) {

    static final String KIND = "action_type";

    /** Selection order among services of one id: highest ranking, then the oldest service. */
    static final Comparator<ActionRegistration> ORDER = Comparator.comparingInt(ActionRegistration::ranking)
            .reversed()
            .thenComparingLong(ActionRegistration::serviceId);

    /** Reads and validates the properties of an action type service. */
    static ActionRegistration of(ServiceReference<ActionType> reference) {
        Object value = reference.getProperty(ActionConstants.ACTION_TYPE);
        String bundle = ServiceProps.bundleName(reference);
        String id = value instanceof String text && !text.isBlank() ? text : null;
        return new ActionRegistration(
                reference,
                ServiceProps.serviceId(reference),
                ServiceProps.ranking(reference),
                bundle,
                ServiceProps.bundleId(reference),
                id,
                ActionIds.problem(value, bundle));
    }

    boolean valid() {
        return failure == null;
    }

    /** @return "bundle/service id", for logs */
    String label() {
        return bundle + "/" + serviceId;
    }

    RegistrationDTO toDTO(RegistrationState state, String reason) {
        return new RegistrationDTO(KIND, id, bundle, bundleId, serviceId, ranking, List.of(), List.of(), state, reason);
    }
}
