package io.snackbase.auth.internal.rest;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK's legacy {@code /roles/validate-rule} and {@code /roles/test-rule}, answered with the
 * collection-rule language: a syntax check, and an in-memory evaluation against a context of
 * {@code record}, {@code auth} ({@code id, email, role, account_id, groups}) and {@code data}.
 */
final class RoleRuleChecks {

    private RoleRuleChecks() {}

    static Map<String, Object> validate(RuleEngine engine, String rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            engine.parse(required(rule));
            out.put("valid", true);
            out.put("error", null);
        } catch (RuleException e) {
            out.put("valid", false);
            out.put("error", e.getMessage());
        }
        return out;
    }

    static Map<String, Object> test(RuleEngine engine, String rule, Map<String, Object> context) {
        Map<String, Object> out = new LinkedHashMap<>();
        String text = required(rule);
        if (text.isBlank()) {
            // the empty rule is the public one: it allows everyone
            return result(out, true, null, "Empty rule: public access");
        }
        try {
            boolean allowed = engine.condition(text).matches(section(context, "record"), caller(section(context, "auth")),
                    section(context, "data"));
            return result(out, allowed, null, allowed ? "The rule matched the context" : "The rule did not match the context");
        } catch (RuleException e) {
            return result(out, false, e.getMessage(), null);
        }
    }

    private static Map<String, Object> result(Map<String, Object> out, boolean allowed, String error, String details) {
        out.put("allowed", allowed);
        out.put("error", error);
        out.put("evaluation_details", details);
        return out;
    }

    private static String required(String rule) {
        if (rule == null) {
            throw io.snackbase.auth.internal.core.Problems.required("rule");
        }
        return rule;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> context, String key) {
        Object value = context == null ? null : context.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw io.snackbase.auth.internal.core.Problems.shape("context." + key, "value must be an object");
        }
        return (Map<String, Object>) value;
    }

    private static Principal caller(Map<String, Object> auth) {
        if (auth.isEmpty()) {
            return Principal.anonymous(null);
        }
        Object groups = auth.get("groups");
        return new Principal(text(auth, "id"), text(auth, "email"), text(auth, "account_id"), text(auth, "role"), "jwt",
                groups instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
    }

    private static String text(Map<String, Object> auth, String key) {
        Object value = auth.get(key);
        if (value != null && !(value instanceof String)) {
            throw ApiException.validation(List.of(new io.snackbase.api.errors.FieldError("context.auth." + key,
                    "value must be a string", "invalid")));
        }
        return (String) value;
    }
}
