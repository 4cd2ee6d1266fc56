package io.snackbase.records.internal.service;

import io.snackbase.records.internal.core.Problems;
import io.snackbase.records.internal.store.CollectionRow;
import java.util.List;
import java.util.Map;

/**
 * The rule and field-list keys of a create or update body, stored as given: rule texts are checked
 * by the rules engine's own endpoint ({@code PUT /collections/{name}/rules}), not here.
 */
public final class Rules {

    public static final List<String> RULE_KEYS = List.of("list_rule", "view_rule", "create_rule", "update_rule", "delete_rule");
    public static final List<String> FIELD_KEYS = List.of("list_fields", "view_fields", "create_fields", "update_fields");

    private Rules() {}

    /**
     * Copies the keys present in the body onto the row: a rule may be a string or null (locked), a
     * field list a string (null reads as {@code "*"}).
     *
     * @throws io.snackbase.api.errors.ApiException 422 for a value of another JSON type
     */
    public static void apply(Map<String, ?> body, CollectionRow row) {
        for (String key : RULE_KEYS) {
            if (body.containsKey(key)) {
                set(row, key, text(body, key));
            }
        }
        for (String key : FIELD_KEYS) {
            if (body.containsKey(key)) {
                String value = text(body, key);
                set(row, key, value == null ? "*" : value);
            }
        }
    }

    /** Gives a row the defaults: every rule locked, every field list {@code "*"}. */
    public static void defaults(CollectionRow row) {
        row.listFields = "*";
        row.viewFields = "*";
        row.createFields = "*";
        row.updateFields = "*";
    }

    /** @return true when the body carries any rule or field-list key */
    public static boolean present(Map<String, ?> body) {
        return RULE_KEYS.stream().anyMatch(body::containsKey) || FIELD_KEYS.stream().anyMatch(body::containsKey);
    }

    private static String text(Map<String, ?> body, String key) {
        Object value = body.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw Problems.shape(key, "Input should be a valid string");
    }

    private static void set(CollectionRow row, String key, String value) {
        switch (key) {
            case "list_rule" -> row.listRule = value;
            case "view_rule" -> row.viewRule = value;
            case "create_rule" -> row.createRule = value;
            case "update_rule" -> row.updateRule = value;
            case "delete_rule" -> row.deleteRule = value;
            case "list_fields" -> row.listFields = value;
            case "view_fields" -> row.viewFields = value;
            case "create_fields" -> row.createFields = value;
            case "update_fields" -> row.updateFields = value;
            default -> throw new IllegalArgumentException(key);
        }
    }
}
