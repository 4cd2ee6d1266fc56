package io.snackbase.rules.internal;

import io.snackbase.api.rules.RuleCompileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites the built-in rule macros of domain.md §3.7 into plain expressions, on the tree rather
 * than on the text (so arguments cannot smuggle syntax in). {@code @has_group} and
 * {@code @in_time_range} stay calls: their value depends on the caller and the clock.
 */
final class Macros {

    static final String HAS_GROUP = "@has_group";
    static final String IN_TIME_RANGE = "@in_time_range";
    private static final String AUTH_ID = "@request.auth.id";

    private Macros() {}

    static Node expand(Node node) throws RuleCompileException {
        if (node instanceof Node.Var v) {
            return switch (v.name().toLowerCase(Locale.ROOT)) {
                case "@owns_record", "@is_creator" -> owns("created_by", v.position());
                case "@is_public" -> isPublic(v.position());
                default -> v;
            };
        }
        if (node instanceof Node.Unary u) {
            return new Node.Unary(u.op(), expand(u.operand()), u.position());
        }
        if (node instanceof Node.Logic l) {
            return new Node.Logic(l.and(), expandAll(l.operands()));
        }
        if (node instanceof Node.Arith a) {
            return new Node.Arith(a.op(), expand(a.left()), expand(a.right()));
        }
        if (node instanceof Node.Compare c) {
            return new Node.Compare(c.op(), expand(c.left()), expand(c.right()));
        }
        if (node instanceof Node.In in) {
            return new Node.In(expand(in.left()), expandAll(in.items()));
        }
        if (node instanceof Node.IsNull n) {
            return new Node.IsNull(expand(n.operand()), n.negated());
        }
        if (node instanceof Node.Call call) {
            return call(call);
        }
        return node;
    }

    private static Node call(Node.Call call) throws RuleCompileException {
        String name = call.name().toLowerCase(Locale.ROOT);
        List<Node> args = expandAll(call.args());
        switch (name) {
            case "@owns_record":
            case "@is_creator":
                if (args.isEmpty()) {
                    return owns("created_by", call.position());
                }
                if (args.size() == 1 && name.equals("@owns_record")) {
                    return owns(fieldName(call, args.get(0)), call.position());
                }
                throw arity(call, name.equals("@owns_record") ? "0 or 1" : "0");
            case "@is_public":
                if (!args.isEmpty()) {
                    throw arity(call, "0");
                }
                return isPublic(call.position());
            case "@has_role":
                if (args.size() != 1) {
                    throw arity(call, "1");
                }
                return new Node.Compare("=", new Node.Var("@request.auth.role", call.position()), args.get(0));
            case HAS_GROUP:
                if (args.size() != 1 || !(args.get(0) instanceof Node.Literal l && l.value() instanceof String)) {
                    throw new RuleCompileException("@has_group expects one string argument, the group name");
                }
                return new Node.Call(HAS_GROUP, args, call.position());
            case IN_TIME_RANGE:
                if (args.size() != 2 || !isHour(args.get(0)) || !isHour(args.get(1))) {
                    throw new RuleCompileException("@in_time_range expects two whole hours from 0 to 24 (UTC)");
                }
                return new Node.Call(IN_TIME_RANGE, args, call.position());
            default:
                throw new RuleCompileException("Unknown function '" + call.name() + "'");
        }
    }

    /** The reference substitutes the argument raw; a quoted name is taken as the field it names. */
    private static String fieldName(Node.Call call, Node arg) throws RuleCompileException {
        if (arg instanceof Node.Var v && !v.name().startsWith("@")) {
            return v.name();
        }
        if (arg instanceof Node.Literal l && l.value() instanceof String s) {
            return s;
        }
        throw new RuleCompileException(call.name() + " expects a field name");
    }

    private static Node owns(String field, int position) {
        return new Node.Compare("=", new Node.Var(field, position), new Node.Var(AUTH_ID, position));
    }

    private static Node isPublic(int position) {
        return new Node.Compare("=", new Node.Var("public", position), new Node.Literal(Boolean.TRUE, position));
    }

    private static boolean isHour(Node node) {
        return node instanceof Node.Literal l && l.value() instanceof Long hour && hour >= 0 && hour <= 24;
    }

    private static RuleCompileException arity(Node.Call call, String expected) {
        return new RuleCompileException(call.name() + " expects " + expected + " argument(s), got " + call.args().size());
    }

    private static List<Node> expandAll(List<Node> nodes) throws RuleCompileException {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            out.add(expand(n));
        }
        return out;
    }
}
