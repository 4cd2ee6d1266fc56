package io.snackbase.records.internal.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleDecision;
import io.snackbase.api.rules.RuleOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rule decisions to HTTP answers, field lists (domain.md §2.7) and the 422 field-access errors. */
final class Access {

    static final Set<String> SYSTEM = Set.copyOf(RecordStore.SYSTEM_COLUMNS);

    private Access() {}

    /**
     * @return the rules engine's view of the collection's fields; encrypted fields are left out
     *     (their stored text is ciphertext), so rules and filters that name them are refused
     */
    static FieldSchema schema(CollectionDefinition def) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            if (!f.encrypted()) {
                fields.put(f.name(), FieldType.of(f.type().wireName()));
            }
        }
        return FieldSchema.of(fields);
    }

    /** @throws ApiException 403 locked, 401 authentication required */
    static void check(RuleOperation op, RuleDecision decision) {
        if (decision.outcome() == RuleDecision.Outcome.LOCKED) {
            throw ApiException.forbidden("Access denied: " + op.key() + " is locked for this collection");
        }
        if (decision.outcome() == RuleDecision.Outcome.AUTHENTICATION_REQUIRED) {
            throw ApiException.unauthorized("Authentication required to access this resource");
        }
    }

    static String rule(CollectionDefinition def, RuleOperation op) {
        return switch (op) {
            case LIST -> def.rules().listRule();
            case VIEW -> def.rules().viewRule();
            case CREATE -> def.rules().createRule();
            case UPDATE -> def.rules().updateRule();
            case DELETE -> def.rules().deleteRule();
        };
    }

    /**
     * @param list {@code "*"} or a JSON array of names as text
     * @return the allowed names, null for all; a list that does not read as either allows none
     *     (fails closed)
     */
    static Set<String> fieldList(String list) {
        if (list == null || list.isBlank() || list.trim().equals("*")) {
            return null;
        }
        try {
            Object parsed = RecordValues.JSON.readValue(list, Object.class);
            Set<String> names = new LinkedHashSet<>();
            if (parsed instanceof List<?> items) {
                for (Object item : items) {
                    if ("*".equals(item)) {
                        return null;
                    }
                    if (item instanceof String s) {
                        names.add(s);
                    }
                }
            }
            return names;
        } catch (JsonProcessingException e) {
            return Set.of();
        }
    }

    /** 422 for system fields in a body (create/update). */
    static void noSystemFields(Map<String, Object> body, String op) {
        List<String> bad = new ArrayList<>();
        for (String key : body.keySet()) {
            if (SYSTEM.contains(key)) {
                bad.add(key);
            }
        }
        if (!bad.isEmpty()) {
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("unauthorized_fields", bad);
            extras.put("field_type", "system");
            throw new ApiException(422, "Field access denied", "Cannot " + op + " system fields via API: " + String.join(", ", bad), extras);
        }
    }

    /** 422 for fields outside a write field list. */
    static void allowedFields(Map<String, Object> body, Set<String> allowed, String op) {
        if (allowed == null) {
            return;
        }
        List<String> bad = body.keySet().stream().filter(k -> allowed.stream().noneMatch(k::equalsIgnoreCase)).toList();
        if (!bad.isEmpty()) {
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("unauthorized_fields", bad);
            extras.put("allowed_fields", List.copyOf(allowed));
            extras.put("field_type", "restricted");
            throw new ApiException(422, "Field access denied", "Permission denied to " + op + " fields: " + String.join(", ", bad), extras);
        }
    }

    /** Keeps system fields, {@code account_name} and the fields both lists allow (null = all). */
    static Map<String, Object> project(Map<String, Object> record, Set<String> allowed, Set<String> requested) {
        if (allowed == null && requested == null) {
            return record;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            boolean keep = SYSTEM.contains(k) || k.equals("account_name")
                    || (allowed == null || allowed.contains(k)) && (requested == null || requested.contains(k));
            if (keep) {
                out.put(k, v);
            }
        });
        return out;
    }
}
