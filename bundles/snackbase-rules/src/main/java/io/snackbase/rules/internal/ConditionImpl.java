package io.snackbase.rules.internal;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rules.Condition;
import java.time.Clock;
import java.util.Map;

/** A checked, macro-expanded tree ready for in-memory evaluation; immutable. */
final class ConditionImpl implements Condition {

    private final String expression;
    private final Node tree;
    private final Clock clock;

    ConditionImpl(String expression, Node tree, Clock clock) {
        this.expression = expression;
        this.tree = tree;
        this.clock = clock;
    }

    @Override
    public boolean matches(Map<String, ?> record) {
        return Boolean.TRUE.equals(evaluate(record));
    }

    @Override
    public boolean matches(Map<String, ?> record, Principal caller, Map<String, ?> requestData) {
        return Boolean.TRUE.equals(new Evaluator(record, caller, requestData, clock).condition(tree));
    }

    @Override
    public Boolean evaluate(Map<String, ?> record) {
        return new Evaluator(record, null, null, clock).condition(tree);
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return "Condition[" + expression + "]";
    }
}
