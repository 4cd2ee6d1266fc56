package io.snackbase.actions.internal;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionType;
import io.snackbase.whiteboard.support.RankedService;
import io.snackbase.whiteboard.support.Registration;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.framework.ServiceReference;

/**
 * Owns the rules an action type id must follow, including who may use an un-namespaced id, and
 * so how an action type service becomes a registration.
 */
final class ActionIds {

    static final int MAX_LENGTH = 100;
    /** Bundles whose symbolic name starts with this may register un-namespaced (built-in) ids. */
    static final String BUILTIN_BUNDLE_PREFIX = "io.snackbase.";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private ActionIds() {}

    /** Reads and validates the properties of an action type service; its id is its only key. */
    static Registration<ActionType, String> registration(ServiceReference<ActionType> reference) {
        RankedService<ActionType> service = RankedService.of(reference);
        Object value = reference.getProperty(ActionConstants.ACTION_TYPE);
        String id = value instanceof String text && !text.isBlank() ? text : null;
        String problem = problem(value, service.bundle());
        return problem == null
                ? Registration.valid(service, id, List.of(), List.of(id))
                : Registration.failed(service, id, List.of(), problem);
    }

    /**
     * @param value the {@value ActionConstants#ACTION_TYPE} property as registered
     * @param bundle the symbolic name of the registering bundle
     * @return why the id is unacceptable, or null when it is fine
     */
    static String problem(Object value, String bundle) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return ActionConstants.ACTION_TYPE + " is missing or blank";
        }
        if (!(value instanceof String id)) {
            return ActionConstants.ACTION_TYPE + " must be a single String, found " + value.getClass().getSimpleName();
        }
        if (id.length() > MAX_LENGTH) {
            return "action type id '" + id.substring(0, 20) + "...' is longer than " + MAX_LENGTH + " characters";
        }
        if (!ID.matcher(id).matches()) {
            return "action type id '" + id + "' is malformed: use dot-separated segments of lowercase letters, "
                    + "digits and _, each starting with a letter";
        }
        // Un-prefixed ids are SnackBase's namespace: a plugin cannot invent "email" by accident,
        // but it may take over a built-in's id on purpose (and is then reported as its winner).
        boolean builtinBundle = bundle != null && bundle.startsWith(BUILTIN_BUNDLE_PREFIX);
        if (id.indexOf('.') < 0 && !builtinBundle && !ActionConstants.BUILTIN_TYPES.contains(id)) {
            return "action type id '" + id + "' must be namespaced (e.g. 'acme." + id + "'): un-namespaced ids "
                    + "are reserved for SnackBase's own bundles, except to replace a built-in ("
                    + String.join(", ", new java.util.TreeSet<>(ActionConstants.BUILTIN_TYPES)) + ")";
        }
        return null;
    }
}
