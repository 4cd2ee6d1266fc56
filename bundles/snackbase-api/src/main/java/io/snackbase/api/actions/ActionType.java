package io.snackbase.api.actions;

import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.config.ConfigValidation;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something an API-defined hook or a workflow step can do ({@code send_email},
 * {@code acme.slack_post}), registered by any bundle as an OSGi service; it never calls a
 * registration method.
 *
 * <h2>Registration</h2>
 * <ul>
 *   <li>{@value ActionConstants#ACTION_TYPE} (required String): the id. Built-ins are
 *       un-prefixed; a third-party id must contain a dot ({@code acme.slack_post}).
 *   <li>{@value ActionConstants#ACTION_LABEL} (optional String).
 *   <li>{@code service.ranking} (optional Integer, default 0).
 * </ul>
 * Use {@link SnackbaseActionType} on a DS component to set them.
 *
 * <h2>Selection</h2>
 * One winner per id: the highest {@code service.ranking}, then the lowest {@code service.id}.
 * The others are reported as shadowed by {@code GET /api/v1/admin/runtime} and take over when
 * the winner goes away. Registrations without an id, with a malformed id, or with an
 * un-namespaced id from a bundle other than SnackBase's are reported as failed.
 *
 * <h2>Config</h2>
 * A config is per-tenant data stored with the hook or workflow. {@link #validate} runs when the
 * hook is saved; a non-empty answer rejects the save with a 4xx naming the problems. Values of
 * settings described as secret are redacted whenever a config is read back.
 *
 * <h2>Threading</h2>
 * {@link #execute} may be called concurrently from several threads (request threads and job
 * workers); implementations must be thread-safe and should not block longer than needed.
 */
@ConsumerType
public interface ActionType {

    /** @return the settings this action takes, for validation, documentation and redaction */
    List<ConfigProperty> configProperties();

    /**
     * Checks a config before it is stored. The default checks it against
     * {@link #configProperties()}; override to add checks, and call the default first.
     *
     * @param config the config as the client sent it
     * @return one message per problem; empty when the config is acceptable
     */
    default List<String> validate(Map<String, Object> config) {
        return ConfigValidation.problems(configProperties(), config);
    }

    /**
     * Performs the action.
     *
     * @param context the tenant, caller, triggering event and record, template variables and depth
     * @param config the stored config, with {@code {{variables}}} not yet rendered (use
     *     {@link ActionContext#render(String)} on the values that allow templates)
     * @return the outcome; return {@link ActionResult#failed} for an expected failure
     * @throws Exception an unexpected failure; recorded like a failed result
     */
    ActionResult execute(ActionContext context, Map<String, Object> config) throws Exception;
}
