package io.snackbase.api.rules;

import java.util.Objects;

/**
 * What a collection rule means for one caller (domain.md §3.6): everything allowed, allowed for the
 * rows matching a {@code WHERE} fragment, locked, or requiring authentication.
 *
 * @param outcome the kind of decision
 * @param where the row filter when {@code outcome} is {@link Outcome#FILTER}, else null
 */
public record RuleDecision(Outcome outcome, SqlFragment where) {

    /** The kinds of decision, in the order the records API checks them. */
    public enum Outcome {
        /** No condition: a superadmin, or a public ({@code ""}) rule. */
        ALLOW,
        /** Allowed on the rows matching {@link RuleDecision#where()} (AND it into the query). */
        FILTER,
        /** The rule is null: only superadmins; everyone else gets 403 "… is locked …". */
        LOCKED,
        /** An expression rule and an anonymous caller: 401 "Authentication required …". */
        AUTHENTICATION_REQUIRED
    }

    public RuleDecision {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.FILTER) != (where != null)) {
            throw new IllegalArgumentException("A WHERE fragment goes with FILTER and only with FILTER");
        }
    }

    /** The decision without a condition. */
    public static final RuleDecision ALLOW = new RuleDecision(Outcome.ALLOW, null);
    /** The decision of a locked rule. */
    public static final RuleDecision LOCKED = new RuleDecision(Outcome.LOCKED, null);
    /** The decision of an expression rule for an anonymous caller. */
    public static final RuleDecision AUTHENTICATION_REQUIRED = new RuleDecision(Outcome.AUTHENTICATION_REQUIRED, null);

    /**
     * @param where the row filter
     * @return a FILTER decision
     */
    public static RuleDecision filter(SqlFragment where) {
        return new RuleDecision(Outcome.FILTER, where);
    }
}
