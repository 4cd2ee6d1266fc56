package io.snackbase.automation.internal;

import io.snackbase.api.actions.ActionConstants;
import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionExecutor;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.actions.ActionType;
import io.snackbase.api.actions.UnknownActionTypeException;
import io.snackbase.api.config.ConfigProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An action executor over a map of action types, with the registry's rules (unknown id, depth
 * limit, exceptions as failures), plus a recording action type {@code test.record} and a failing
 * one {@code test.fail}.
 */
final class TestActions implements ActionExecutor {

    final Map<String, ActionType> types = new ConcurrentHashMap<>();
    final List<String> rendered = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<Integer> depths = new java.util.concurrent.CopyOnWriteArrayList<>();

    TestActions() {
        types.put("test.record", new ActionType() {
            @Override
            public List<ConfigProperty> configProperties() {
                return List.of(ConfigProperty.requiredString("message", "Message", "Rendered and kept."));
            }

            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) {
                rendered.add(context.render(String.valueOf(config.get("message"))));
                depths.add(context.depth());
                return ActionResult.ok(Map.of("n", rendered.size()));
            }
        });
        types.put("test.fail", new ActionType() {
            @Override
            public List<ConfigProperty> configProperties() {
                return List.of();
            }

            @Override
            public ActionResult execute(ActionContext context, Map<String, Object> config) {
                throw new IllegalStateException("boom");
            }
        });
    }

    @Override
    public Optional<ActionType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    @Override
    public List<String> validate(String type, Map<String, Object> config) {
        return new ArrayList<>(find(type).orElseThrow(() -> new UnknownActionTypeException(type)).validate(config));
    }

    @Override
    public ActionResult execute(String type, ActionContext context, Map<String, Object> config) {
        ActionType action = find(type).orElseThrow(() -> new UnknownActionTypeException(type));
        if (context.depth() >= ActionConstants.MAX_DEPTH) {
            return ActionResult.failed("Action depth limit reached");
        }
        try {
            return action.execute(context, config);
        } catch (Exception e) {
            return ActionResult.failed(e.getMessage());
        }
    }
}
