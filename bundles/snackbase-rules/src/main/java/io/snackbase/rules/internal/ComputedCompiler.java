package io.snackbase.rules.internal;

import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleCompileException;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.storage.DatabaseKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a computed-field expression (domain.md §2.5) to a SQL value expression for one dialect:
 * schema and system fields as (qualified, quoted) columns, literals as parameters, operators,
 * comparisons, logic, {@code IS [NOT] NULL} and the functions concat, upper, lower, trim, length,
 * substring, round, abs, ceil, floor, if, coalesce, nullif, now, date_diff, date_add. Date-times are
 * epoch microseconds and dates ISO text, as the records tables keep them; {@code now()} is bound
 * from the clock. NULLs in {@code concat} count as empty text on every database.
 */
final class ComputedCompiler {

    private enum T { TEXT, NUMBER, BOOLEAN, DATE, DATETIME, NULL, ANY }

    /** SQL text with its parameters, in order, and a static type. */
    private record P(String sql, List<Object> params, T type) {}

    private final FieldSchema schema;
    private final DatabaseKind dialect;
    private final Instant now;

    private ComputedCompiler(FieldSchema schema, DatabaseKind dialect, Instant now) {
        this.schema = schema;
        this.dialect = dialect;
        this.now = now;
    }

    static SqlFragment compile(Node node, FieldSchema schema, DatabaseKind dialect, Instant now) throws RuleCompileException {
        P p = new ComputedCompiler(schema, dialect, now).piece(node);
        return new SqlFragment(p.sql, p.params);
    }

    private P piece(Node node) throws RuleCompileException {
        if (node instanceof Node.Literal l) {
            return literal(l.value());
        }
        if (node instanceof Node.Var v) {
            return column(v.name());
        }
        if (node instanceof Node.Unary u) {
            P operand = piece(u.operand());
            return u.op() == '!' ? new P("NOT (" + bool(operand).sql + ")", bool(operand).params, T.BOOLEAN)
                    : new P("(- " + operand.sql + ")", operand.params, T.NUMBER);
        }
        if (node instanceof Node.Logic l) {
            List<P> parts = new ArrayList<>();
            for (Node n : l.operands()) {
                parts.add(bool(piece(n)));
            }
            return join("(", l.and() ? " AND " : " OR ", ")", parts, T.BOOLEAN);
        }
        if (node instanceof Node.Arith a) {
            P left = piece(a.left());
            P right = piece(a.right());
            if (left.type == T.TEXT || right.type == T.TEXT) {
                throw new RuleCompileException("'" + a.op() + "' needs numbers; use concat() to join texts");
            }
            return switch (a.op()) {
                case '/' -> join("(", "", ")", List.of(new P(Dialects.realCast(dialect, left.sql), left.params, T.NUMBER),
                        new P(" / NULLIF(" + right.sql + ", 0)", right.params, T.NUMBER)), T.NUMBER);
                case '%' -> dialect == DatabaseKind.POSTGRESQL
                        ? join("MOD(CAST(", " AS NUMERIC), CAST(", " AS NUMERIC))", List.of(left, right), T.NUMBER)
                        : join("(", " % ", ")", List.of(left, right), T.NUMBER);
                default -> join("(", " " + a.op() + " ", ")", List.of(left, right), T.NUMBER);
            };
        }
        if (node instanceof Node.Compare c) {
            P left = piece(c.left());
            P right = piece(c.right());
            if (c.op().equals("~")) {
                String like = dialect == DatabaseKind.POSTGRESQL ? " ILIKE " : " LIKE ";
                return join("(", like, ")", List.of(text(left), text(right)), T.BOOLEAN);
            }
            return join("(", " " + c.op() + " ", ")", List.of(left, right), T.BOOLEAN);
        }
        if (node instanceof Node.In in) {
            List<P> items = new ArrayList<>();
            for (Node n : in.items()) {
                items.add(piece(n));
            }
            P list = join("(", ", ", ")", items, T.ANY);
            return join("(", " IN ", ")", List.of(piece(in.left()), list), T.BOOLEAN);
        }
        if (node instanceof Node.IsNull n) {
            P operand = piece(n.operand());
            return new P("(" + operand.sql + (n.negated() ? " IS NOT NULL)" : " IS NULL)"), operand.params, T.BOOLEAN);
        }
        return call((Node.Call) node);
    }

    private P literal(Object value) {
        if (value == null) {
            return new P("NULL", List.of(), T.NULL);
        }
        if (value instanceof Boolean b) {
            return new P(dialect == DatabaseKind.POSTGRESQL ? (b ? "TRUE" : "FALSE") : (b ? "1" : "0"), List.of(), T.BOOLEAN);
        }
        if (value instanceof String s) {
            // a typed parameter: PostgreSQL cannot infer the type of a bare ? in many positions
            return new P(cast("?", T.TEXT), List.of(s), T.TEXT);
        }
        if (value instanceof Long n) {
            return new P(cast("?", T.NUMBER), List.of(n.doubleValue()), T.NUMBER);
        }
        return new P(cast("?", T.NUMBER), List.of(((Number) value).doubleValue()), T.NUMBER);
    }

    private String cast(String sql, T type) {
        return switch (type) {
            case TEXT -> switch (dialect) {
                case SQLITE -> "CAST(" + sql + " AS TEXT)";
                case POSTGRESQL -> "CAST(" + sql + " AS TEXT)";
                case MYSQL -> "CAST(" + sql + " AS CHAR)";
            };
            case NUMBER -> Dialects.realCast(dialect, sql);
            default -> sql;
        };
    }

    private P column(String name) throws RuleCompileException {
        if (name.startsWith("@")) {
            throw new RuleCompileException("Variables are not allowed in computed expressions: '" + name + "'");
        }
        FieldType type = SqlCompiler.isFieldName(name) ? schema.fields().get(name) : null;
        if (type == null || type == FieldType.COMPUTED) {
            throw new RuleCompileException("Field '" + name + "' does not exist in collection or is computed. Available fields: "
                    + String.join(", ", schema.fields().entrySet().stream().filter(e -> e.getValue() != FieldType.COMPUTED)
                            .map(Map.Entry::getKey).toList()));
        }
        String column = Dialects.quote(dialect, name);
        String sql = schema.tableAlias() == null ? column : schema.tableAlias() + "." + column;
        T t = switch (type) {
            case NUMBER, INTEGER -> T.NUMBER;
            case BOOLEAN -> T.BOOLEAN;
            case DATE -> T.DATE;
            case DATETIME -> T.DATETIME;
            case JSON, FILE -> T.ANY;
            default -> T.TEXT;
        };
        return new P(sql, List.of(), t);
    }

    private P bool(P p) {
        if (p.type == T.BOOLEAN || dialect != DatabaseKind.POSTGRESQL) {
            return p;
        }
        return new P("(" + p.sql + " <> 0)", p.params, T.BOOLEAN);
    }

    private P text(P p) {
        return p.type == T.TEXT ? p : new P(cast(p.sql, T.TEXT), p.params, T.TEXT);
    }

    private static P join(String open, String sep, String close, List<P> parts, T type) {
        StringBuilder sql = new StringBuilder(open);
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : sep).append(parts.get(i).sql);
            params.addAll(parts.get(i).params);
        }
        return new P(sql.append(close).toString(), params, type);
    }

    private static P fn(String name, List<P> args, T type) {
        return join(name + "(", ", ", ")", args, type);
    }

    private P call(Node.Call call) throws RuleCompileException {
        String name = call.name().toLowerCase(Locale.ROOT);
        int n = call.args().size();
        switch (name) {
            case "concat" -> arity(name, n, 2, Integer.MAX_VALUE);
            case "upper", "lower", "trim", "length", "abs", "ceil", "floor" -> arity(name, n, 1, 1);
            case "substring" -> arity(name, n, 2, 3);
            case "round" -> arity(name, n, 1, 2);
            case "if", "date_diff", "date_add" -> arity(name, n, 3, 3);
            case "coalesce" -> arity(name, n, 2, Integer.MAX_VALUE);
            case "nullif" -> arity(name, n, 2, 2);
            case "now" -> arity(name, n, 0, 0);
            default -> throw new RuleCompileException("Unknown function '" + call.name() + "'. Available functions: concat, upper, lower, "
                    + "trim, length, substring, round, abs, ceil, floor, if, coalesce, nullif, now, date_diff, date_add");
        }
        if (name.equals("now")) {
            return new P("?", List.of(Temporals.micros(now)), T.DATETIME);
        }
        if (name.equals("date_diff") || name.equals("date_add")) {
            return dates(name, call);
        }
        List<P> args = new ArrayList<>();
        for (Node a : call.args()) {
            args.add(piece(a));
        }
        P first = args.get(0);
        return switch (name) {
            case "concat" -> concat(args);
            case "upper" -> fn("UPPER", List.of(text(first)), T.TEXT);
            case "lower" -> fn("LOWER", List.of(text(first)), T.TEXT);
            case "trim" -> fn("TRIM", List.of(text(first)), T.TEXT);
            case "length" -> fn(dialect == DatabaseKind.MYSQL ? "CHAR_LENGTH" : "LENGTH", List.of(text(first)), T.NUMBER);
            case "substring" -> {
                List<P> parts = new ArrayList<>(List.of(text(first)));
                for (P p : args.subList(1, args.size())) {
                    parts.add(integer(p));
                }
                yield fn(dialect == DatabaseKind.SQLITE ? "SUBSTR" : "SUBSTRING", parts, T.TEXT);
            }
            case "round" -> round(args);
            case "abs" -> fn("ABS", List.of(first), T.NUMBER);
            case "ceil", "floor" -> ceilFloor(name, first);
            case "if" -> {
                P c = bool(first);
                P then = args.get(1);
                P other = args.get(2);
                List<Object> params = new ArrayList<>(c.params);
                params.addAll(then.params);
                params.addAll(other.params);
                yield new P("(CASE WHEN " + c.sql + " THEN " + then.sql + " ELSE " + other.sql + " END)", params, common(then, other));
            }
            case "coalesce" -> fn("COALESCE", args, common(args.toArray(P[]::new)));
            default -> fn("NULLIF", args, first.type);
        };
    }

    private static void arity(String name, int n, int min, int max) throws RuleCompileException {
        if (n < min || n > max) {
            String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw new RuleCompileException("Function '" + name + "' takes " + expected + " argument" + (max == 1 ? "" : "s") + ", got " + n);
        }
    }

    private static T common(P... parts) {
        T type = T.NULL;
        for (P p : parts) {
            if (p.type != T.NULL) {
                if (type != T.NULL && type != p.type) {
                    return T.ANY;
                }
                type = p.type;
            }
        }
        return type;
    }

    private P concat(List<P> args) {
        List<P> parts = new ArrayList<>();
        for (P p : args) {
            P t = text(p);
            parts.add(new P("COALESCE(" + t.sql + ", '')", t.params, T.TEXT));
        }
        return dialect == DatabaseKind.SQLITE ? join("(", " || ", ")", parts, T.TEXT) : fn("CONCAT", parts, T.TEXT);
    }

    private P integer(P p) {
        return switch (dialect) {
            case SQLITE -> new P("CAST(" + p.sql + " AS INTEGER)", p.params, T.NUMBER);
            case POSTGRESQL -> new P("CAST(" + p.sql + " AS INTEGER)", p.params, T.NUMBER);
            case MYSQL -> new P("CAST(" + p.sql + " AS SIGNED)", p.params, T.NUMBER);
        };
    }

    private P round(List<P> args) {
        P digits = args.size() > 1 ? integer(args.get(1)) : new P("0", List.of(), T.NUMBER);
        if (dialect == DatabaseKind.POSTGRESQL) {
            // round(double, int) does not exist: NUMERIC rounds half away from zero like the others
            return new P(Dialects.realCast(dialect, "ROUND(CAST(" + args.get(0).sql + " AS NUMERIC), " + digits.sql + ")"),
                    concat(args.get(0).params, digits.params), T.NUMBER);
        }
        if (dialect == DatabaseKind.MYSQL) {
            // ROUND on a DOUBLE rounds half to even there; on DECIMAL half away from zero like the others
            return new P(Dialects.realCast(dialect, "ROUND(CAST(" + args.get(0).sql + " AS DECIMAL(65,30)), " + digits.sql + ")"),
                    concat(args.get(0).params, digits.params), T.NUMBER);
        }
        return new P(Dialects.realCast(dialect, "ROUND(" + args.get(0).sql + ", " + digits.sql + ")"),
                concat(args.get(0).params, digits.params), T.NUMBER);
    }

    private P ceilFloor(String name, P x) {
        if (dialect != DatabaseKind.SQLITE) {
            return new P(Dialects.realCast(dialect, (name.equals("ceil") ? "CEIL(" : "FLOOR(") + x.sql + ")"), x.params, T.NUMBER);
        }
        // SQLite builds without the math functions have no CEIL/FLOOR
        String t = "CAST(" + x.sql + " AS INTEGER)";
        String sql = name.equals("ceil") ? "(" + t + " + (" + x.sql + " > " + t + "))" : "(" + t + " - (" + x.sql + " < " + t + "))";
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            params.addAll(x.params);
        }
        return new P("CAST(" + sql + " AS REAL)", params, T.NUMBER);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long unit(Node node) throws RuleCompileException {
        if (!(node instanceof Node.Literal l) || !(l.value() instanceof String s)) {
            throw new RuleCompileException("The unit of date_diff/date_add must be a string literal");
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "seconds", "second" -> 1_000_000L;
            case "minutes", "minute" -> 60_000_000L;
            case "hours", "hour" -> 3_600_000_000L;
            case "days", "day" -> 86_400_000_000L;
            case "months", "month" -> 30 * 86_400_000_000L;
            case "years", "year" -> 365 * 86_400_000_000L;
            default -> throw new RuleCompileException("Unknown unit '" + s + "'. Units: seconds, minutes, hours, days, months, years");
        };
    }

    /** date_diff(a, b, unit) = (a − b) in unit (real); date_add(d, amount, unit) = a date-time. */
    private P dates(String name, Node.Call call) throws RuleCompileException {
        long unit = unit(call.args().get(2));
        if (name.equals("date_diff")) {
            P a = micros(call.args().get(0));
            P b = micros(call.args().get(1));
            P diff = join("(", " - ", ")", List.of(a, b), T.NUMBER);
            return new P("(" + Dialects.realCast(dialect, diff.sql) + " / " + unit + ")", diff.params, T.NUMBER);
        }
        P d = micros(call.args().get(0));
        P amount = piece(call.args().get(1));
        P delta = integerCast(new P("(" + amount.sql + " * " + unit + ")", amount.params, T.NUMBER));
        return join("(", " + ", ")", List.of(d, delta), T.DATETIME);
    }

    private P integerCast(P p) {
        return switch (dialect) {
            case SQLITE -> new P("CAST(" + p.sql + " AS INTEGER)", p.params, T.NUMBER);
            case POSTGRESQL -> new P("CAST(" + p.sql + " AS BIGINT)", p.params, T.NUMBER);
            case MYSQL -> new P("CAST(" + p.sql + " AS SIGNED)", p.params, T.NUMBER);
        };
    }

    /** A date-time (µs), a date (ISO text, converted) or an ISO text literal (parsed here) as epoch µs. */
    private P micros(Node node) throws RuleCompileException {
        if (node instanceof Node.Literal l && l.value() instanceof String s) {
            Instant t = Temporals.instant(s);
            if (t == null) {
                throw new RuleCompileException("Not a date or date-time: \"" + s + "\"");
            }
            return new P("?", List.of(Temporals.micros(t)), T.DATETIME);
        }
        P p = piece(node);
        if (p.type == T.DATETIME || p.type == T.NULL) {
            return p;
        }
        if (p.type != T.DATE) {
            throw new RuleCompileException("date_diff/date_add need dates or date-times");
        }
        return switch (dialect) {
            case SQLITE -> new P("CAST(ROUND((julianday(" + p.sql + ") - 2440587.5) * 86400) AS INTEGER) * 1000000", p.params, T.DATETIME);
            case POSTGRESQL -> new P("(CAST(EXTRACT(EPOCH FROM CAST(" + p.sql + " AS DATE)) AS BIGINT) * 1000000)", p.params, T.DATETIME);
            case MYSQL -> new P("(TIMESTAMPDIFF(SECOND, '1970-01-01', " + p.sql + ") * 1000000)", p.params, T.DATETIME);
        };
    }
}
