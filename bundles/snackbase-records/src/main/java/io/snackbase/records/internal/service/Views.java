package io.snackbase.records.internal.service;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.records.internal.core.Times;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire objects of collections. */
public final class Views {

    private Views() {}

    /**
     * @return the collection object: id, name, table_name, schema (every stored field property),
     *     fields (the same list, which the SDK's Collection type names), record_count, field_count,
     *     has_public_access, created_at, updated_at
     */
    public static Map<String, Object> collection(CollectionDefinition c, long records) {
        List<Map<String, Object>> schema = Schemas.wire(c.fields());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("table_name", c.tableName());
        m.put("schema", schema);
        m.put("fields", schema);
        m.put("record_count", records);
        m.put("field_count", c.fields().size());
        m.put("has_public_access", c.rules().hasPublicAccess());
        m.put("created_at", Times.iso(c.createdAt()));
        m.put("updated_at", Times.iso(c.updatedAt()));
        return m;
    }

    /** @return an item of the collection list */
    public static Map<String, Object> listItem(CollectionDefinition c, long records) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("table_name", c.tableName());
        m.put("fields_count", c.fields().size());
        m.put("records_count", records);
        m.put("has_public_access", c.rules().hasPublicAccess());
        m.put("created_at", Times.iso(c.createdAt()));
        return m;
    }
}
