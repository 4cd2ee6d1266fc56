package io.snackbase.api.collections;

/**
 * The access rules of a collection, stored as given.
 *
 * <p>A rule is {@code null} (locked: superadmins only), {@code ""} (public: anyone, including
 * anonymous callers of an account) or an expression of the rule language. A field list is
 * {@code "*"} (all fields) or a JSON-array string of field names.
 *
 * @param listRule rule of list requests
 * @param viewRule rule of single-record reads
 * @param createRule rule of creates
 * @param updateRule rule of updates
 * @param deleteRule rule of deletes
 * @param listFields fields returned by lists
 * @param viewFields fields returned by single reads
 * @param createFields fields a caller may set on create
 * @param updateFields fields a caller may set on update
 */
public record CollectionRules(String listRule, String viewRule, String createRule, String updateRule, String deleteRule,
        String listFields, String viewFields, String createFields, String updateFields) {

    /** All fields, all rules locked: the rules of a collection created without any. */
    public static final CollectionRules DEFAULTS = new CollectionRules(null, null, null, null, null, "*", "*", "*", "*");

    public CollectionRules {
        listFields = listFields == null ? "*" : listFields;
        viewFields = viewFields == null ? "*" : viewFields;
        createFields = createFields == null ? "*" : createFields;
        updateFields = updateFields == null ? "*" : updateFields;
    }

    /** @return true when at least one of the five rules is the empty string (public) */
    public boolean hasPublicAccess() {
        return "".equals(listRule) || "".equals(viewRule) || "".equals(createRule) || "".equals(updateRule)
                || "".equals(deleteRule);
    }
}
