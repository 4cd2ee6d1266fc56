package io.snackbase.actions.internal.builtin;

import io.snackbase.api.actions.ActionContext;
import io.snackbase.api.actions.ActionResult;
import io.snackbase.api.config.ConfigProperty;
import io.snackbase.api.config.ConfigPropertyType;
import io.snackbase.api.errors.ApiException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the three record actions share: their settings, and turning the record path's errors (a
 * 403 of a rule, a 404 of another account's id, a 422 of validation) into failed actions.
 */
final class RecordActionSupport {

    static final ConfigProperty COLLECTION = ConfigProperty.requiredString("collection", "Collection",
            "The collection, in the hook's account; may use {{variables}}.");
    static final ConfigProperty RECORD_ID = ConfigProperty.requiredString("record_id", "Record id",
            "The record's id; usually {{record.id}}.");
    static final ConfigProperty DATA = new ConfigProperty("data", "Data", "Field values; strings may use {{variables}}.",
            ConfigPropertyType.MAP, true, false, null, List.of());

    private RecordActionSupport() {}

    /** @return the problems of the string settings that must not be blank */
    static List<String> blank(Map<String, Object> config, String... keys) {
        List<String> problems = new java.util.ArrayList<>();
        for (String key : keys) {
            if (config.get(key) instanceof String text && text.isBlank()) {
                problems.add("'" + key + "' must not be blank");
            }
        }
        return problems;
    }

    /** @return the rendered, trimmed setting, or null when it renders empty */
    static String required(ActionContext context, Map<String, Object> config, String key) {
        String value = Rendering.text(context, config, key, "").trim();
        return value.isEmpty() ? null : value;
    }

    /** The operation on one record that update_record and delete_record perform. */
    @FunctionalInterface
    interface OnRecord {
        ActionResult apply(String collection, String id);
    }

    /**
     * Renders {@code collection} and {@code record_id} and runs the operation on them, guarded; a
     * setting that renders empty is a failed action.
     */
    static ActionResult onRecord(ActionContext context, Map<String, Object> config, OnRecord operation) {
        String collection = required(context, config, "collection");
        String id = required(context, config, "record_id");
        if (collection == null || id == null) {
            return ActionResult.failed("'collection' or 'record_id' rendered empty");
        }
        return guarded(() -> operation.apply(collection, id));
    }

    /** @return the problems of the config of an action on one record: described settings, then blank ones */
    static List<String> validateOnRecord(List<String> described, Map<String, Object> config) {
        List<String> problems = new java.util.ArrayList<>(described);
        problems.addAll(blank(config, "collection", "record_id"));
        return problems;
    }

    /** Runs a record operation: an {@link ApiException} is an expected failure, reported with its status. */
    static ActionResult guarded(Supplier<ActionResult> operation) {
        try {
            return operation.get();
        } catch (ApiException e) {
            return ActionResult.failed(e.status() + " " + e.getMessage());
        }
    }
}
