package io.snackbase.rules.internal;

import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleCompileException;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.rules.internal.Piece.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an expression against its {@link Scope} and compiles it to a boolean SQL fragment with bound
 * parameters (domain.md §3.4-3.6). The same pass validates rules and in-memory conditions; their SQL
 * is then simply not used.
 */
final class SqlCompiler {

    private final Scope scope;
    private final Variables variables;

    private SqlCompiler(Scope scope) {
        this.scope = scope;
        this.variables = new Variables(scope);
    }

    static SqlFragment compile(Node node, Scope scope) throws RuleCompileException {
        SqlCompiler compiler = new SqlCompiler(scope);
        Piece root = compiler.piece(node);
        compiler.requireCondition(root, "The expression must be a condition");
        List<Object> params = new ArrayList<>();
        String sql = compiler.emit(root, params);
        return new SqlFragment(sql, params);
    }

    private Piece piece(Node node) throws RuleCompileException {
        if (node instanceof Node.Literal l) {
            return Piece.literal(l.value());
        }
        if (node instanceof Node.Var v) {
            return variables.resolve(v.name());
        }
        if (node instanceof Node.Unary u) {
            return u.op() == '!' ? not(piece(u.operand())) : negate(piece(u.operand()));
        }
        if (node instanceof Node.Logic l) {
            return logic(l);
        }
        if (node instanceof Node.Arith a) {
            return arith(a.op(), piece(a.left()), piece(a.right()));
        }
        if (node instanceof Node.Compare c) {
            return Comparisons.compare(this, c.op(), piece(c.left()), piece(c.right()));
        }
        if (node instanceof Node.In in) {
            return in(in);
        }
        if (node instanceof Node.IsNull n) {
            return isNull(piece(n.operand()), n.negated());
        }
        return variables.call((Node.Call) node);
    }

    private Piece not(Piece operand) throws RuleCompileException {
        requireCondition(operand, "'!' needs a condition");
        List<Object> params = new ArrayList<>();
        return Piece.expr("NOT (" + emit(operand, params) + ")", params, Type.BOOLEAN);
    }

    private Piece negate(Piece operand) throws RuleCompileException {
        requireNumber(operand, "-");
        if (operand.constant() && operand.value() instanceof Long n) {
            return operand.withValue(-n, Type.INTEGER);
        }
        if (operand.constant() && operand.value() instanceof Number n) {
            return operand.withValue(-n.doubleValue(), Type.NUMBER);
        }
        List<Object> params = new ArrayList<>();
        return Piece.expr("(- " + emit(operand, params) + ")", params, operand.type() == Type.ANY ? Type.NUMBER : operand.type());
    }

    private Piece logic(Node.Logic logic) throws RuleCompileException {
        String op = logic.and() ? "&&" : "||";
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("(");
        for (Node node : logic.operands()) {
            Piece operand = piece(node);
            requireCondition(operand, "'" + op + "' needs conditions on both sides");
            if (sql.length() > 1) {
                sql.append(logic.and() ? " AND " : " OR ");
            }
            sql.append(emit(operand, params));
        }
        return Piece.expr(sql.append(')').toString(), params, Type.BOOLEAN);
    }

    private Piece arith(char op, Piece left, Piece right) throws RuleCompileException {
        requireNumber(left, String.valueOf(op));
        requireNumber(right, String.valueOf(op));
        boolean integers = left.type() != Type.NUMBER && right.type() != Type.NUMBER;
        if (op == '%' && !integers) {
            throw new RuleCompileException("'%' needs whole numbers, not " + (left.type() == Type.NUMBER ? left : right).describe());
        }
        List<Object> params = new ArrayList<>();
        String l = emit(left, params);
        String r = emit(right, params);
        return switch (op) {
            case '/' -> Piece.expr("(" + Dialects.realCast(scope.dialect(), l) + " / NULLIF(" + r + ", 0))", params, Type.NUMBER);
            case '%' -> Piece.expr("(" + l + " % NULLIF(" + r + ", 0))", params, Type.INTEGER);
            default -> Piece.expr("(" + l + " " + op + " " + r + ")", params, integers ? Type.INTEGER : Type.NUMBER);
        };
    }

    private Piece in(Node.In in) throws RuleCompileException {
        Piece left = piece(in.left());
        fail(Operators.check(left, "IN"));
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(emit(left, params)).append(" IN (");
        for (int i = 0; i < in.items().size(); i++) {
            Piece item = piece(in.items().get(i));
            if (!item.literal()) {
                throw new RuleCompileException("The items of an IN list must be literal values, not " + item.describe());
            }
            if (item.isNull()) {
                throw new RuleCompileException("null is not allowed in an IN list; use IS NULL");
            }
            item = Comparisons.unify(left, item, "IN")[1];
            sql.append(i == 0 ? "" : ", ").append(emit(item, params));
        }
        return Piece.expr(sql.append(')').toString(), params, Type.BOOLEAN);
    }

    Piece isNull(Piece operand, boolean negated) throws RuleCompileException {
        fail(Operators.check(operand, negated ? Operators.IS_NOT_NULL : Operators.IS_NULL));
        List<Object> params = new ArrayList<>();
        return Piece.expr(emit(operand, params) + (negated ? " IS NOT NULL" : " IS NULL"), params, Type.BOOLEAN);
    }

    /** Appends the operand's parameters and returns its SQL; constants become one {@code ?} (or NULL). */
    String emit(Piece piece, List<Object> params) {
        if (!piece.constant()) {
            params.addAll(piece.params());
            return piece.sql();
        }
        Object value = piece.value();
        if (value == null) {
            return "NULL";
        }
        if (value == Piece.UNBOUND) {
            value = null;
        } else if (value instanceof Boolean b) {
            value = Dialects.bool(scope.dialect(), b);
        } else if (value instanceof java.time.LocalDate d) {
            value = Dialects.date(scope.dialect(), d);
        } else if (value instanceof java.time.Instant t) {
            value = Dialects.dateTime(scope.dialect(), t);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            value = ((Number) value).longValue();
        } else if (value instanceof Number n && !(value instanceof Long) && !(value instanceof Double)) {
            value = n.doubleValue();
        }
        params.add(value);
        return "?";
    }

    Scope scope() {
        return scope;
    }

    private void requireCondition(Piece piece, String message) throws RuleCompileException {
        if (piece.type() != Type.BOOLEAN && piece.type() != Type.NULL && piece.type() != Type.ANY) {
            throw new RuleCompileException(message + ", not " + piece.describe());
        }
    }

    private void requireNumber(Piece piece, String op) throws RuleCompileException {
        if (!piece.numeric() && piece.type() != Type.ANY) {
            throw new RuleCompileException("'" + op + "' needs numbers, not " + piece.describe());
        }
    }

    static void fail(String error) throws RuleCompileException {
        if (error != null) {
            throw new RuleCompileException(error);
        }
    }

    private static final java.util.regex.Pattern FIELD_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_]+");

    static boolean isFieldName(String name) {
        return FIELD_NAME.matcher(name).matches();
    }

    static String quote(Scope scope, String name) {
        String column = Dialects.quote(scope.dialect(), name);
        return scope.schema() == null || scope.schema().tableAlias() == null ? column : scope.schema().tableAlias() + "." + column;
    }

    static Map<String, FieldType> fields(Scope scope) {
        return scope.schema().fields();
    }
}
