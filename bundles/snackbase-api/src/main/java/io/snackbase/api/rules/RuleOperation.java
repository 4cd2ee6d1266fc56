package io.snackbase.api.rules;

/**
 * The five operations a collection has a rule for (domain.md §3.6). Only {@link #CREATE} and
 * {@link #UPDATE} rules may read the request body through {@code @request.data.<field>}.
 */
public enum RuleOperation {
    LIST, VIEW, CREATE, UPDATE, DELETE;

    /** @return the lower-case name used in messages and rule keys ({@code list}, ...) */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the name of the rule's column and JSON key, e.g. {@code list_rule} */
    public String ruleKey() {
        return key() + "_rule";
    }

    /** @return true when the rule may use {@code @request.data.*} */
    public boolean allowsRequestData() {
        return this == CREATE || this == UPDATE;
    }
}
