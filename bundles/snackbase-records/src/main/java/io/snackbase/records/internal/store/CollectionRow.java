package io.snackbase.records.internal.store;

/** One row of {@code collections} joined with its rules, as MyBatis maps it (public fields, epoch-millisecond times). */
public class CollectionRow {
    public String id;
    public String name;
    public String nameKey;
    public String tableName;
    /** The field list as JSON text. */
    public String schemaJson;
    public Long createdAt;
    public Long updatedAt;
    public String listRule;
    public String viewRule;
    public String createRule;
    public String updateRule;
    public String deleteRule;
    public String listFields;
    public String viewFields;
    public String createFields;
    public String updateFields;
}
