package io.snackbase.rules.internal;

import io.snackbase.api.rules.RuleCompileException;
import io.snackbase.rules.internal.Piece.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Compiles the comparison operators, checking operator/type compatibility (domain.md §3.5). */
final class Comparisons {

    private Comparisons() {}

    static Piece compare(SqlCompiler compiler, String op, Piece left, Piece right) throws RuleCompileException {
        boolean nullLeft = left.isNull() && left.literal();
        if ((op.equals("=") || op.equals("!=")) && (nullLeft || right.isNull() && right.literal())) {
            // discrepancies.md #13: the SDK writes "x = null" and means IS NULL. Only the literal does:
            // a variable that happens to be null (a caller without email) stays unknown, as in SQL.
            return compiler.isNull(nullLeft ? right : left, op.equals("!="));
        }
        SqlCompiler.fail(Operators.check(left, op));
        SqlCompiler.fail(Operators.check(right, op));
        if (op.equals("~")) {
            return like(compiler, left, right);
        }
        Piece[] pair = unify(left, right, op);
        List<Object> params = new ArrayList<>();
        String l = compiler.emit(pair[0], params);
        String r = compiler.emit(pair[1], params);
        return Piece.expr(l + " " + (op.equals("!=") ? "<>" : op) + " " + r, params, Type.BOOLEAN);
    }

    /**
     * {@code ~} is SQL LIKE with the pattern as given ({@code %} any run, {@code _} one character),
     * case-insensitive on every database; ESCAPE '!' makes backslashes literal everywhere (PostgreSQL
     * and MySQL would otherwise treat them as escapes, SQLite not).
     */
    private static Piece like(SqlCompiler compiler, Piece left, Piece right) throws RuleCompileException {
        if (left.type() != Type.TEXT && left.type() != Type.ANY && left.type() != Type.NULL) {
            throw new RuleCompileException("'~' needs text on the left, not " + left.describe());
        }
        if (!right.constant() || (right.type() != Type.TEXT && right.type() != Type.ANY && right.type() != Type.NULL)) {
            throw new RuleCompileException("The pattern after '~' must be a text value, not " + right.describe());
        }
        Piece pattern = right.value() instanceof String s ? right.withValue(s.replace("!", "!!"), Type.TEXT) : right;
        List<Object> params = new ArrayList<>();
        String l = compiler.emit(left, params);
        String r = compiler.emit(pattern, params);
        return Piece.expr("LOWER(" + l + ") LIKE LOWER(" + r + ") ESCAPE '!'", params, Type.BOOLEAN);
    }

    /** @return both operands, a text constant compared with a date column converted to a date */
    static Piece[] unify(Piece left, Piece right, String op) throws RuleCompileException {
        Type l = left.type();
        Type r = right.type();
        if (l == Type.ANY || r == Type.ANY) {
            return new Piece[] {left, right};
        }
        if (l == Type.NULL || r == Type.NULL || l == r || (left.numeric() && right.numeric())) {
            if (l == Type.JSON || r == Type.JSON) {
                throw mismatch(left, right);
            }
            return new Piece[] {left, right};
        }
        if ((l == Type.DATE || l == Type.DATETIME) && r == Type.TEXT && readsAsDate(right)) {
            return new Piece[] {left, temporal(right, left)};
        }
        if ((r == Type.DATE || r == Type.DATETIME) && l == Type.TEXT && readsAsDate(left)) {
            return new Piece[] {temporal(left, right), right};
        }
        throw mismatch(left, right);
    }

    /** Literals and request-body values may be dates written as text; caller values never are. */
    private static boolean readsAsDate(Piece text) {
        return text.literal() || text.constant() && text.source().startsWith(Variables.DATA);
    }

    private static Piece temporal(Piece text, Piece column) throws RuleCompileException {
        if (text.value() == Piece.UNBOUND) {
            return text.withValue(Piece.UNBOUND, column.type());
        }
        String value = (String) text.value();
        if (column.type() == Type.DATE) {
            LocalDate date = Temporals.date(value);
            if (date == null) {
                throw new RuleCompileException("Invalid date \"" + value + "\" for " + column.describe() + " (expected YYYY-MM-DD)");
            }
            return text.withValue(date, Type.DATE);
        }
        Instant instant = Temporals.instant(value);
        if (instant == null) {
            throw new RuleCompileException("Invalid date-time \"" + value + "\" for " + column.describe()
                    + " (expected ISO-8601, e.g. 2024-01-31T12:00:00Z)");
        }
        return text.withValue(instant, Type.DATETIME);
    }

    private static RuleCompileException mismatch(Piece left, Piece right) {
        return new RuleCompileException("Cannot compare " + left.describe() + " with " + right.describe());
    }
}
