package io.snackbase.rules.internal;

import io.snackbase.api.context.Principal;
import java.time.Clock;
import java.util.Map;

/**
 * Evaluates a checked, macro-expanded tree over one record with SQL's meaning: three-valued logic
 * (null is "unknown"), numbers by value, real division, division by zero null, {@code ~} a
 * case-insensitive LIKE. Values of different kinds are never equal and order as equal (domain.md §3.8).
 */
final class Evaluator {

    private final Map<String, ?> record;
    private final Principal caller;
    private final Map<String, ?> data;
    private final Clock clock;

    Evaluator(Map<String, ?> record, Principal caller, Map<String, ?> data, Clock clock) {
        this.record = record;
        this.caller = caller;
        this.data = data;
        this.clock = clock;
    }

    /** @return Boolean.TRUE, Boolean.FALSE, or null for unknown */
    Boolean condition(Node node) {
        return truth(eval(node));
    }

    Object eval(Node node) {
        if (node instanceof Node.Literal l) {
            return l.value();
        }
        if (node instanceof Node.Var v) {
            return variable(v.name());
        }
        if (node instanceof Node.Unary u) {
            Object operand = eval(u.operand());
            if (u.op() == '!') {
                Boolean b = truth(operand);
                return b == null ? null : !b;
            }
            return Values.negate(operand);
        }
        if (node instanceof Node.Logic l) {
            return logic(l);
        }
        if (node instanceof Node.Arith a) {
            return Values.arith(a.op(), eval(a.left()), eval(a.right()));
        }
        if (node instanceof Node.Compare c) {
            return compare(c);
        }
        if (node instanceof Node.In in) {
            return in(in);
        }
        if (node instanceof Node.IsNull n) {
            return (eval(n.operand()) == null) != n.negated();
        }
        return call((Node.Call) node);
    }

    private Object variable(String name) {
        if (name.startsWith(Variables.AUTH)) {
            if (caller == null) {
                return null;
            }
            return switch (name.substring(Variables.AUTH.length())) {
                case "id" -> caller.userId();
                case "email" -> caller.email();
                case "role" -> caller.role();
                case "account_id" -> caller.accountId();
                default -> null;
            };
        }
        if (name.startsWith(Variables.DATA)) {
            return data == null ? null : data.get(name.substring(Variables.DATA.length()));
        }
        return name.startsWith("@") || record == null ? null : record.get(name);
    }

    private Boolean logic(Node.Logic logic) {
        boolean unknown = false;
        for (Node operand : logic.operands()) {
            Boolean b = condition(operand);
            if (b == null) {
                unknown = true;
            } else if (b != logic.and()) {
                return b; // false decides an AND, true an OR
            }
        }
        return unknown ? null : logic.and();
    }

    private Boolean compare(Node.Compare c) {
        String op = c.op();
        if ((op.equals("=") || op.equals("!=")) && (isNullLiteral(c.left()) || isNullLiteral(c.right()))) {
            Object other = eval(isNullLiteral(c.left()) ? c.right() : c.left());
            return (other == null) == op.equals("=");
        }
        Object l = eval(c.left());
        Object r = eval(c.right());
        if (l == null || r == null) {
            return null;
        }
        return switch (op) {
            case "=" -> Values.equal(l, r);
            case "!=" -> !Values.equal(l, r);
            case "~" -> Values.like(l, r);
            case "<" -> Values.order(l, r) < 0;
            case "<=" -> Values.order(l, r) <= 0;
            case ">" -> Values.order(l, r) > 0;
            default -> Values.order(l, r) >= 0;
        };
    }

    private Boolean in(Node.In in) {
        Object left = eval(in.left());
        if (left == null) {
            return null;
        }
        boolean unknown = false;
        for (Node item : in.items()) {
            Object value = eval(item);
            if (value == null) {
                unknown = true;
            } else if (Values.equal(left, value)) {
                return true;
            }
        }
        return unknown ? null : false;
    }

    private Boolean call(Node.Call call) {
        Object first = ((Node.Literal) call.args().get(0)).value();
        if (call.name().equals(Macros.HAS_GROUP)) {
            return caller != null && caller.inGroup((String) first);
        }
        return Variables.inTimeRange(clock, (Long) first, (Long) ((Node.Literal) call.args().get(1)).value());
    }

    private static boolean isNullLiteral(Node node) {
        return node instanceof Node.Literal l && l.value() == null;
    }

    /** Booleans are themselves; other values (only without a schema) by truthiness, as the reference does. */
    static Boolean truth(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return !(value instanceof String s) || !s.isEmpty();
    }
}
