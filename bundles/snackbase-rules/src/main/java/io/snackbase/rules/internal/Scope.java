package io.snackbase.rules.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.api.storage.DatabaseKind;
import java.time.Clock;
import java.util.Map;

/**
 * Where an expression is used and what it may read: a filter, a rule of one operation, or an
 * in-memory condition; with the caller's values when compiling for a request ("bound"), without
 * them when only validating.
 *
 * @param kind filter, rule or condition
 * @param schema the fields; null for a condition without schema (any plain name is allowed)
 * @param operation the rule's operation, else null
 * @param dialect the database the SQL is for
 * @param bound true when {@code caller} and {@code data} are the request's values
 * @param caller the caller, when bound
 * @param data the request body, when bound (may be null)
 * @param clock the clock of {@code @in_time_range}
 */
record Scope(Kind kind, FieldSchema schema, RuleOperation operation, DatabaseKind dialect, boolean bound,
        Principal caller, Map<String, ?> data, Clock clock) {

    enum Kind { FILTER, RULE, CONDITION }

    static Scope filter(FieldSchema schema, DatabaseKind dialect) {
        return new Scope(Kind.FILTER, schema, null, dialect, false, null, null, Clock.systemUTC());
    }

    static Scope validateRule(RuleOperation operation, FieldSchema schema) {
        return new Scope(Kind.RULE, schema, operation, DatabaseKind.SQLITE, false, null, null, Clock.systemUTC());
    }

    static Scope rule(RuleOperation operation, FieldSchema schema, DatabaseKind dialect, Principal caller,
            Map<String, ?> data, Clock clock) {
        return new Scope(Kind.RULE, schema, operation, dialect, true, caller, data, clock);
    }

    static Scope condition() {
        return new Scope(Kind.CONDITION, null, null, DatabaseKind.SQLITE, false, null, null, Clock.systemUTC());
    }
}
