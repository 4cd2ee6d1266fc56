package io.snackbase.records.internal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.context.RequestContext;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.hooks.HookEvents;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.records.internal.core.Problems;
import io.snackbase.records.internal.core.Times;
import io.snackbase.records.internal.store.CollectionRow;
import io.snackbase.records.internal.store.RulesMapper;
import io.snackbase.records.internal.store.RulesRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET|PUT /collections/{name}/rules} (collection-rules.md): reads the rules row (creating
 * one with the defaults when a collection has none) and applies partial updates after validating
 * every rule with {@link RuleEngine#validateRule} for its operation and every field list. The
 * records path reads the rules row from the database on every request, so a change is in force
 * for the next request.
 */
public final class RuleSettings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = keys();

    private final CollectionStore store;
    private final RulesMapper mapper;
    private final RuleEngine engine;
    private final Hooks hooks;

    public RuleSettings(CollectionStore store, RulesMapper mapper, RuleEngine engine, Hooks hooks) {
        this.store = store;
        this.mapper = mapper;
        this.engine = engine;
        this.hooks = hooks;
    }

    /** @return the collection of exactly this name (as the records path looks it up); 404 otherwise */
    public CollectionRow require(String name) {
        CollectionRow row = store.byName(name);
        if (row == null || !row.name.equals(name)) {
            throw ApiException.notFound("Collection '" + name + "' not found");
        }
        return row;
    }

    /** @return the rules object of a collection; a missing rules row is created with the defaults */
    public Map<String, Object> get(String name) {
        CollectionRow c = require(name);
        return view(rulesOf(c));
    }

    /**
     * Applies the keys present in the body: a rule is a string or null (locked), a field list
     * {@code "*"} or a JSON array of field names as text.
     *
     * @throws ApiException 422 unknown keys or wrong shapes; 404; 400 {@code Invalid <key>: <reason>};
     *     or a before-hook's abort
     */
    public Map<String, Object> put(String name, Map<String, Object> body, RequestContext context) {
        Map<String, Object> values = shape(body == null ? Map.of() : body);
        CollectionRow c = require(name);
        CollectionDefinition def = Schemas.definition(c);
        FieldSchema schema = schema(def);
        for (RuleOperation op : RuleOperation.values()) {
            String key = op.ruleKey();
            if (values.containsKey(key)) {
                try {
                    engine.validateRule(op, (String) values.get(key), schema);
                } catch (RuleException e) {
                    throw ApiException.badRequest("Invalid " + key + ": " + e.getMessage());
                }
            }
        }
        for (String key : Rules.FIELD_KEYS) {
            if (values.containsKey(key)) {
                checkNames(key, (String) values.get(key), def);
            }
        }
        RulesRow existing = rulesOf(c);
        if (values.isEmpty()) {
            // nothing to change: no write, no events
            return view(existing);
        }
        store.inTransaction(() -> {
            hooks.before(HookEvents.ON_COLLECTION_BEFORE_UPDATE, c.name, event(c, def, values), context);
            RulesRow current = mapper.find(c.id);
            mapper.update(c.id, values, Math.max(store.now(), current.updatedAt + 1));
            return null;
        });
        Map<String, Object> result = view(mapper.find(c.id));
        hooks.after(HookEvents.ON_COLLECTION_AFTER_UPDATE, c.name, event(c, def, values), context);
        return result;
    }

    /** @return the rules engine's view of a collection's fields (same types as the records path uses) */
    public static FieldSchema schema(CollectionDefinition def) {
        Map<String, FieldType> fields = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            fields.put(f.name(), FieldType.of(f.type().wireName()));
        }
        return FieldSchema.of(fields);
    }

    private RulesRow rulesOf(CollectionRow c) {
        RulesRow r = mapper.find(c.id);
        if (r != null) {
            return r;
        }
        try {
            store.inTransaction(() -> mapper.insertDefaults(UUID.randomUUID().toString(), c.id, store.now()));
        } catch (RuntimeException e) {
            // a concurrent request created it first (unique collection_id): read theirs
            if (!Problems.isConstraintViolation(e)) {
                throw e;
            }
        }
        return mapper.find(c.id);
    }

    /** 422 for unknown keys, a rule that is neither string nor null, or a field list of the wrong form. */
    private static Map<String, Object> shape(Map<String, Object> body) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (!KEYS.contains(key)) {
                throw Problems.shape(key, "Extra inputs are not permitted");
            }
            if (key.endsWith("_rule")) {
                if (value != null && !(value instanceof String)) {
                    throw Problems.shape(key, "Input should be a valid string");
                }
            } else if (!(value instanceof String s) || fieldList(s) == null) {
                throw Problems.shape(key, "Must be \"*\" or a JSON array of field names");
            }
            values.put(key, value);
        }
        return values;
    }

    /** @return the names of a field list ({@code ["*"]} for all), or null when it is not "*" or a JSON array of strings */
    static List<String> fieldList(String text) {
        if (text.trim().equals("*")) {
            return List.of("*");
        }
        try {
            Object parsed = JSON.readValue(text, Object.class);
            if (!(parsed instanceof List<?> items)) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof String s)) {
                    return null;
                }
                names.add(s);
            }
            return names;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * 400 when a field list names a field the collection does not have. Read lists may also name
     * the system fields (they are returned anyway); write lists only schema fields.
     */
    private static void checkNames(String key, String list, CollectionDefinition def) {
        Set<String> allowed = new LinkedHashSet<>();
        def.fields().forEach(f -> allowed.add(f.name()));
        if (key.equals("list_fields") || key.equals("view_fields")) {
            allowed.addAll(FieldSchema.SYSTEM_FIELDS.keySet());
        }
        for (String n : fieldList(list)) {
            if (!n.equals("*") && !allowed.contains(n)) {
                throw ApiException.badRequest("Invalid " + key + ": Field '" + n + "' does not exist in collection. Available fields: "
                        + String.join(", ", allowed));
            }
        }
    }

    private static Map<String, Object> view(RulesRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id);
        m.put("collection_id", r.collectionId);
        m.put("list_rule", r.listRule);
        m.put("view_rule", r.viewRule);
        m.put("create_rule", r.createRule);
        m.put("update_rule", r.updateRule);
        m.put("delete_rule", r.deleteRule);
        m.put("list_fields", r.listFields);
        m.put("view_fields", r.viewFields);
        m.put("create_fields", r.createFields);
        m.put("update_fields", r.updateFields);
        m.put("created_at", Times.iso(r.createdAt));
        m.put("updated_at", Times.iso(r.updatedAt));
        return m;
    }

    /** The collection event's data, as {@code PUT /collections/{id}} sends it, with the new rules. */
    private static Map<String, Object> event(CollectionRow c, CollectionDefinition def, Map<String, Object> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id);
        m.put("name", c.name);
        m.put("table_name", c.tableName);
        m.put("schema", Schemas.wire(def.fields()));
        Map<String, Object> rules = Schemas.wire(def.rules());
        rules.putAll(changes);
        m.putAll(rules);
        m.put("changed", List.copyOf(changes.keySet()));
        return m;
    }

    private static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(Rules.RULE_KEYS);
        keys.addAll(Rules.FIELD_KEYS);
        return Set.copyOf(keys);
    }
}
