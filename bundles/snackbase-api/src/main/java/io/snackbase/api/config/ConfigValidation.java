package io.snackbase.api.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a config map against its {@link ConfigProperty} descriptions and redacts secrets.
 * Stateless and thread-safe.
 */
public final class ConfigValidation {

    /** What a redacted secret value reads as (value is "********"). */
    public static final String REDACTED = "********";

    private ConfigValidation() {}

    /**
     * @param properties the descriptions
     * @param config the config to check; keys not described are allowed and left to the extension
     * @return one message per problem (missing required setting, wrong type, value not among the
     *     options), in description order; empty when the config is acceptable
     */
    public static List<String> problems(List<ConfigProperty> properties, Map<String, ?> config) {
        List<String> problems = new ArrayList<>();
        for (ConfigProperty property : properties) {
            Object value = config.get(property.name());
            if (value == null) {
                if (property.required() && property.defaultValue() == null) {
                    problems.add("'" + property.name() + "' is required");
                }
                continue;
            }
            if (!hasType(value, property.type())) {
                problems.add("'" + property.name() + "' must be a " + property.type().name().toLowerCase());
            } else if (!property.options().isEmpty() && !property.options().contains(value)) {
                problems.add("'" + property.name() + "' must be one of " + property.options());
            }
        }
        return problems;
    }

    /** @return a copy of the config with the values of secret settings replaced by {@link #REDACTED} */
    public static Map<String, Object> redact(List<ConfigProperty> properties, Map<String, ?> config) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        for (ConfigProperty property : properties) {
            if (property.secret() && copy.get(property.name()) != null) {
                copy.put(property.name(), REDACTED);
            }
        }
        return copy;
    }

    private static boolean hasType(Object value, ConfigPropertyType type) {
        return switch (type) {
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case LIST -> value instanceof Collection<?>;
            case MAP -> value instanceof Map<?, ?>;
        };
    }
}
