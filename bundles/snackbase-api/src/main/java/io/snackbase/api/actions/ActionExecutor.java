package io.snackbase.api.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds the winning {@link ActionType} for an id and runs it. API-defined hooks and workflows
 * call it; plugins register action types instead.
 *
 * <p>Registered by the snackbase-actions bundle with {@code snackbase.impl=default}. Thread-safe;
 * action types may come and go at any time, and each call uses the winner of that moment.
 */
@ProviderType
public interface ActionExecutor {

    /**
     * @param type an action type id
     * @return the winning action type, if one is registered
     */
    Optional<ActionType> find(String type);

    /**
     * Validates a config for storage.
     *
     * @param type an action type id
     * @param config the config
     * @return the problems; empty when acceptable
     * @throws UnknownActionTypeException when no action type has that id
     */
    List<String> validate(String type, Map<String, Object> config);

    /**
     * Runs an action. Never throws for a failing action: exceptions become failed results.
     *
     * @param type an action type id
     * @param context the context; {@link ActionContext#depth()} at or over
     *     {@link ActionConstants#MAX_DEPTH} gives a failed result without running anything
     * @param config the stored config
     * @return the outcome
     * @throws UnknownActionTypeException when no action type has that id (a 400 to an HTTP caller)
     */
    ActionResult execute(String type, ActionContext context, Map<String, Object> config);
}
