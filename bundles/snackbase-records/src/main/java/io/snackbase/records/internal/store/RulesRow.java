package io.snackbase.records.internal.store;

/** One row of {@code collection_rules} as MyBatis maps it (public fields, epoch-millisecond times). */
public class RulesRow {
    public String id;
    public String collectionId;
    public String listRule;
    public String viewRule;
    public String createRule;
    public String updateRule;
    public String deleteRule;
    public String listFields;
    public String viewFields;
    public String createFields;
    public String updateFields;
    public Long createdAt;
    public Long updatedAt;
}
