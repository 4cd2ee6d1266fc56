package io.snackbase.records.internal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.CollectionRules;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.collections.ReferenceAction;
import io.snackbase.records.internal.store.CollectionRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field definitions to and from their wire form (the JSON objects of {@code schema}), and rows to definitions. */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {}

    /** @return the wire object of a field, with every property it stores (nulls included) */
    public static Map<String, Object> wire(FieldDefinition f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", f.type().wireName());
        m.put("required", f.required());
        m.put("default", f.defaultValue());
        m.put("unique", f.unique());
        m.put("options", f.options());
        m.put("collection", f.collection());
        m.put("on_delete", f.onDelete() == null ? null : f.onDelete().wireName());
        m.put("pii", f.pii());
        m.put("mask_type", f.maskType());
        m.put("expression", f.expression());
        m.put("return_type", f.returnType() == null ? null : f.returnType().wireName());
        m.put("encrypted", f.encrypted());
        return m;
    }

    /** @return the wire objects of a field list */
    public static List<Map<String, Object>> wire(List<FieldDefinition> fields) {
        return fields.stream().map(Schemas::wire).toList();
    }

    /** @return the stored JSON text of a field list */
    public static String encode(List<FieldDefinition> fields) {
        return json(wire(fields));
    }

    /** @return any value as JSON text */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not serialisable as JSON: " + e.getMessage(), e);
        }
    }

    /** @return the field list of stored JSON text (written by {@link #encode}, so trusted) */
    public static List<FieldDefinition> decode(String json) {
        List<Map<String, Object>> list;
        try {
            list = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored schema is not JSON: " + e.getMessage(), e);
        }
        List<FieldDefinition> fields = new ArrayList<>();
        for (Map<String, Object> m : list) {
            fields.add(new FieldDefinition((String) m.get("name"), FieldType.of((String) m.get("type")).orElseThrow(),
                    Boolean.TRUE.equals(m.get("required")), m.get("default"), Boolean.TRUE.equals(m.get("unique")), m.get("options"),
                    (String) m.get("collection"), ReferenceAction.of((String) m.get("on_delete")).orElse(null),
                    Boolean.TRUE.equals(m.get("pii")), (String) m.get("mask_type"), (String) m.get("expression"),
                    FieldType.of((String) m.get("return_type")).orElse(null), Boolean.TRUE.equals(m.get("encrypted"))));
        }
        return fields;
    }

    /** @return the rules of a row (the defaults when the row has no rules row) */
    public static CollectionRules rules(CollectionRow row) {
        return new CollectionRules(row.listRule, row.viewRule, row.createRule, row.updateRule, row.deleteRule, row.listFields,
                row.viewFields, row.createFields, row.updateFields);
    }

    /** @return the definition of a row */
    public static CollectionDefinition definition(CollectionRow row) {
        return new CollectionDefinition(row.id, row.name, row.tableName, decode(row.schemaJson), rules(row),
                Instant.ofEpochMilli(row.createdAt), Instant.ofEpochMilli(row.updatedAt));
    }

    /** @return the wire object of rules */
    public static Map<String, Object> wire(CollectionRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list_rule", r.listRule());
        m.put("view_rule", r.viewRule());
        m.put("create_rule", r.createRule());
        m.put("update_rule", r.updateRule());
        m.put("delete_rule", r.deleteRule());
        m.put("list_fields", r.listFields());
        m.put("view_fields", r.viewFields());
        m.put("create_fields", r.createFields());
        m.put("update_fields", r.updateFields());
        return m;
    }
}
