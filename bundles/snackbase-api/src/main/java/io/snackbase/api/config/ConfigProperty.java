package io.snackbase.api.config;

import java.util.List;
import java.util.Objects;

/**
 * One setting an extension takes, stored per tenant as data (an action's config inside a hook,
 * a webhook transport's settings). The platform uses it to reject a config with a missing
 * required setting or a wrong type before it is stored, to document the setting, and to redact
 * secret values whenever a config is read back. Immutable and thread-safe.
 *
 * @param name the key in the config map
 * @param label a short name for people
 * @param help one or two sentences for people
 * @param type the JSON type the value must have
 * @param required whether the key must be present and non-null
 * @param secret whether the value is redacted on read (passwords, tokens, webhook URLs with keys)
 * @param defaultValue the value used when the key is absent, or null
 * @param options the allowed values of a {@link ConfigPropertyType#STRING} setting; empty for any
 */
public record ConfigProperty(
        String name,
        String label,
        String help,
        ConfigPropertyType type,
        boolean required,
        boolean secret,
        Object defaultValue,
        List<String> options) {

    public ConfigProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null ? name : label;
        help = help == null ? "" : help;
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** @return a required string setting */
    public static ConfigProperty requiredString(String name, String label, String help) {
        return new ConfigProperty(name, label, help, ConfigPropertyType.STRING, true, false, null, List.of());
    }

    /** @return an optional string setting with a default */
    public static ConfigProperty string(String name, String label, String help, String defaultValue) {
        return new ConfigProperty(name, label, help, ConfigPropertyType.STRING, false, false, defaultValue, List.of());
    }

    /** @return a required secret string setting */
    public static ConfigProperty secret(String name, String label, String help) {
        return new ConfigProperty(name, label, help, ConfigPropertyType.STRING, true, true, null, List.of());
    }

    /** @return a copy with another required flag */
    public ConfigProperty withRequired(boolean value) {
        return new ConfigProperty(name, label, help, type, value, secret, defaultValue, options);
    }
}
