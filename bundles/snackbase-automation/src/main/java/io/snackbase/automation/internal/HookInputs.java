package io.snackbase.automation.internal;

import io.snackbase.api.actions.ActionExecutor;
import io.snackbase.api.actions.UnknownActionTypeException;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import io.snackbase.automation.internal.run.Templates;
import io.snackbase.request.support.InputErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and checks the fields of a hook body before anything is stored: name, description,
 * trigger (with the scheduler's cron check), condition (parsed by the rule engine), actions
 * (each validated by its action type, placeholders checked) and enabled. Every problem is a 422
 * naming the field.
 */
public final class HookInputs {

    static final int MAX_ACTIONS = 50;
    static final int MAX_NAME = 200;

    private final RuleEngine rules;
    private final ActionExecutor actions;
    private final Function<String, ?> cronCheck;

    public HookInputs(RuleEngine rules, ActionExecutor actions, Function<String, ?> cronCheck) {
        this.rules = rules;
        this.actions = actions;
        this.cronCheck = cronCheck;
    }

    public String name(Object value) {
        if (value == null) {
            throw InputErrors.required("name");
        }
        if (!(value instanceof String name)) {
            throw InputErrors.shape("name", "Input should be a valid string");
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw InputErrors.shape("name", "String should have 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    public String description(Object value) {
        if (value != null && !(value instanceof String)) {
            throw InputErrors.shape("description", "Input should be a valid string");
        }
        return (String) value;
    }

    public HookTrigger trigger(Object value) {
        if (value == null) {
            throw InputErrors.required("trigger");
        }
        return HookTrigger.parse(value, cronCheck);
    }

    /** @return the condition, or null for none ({@code null}, {@code ""} or blank clear it) */
    public String condition(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw InputErrors.shape("condition", "Input should be a valid string");
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            rules.condition(text);
        } catch (RuleException e) {
            throw InputErrors.shape("condition", "Invalid condition: " + e.getMessage());
        }
        return text;
    }

    public boolean enabled(Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw InputErrors.shape("enabled", "Input should be a valid boolean");
        }
        return b;
    }

    /** @return the actions as stored: each a flat object with {@code type} and its settings */
    public List<Map<String, Object>> actions(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw InputErrors.shape("actions", "Input should be a valid list");
        }
        if (list.size() > MAX_ACTIONS) {
            throw InputErrors.shape("actions", "List should have at most " + MAX_ACTIONS + " items");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(action("actions." + i, list.get(i)));
        }
        return out;
    }

    private Map<String, Object> action(String field, Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("type") instanceof String type) || type.isBlank()) {
            throw InputErrors.shape(field, "Each action must be an object with a string 'type'");
        }
        Map<String, Object> action = new LinkedHashMap<>();
        map.forEach((k, v) -> action.put(String.valueOf(k), v));
        Map<String, Object> config = new LinkedHashMap<>(action);
        config.remove("type");
        List<String> problems;
        try {
            problems = new ArrayList<>(actions.validate(type, config));
        } catch (UnknownActionTypeException e) {
            throw InputErrors.shape(field + ".type", e.getMessage());
        }
        problems.addAll(Templates.deepProblems(config));
        if (!problems.isEmpty()) {
            throw InputErrors.shape(field, "Invalid " + type + " action: " + String.join("; ", problems));
        }
        return action;
    }
}
