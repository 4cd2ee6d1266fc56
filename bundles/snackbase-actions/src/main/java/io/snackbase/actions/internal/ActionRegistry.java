package io.snackbase.actions.internal;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionExecutor;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.UnknownActionTypeException;
import io.snackbase.api.runtime.RegistrationDTO;
import io.snackbase.api.runtime.RegistrationSource;
import io.snackbase.api.storage.StorageConstants;
import io.snackbase.whiteboard.support.Registration;
import io.snackbase.whiteboard.support.RegistrationTracker;
import io.snackbase.whiteboard.support.ServiceProperties;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the whiteboard of action types: validation, one winner per id, and execution. */
@Component(
        service = {ActionExecutor.class, RegistrationSource.class},
        property = StorageConstants.IMPL + "=default")
public class ActionRegistry implements ActionExecutor, RegistrationSource {

    static final String KIND = "action_type";
    static final String ACTION_REFERENCE = "actionType";
    static final String DEPTH_LIMIT_MESSAGE = "Action depth limit (" + ActionConstants.MAX_DEPTH + ") reached";
    private static final Logger LOG = LoggerFactory.getLogger(ActionRegistry.class);

    // Copy-on-write: readers take one consistent view without locking.
    private final RegistrationTracker<ActionType, String> types = new RegistrationTracker<>(KIND);
    private volatile ActionLocator locator;

    /** For DS: completed by {@link #activate}. */
    public ActionRegistry() {}

    /** For tests outside OSGi. */
    ActionRegistry(ActionLocator locator) {
        this.locator = locator;
    }

    @Activate
    void activate(ComponentContext context) {
        locator = reference -> context.locateService(ACTION_REFERENCE, reference);
    }

    @Reference(
            name = ACTION_REFERENCE,
            service = ActionType.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedActionType",
            unbind = "unbindActionType")
    void bindActionType(ServiceReference<ActionType> reference) {
        Registration<ActionType, String> registration = ActionIds.registration(reference);
        types.put(registration);
    }

    void updatedActionType(ServiceReference<ActionType> reference) {
        bindActionType(reference);
    }

    void unbindActionType(ServiceReference<ActionType> reference) {
        types.remove(reference);
    }

    @Override
    public Optional<ActionType> find(String type) {
        return available(type);
    }

    @Override
    public List<String> validate(String type, Map<String, Object> config) {
        ActionType action = require(type);
        try {
            return List.copyOf(action.validate(config == null ? Map.of() : config));
        } catch (RuntimeException | LinkageError e) {
            // A crashing validator must not turn a client's save into a 5xx.
            LOG.warn("Action type '{}' failed to validate a config", type, e);
            return List.of("action type '" + type + "' could not check the config: " + describe(e));
        }
    }

    @Override
    public ActionResult execute(String type, ActionContext context, Map<String, Object> config) {
        Objects.requireNonNull(context, "context");
        ActionType action = require(type);
        if (context.depth() >= ActionConstants.MAX_DEPTH) {
            LOG.warn("Action '{}' refused at depth {} (request {})", type, context.depth(), context.request().requestId());
            return ActionResult.failed(DEPTH_LIMIT_MESSAGE);
        }
        try {
            ActionResult result = action.execute(context, config == null ? Map.of() : config);
            return result != null ? result : ActionResult.failed("Action type '" + type + "' returned no result");
        } catch (Exception | LinkageError e) {
            LOG.warn("Action '{}' failed (request {})", type, context.request().requestId(), e);
            return ActionResult.failed(describe(e));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<RegistrationDTO> registrations() {
        return types.selection().toDTOs();
    }

    private ActionType require(String type) {
        return available(type).orElseThrow(() -> new UnknownActionTypeException(type));
    }

    /** @return the winner of this moment, or the next candidate when the winner just left */
    private Optional<ActionType> available(String type) {
        ActionLocator current = locator;
        return types.selection().locate(type, reference -> {
            try {
                return current.locate(reference);
            } catch (RuntimeException e) {
                // A service factory that cannot produce the action: behave as if it were gone.
                LOG.warn("Action type '{}' of {}/{} could not be obtained", type,
                        ServiceProperties.bundleName(reference), ServiceProperties.serviceId(reference), e);
                return null;
            }
        });
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
