package io.snackbase.hooks.internal;

import io.snackbase.whiteboard.support.ServiceProperties;
import io.snackbase.api.hooks.HookConstants;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.hooks.LifecycleHookHandler;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationState;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.ServiceReference;

/**
 * Owns what the dispatcher knows about one {@link LifecycleHookHandler} service: its validated
 * properties, its place in the order and, when invalid, why it is never called.
 *
 * @param reference the service
 * @param serviceId its service.id
 * @param ranking its service.ranking
 * @param bundle the registering bundle's symbolic name
 * @param bundleId the registering bundle's id
 * @param events the events it receives (as registered, even when invalid)
 * @param collections the collections it is limited to; empty for all
 * @param stopOnError whether a failure stops the chain
 * @param failure why the registration is invalid, or null when it is active
 */
record HookRegistration(
        ServiceReference<LifecycleHookHandler> reference,
        long serviceId,
        int ranking,
        String bundle,
        long bundleId,
        List<String> events,
        List<String> collections,
        boolean stopOnError,
        String failure) {

    static final String KIND = "hook_handler";

    /** Dispatch order: highest ranking first, then the oldest service (lowest id). */
    static final Comparator<HookRegistration> ORDER = Comparator.comparingInt(HookRegistration::ranking)
            .reversed()
            .thenComparingLong(HookRegistration::serviceId);

    /** Reads and validates the properties of a handler service. */
    static HookRegistration of(ServiceReference<LifecycleHookHandler> reference) {
        List<String> events = List.of();
        List<String> collections = List.of();
        String failure = null;
        try {
            events = List.copyOf(ServiceProps.strings(reference.getProperty(HookConstants.HOOK_EVENTS)));
            failure = eventsProblem(events);
        } catch (IllegalArgumentException e) {
            failure = HookConstants.HOOK_EVENTS + " " + e.getMessage();
        }
        try {
            collections = List.copyOf(ServiceProps.strings(reference.getProperty(HookConstants.HOOK_COLLECTIONS)));
        } catch (IllegalArgumentException e) {
            failure = failure != null ? failure : HookConstants.HOOK_COLLECTIONS + " " + e.getMessage();
        }
        return new HookRegistration(
                reference,
                ServiceProperties.serviceId(reference),
                ServiceProperties.ranking(reference),
                ServiceProperties.bundleName(reference),
                ServiceProperties.bundleId(reference),
                events,
                collections,
                ServiceProps.flag(reference.getProperty(HookConstants.HOOK_STOP_ON_ERROR)),
                failure);
    }

    private static String eventsProblem(List<String> events) {
        if (events.isEmpty()) {
            return HookConstants.HOOK_EVENTS + " is missing or empty; name the events the handler receives";
        }
        for (String event : events) {
            if (event.contains("*")) {
                // A wildcard would silently subscribe a handler to events added in later versions.
                return HookConstants.HOOK_EVENTS + " may not contain '" + event + "'; list the exact event names";
            }
            if (!HookEvents.isKnown(event)) {
                return HookConstants.HOOK_EVENTS + " names an unknown event '" + event + "'";
            }
        }
        return null;
    }

    boolean active() {
        return failure == null;
    }

    /**
     * @return true when this active handler receives the event: an event without a collection
     *     does not reach a handler limited to collections
     */
    boolean matches(String event, String collection) {
        if (!active() || !events.contains(event)) {
            return false;
        }
        return collections.isEmpty() || (collection != null && collections.contains(collection));
    }

    /** @return "bundle/service id", the prefix of the dispatch error lines */
    String label() {
        return bundle + "/" + serviceId;
    }

    RegistrationDTO toDTO() {
        return new RegistrationDTO(
                KIND,
                events.isEmpty() ? null : events.get(0),
                bundle,
                bundleId,
                serviceId,
                ranking,
                events,
                collections,
                active() ? RegistrationState.ACTIVE : RegistrationState.FAILED,
                failure);
    }
}
