package io.snackbase.records.internal.records;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.rules.SqlFragment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /records/{c}/aggregate} (domain.md §2.4): the functions, {@code group_by} and
 * {@code having} parsed into SQL over quoted, validated column names with every value bound.
 */
public final class Aggregates {

    static final String FUNCTIONS_ERROR = "Invalid aggregation functions";
    static final String GROUP_BY_ERROR = "Invalid group_by";
    static final String HAVING_ERROR = "Invalid having expression";

    private static final Pattern FUNCTION = Pattern.compile("^\\s*(\\w+)\\(\\s*(\\w*)\\s*\\)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NAMES = Set.of("count", "sum", "avg", "min", "max");
    private static final Set<FieldType> MIN_MAX = Set.of(FieldType.NUMBER, FieldType.DATE, FieldType.DATETIME, FieldType.TEXT,
            FieldType.EMAIL, FieldType.URL);

    private Aggregates() {}

    /**
     * One aggregate: function, column (null for {@code count()}), result alias and the type of the
     * column (a computed field's {@code return_type}).
     */
    record Fn(String fn, String column, String alias, FieldType type) {

        /** @return the type of the result ({@code count}: a number) */
        FieldType resultType() {
            return switch (fn) {
                case "count", "sum", "avg" -> FieldType.NUMBER;
                default -> type;
            };
        }

        void sql(Sql sql) {
            if (column == null) {
                sql.raw("COUNT(*)");
            } else {
                sql.raw(fn.toUpperCase(Locale.ROOT) + "(").col(RecordStore.ALIAS, column).raw(")");
            }
        }
    }

    /**
     * @return the type of a system or schema column or a computed field's return type; null when
     *     there is none, and for encrypted fields (their stored text is ciphertext)
     */
    static FieldType columnType(CollectionDefinition def, String name) {
        switch (name) {
            case "id", "account_id", "created_by", "updated_by":
                return FieldType.TEXT;
            case "created_at", "updated_at":
                return FieldType.DATETIME;
            default:
                FieldDefinition f = def.field(name).orElse(null);
                if (f == null || f.encrypted()) {
                    return null;
                }
                return f.type() != FieldType.COMPUTED ? f.type() : f.returnType() == null ? FieldType.TEXT : f.returnType();
        }
    }

    static String columnName(CollectionDefinition def, String name) {
        return RecordStore.SYSTEM_COLUMNS.contains(name) ? name : def.field(name).map(FieldDefinition::name).orElse(name);
    }

    /**
     * @param readable the fields the caller may read (null = all); others cannot be aggregated
     * @throws ApiException 400 {@code Invalid aggregation functions}
     */
    static List<Fn> functions(CollectionDefinition def, String text, Set<String> readable) {
        if (text == null || text.isBlank()) {
            throw new ApiException(400, FUNCTIONS_ERROR, "At least one aggregation function is required, e.g. functions=count()");
        }
        List<Fn> out = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = FUNCTION.matcher(part);
            if (!m.matches()) {
                throw new ApiException(400, FUNCTIONS_ERROR, "Invalid function syntax: '" + part.strip() + "'");
            }
            String fn = m.group(1).toLowerCase(Locale.ROOT);
            String field = m.group(2);
            if (!NAMES.contains(fn)) {
                throw new ApiException(400, FUNCTIONS_ERROR, "Unknown aggregation function '" + fn + "'. Supported: count, sum, avg, min, max");
            }
            Fn f;
            if (field.isEmpty()) {
                if (!fn.equals("count")) {
                    throw new ApiException(400, FUNCTIONS_ERROR, "Function '" + fn + "' requires a field name");
                }
                f = new Fn("count", null, "count", null);
            } else {
                FieldType type = columnType(def, field);
                if (encrypted(def, field)) {
                    throw new ApiException(400, FUNCTIONS_ERROR, "Field '" + field + "' is encrypted and cannot be aggregated");
                }
                if (type == null) {
                    throw new ApiException(400, FUNCTIONS_ERROR, "Field '" + field + "' does not exist in collection '" + def.name() + "'");
                }
                String column = columnName(def, field);
                if (!readable(column, readable)) {
                    throw new ApiException(400, FUNCTIONS_ERROR, "Field '" + field + "' is not readable");
                }
                if ((fn.equals("sum") || fn.equals("avg")) && type != FieldType.NUMBER) {
                    throw new ApiException(400, FUNCTIONS_ERROR, "Function '" + fn + "' requires a number field; '" + field + "' is " + type.wireName());
                }
                if ((fn.equals("min") || fn.equals("max")) && !MIN_MAX.contains(type)) {
                    throw new ApiException(400, FUNCTIONS_ERROR, "Function '" + fn + "' cannot be applied to the " + type.wireName() + " field '" + field + "'");
                }
                f = new Fn(fn, column, fn + "_" + column, type);
            }
            for (Fn seen : out) {
                if (seen.alias().equalsIgnoreCase(f.alias())) {
                    throw new ApiException(400, FUNCTIONS_ERROR, "Duplicate aggregation function '" + part.strip() + "'");
                }
            }
            out.add(f);
        }
        return out;
    }

    private static boolean encrypted(CollectionDefinition def, String name) {
        return def.field(name).map(FieldDefinition::encrypted).orElse(false);
    }

    private static boolean readable(String column, Set<String> readable) {
        return readable == null || RecordStore.SYSTEM_COLUMNS.contains(column) || readable.contains(column);
    }

    /** @throws ApiException 400 {@code Invalid group_by} */
    static List<String> groupBy(CollectionDefinition def, String text, Set<String> readable, List<Fn> functions) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String name = part.strip();
            FieldType type = name.isEmpty() ? null : columnType(def, name);
            if (encrypted(def, name)) {
                throw new ApiException(400, GROUP_BY_ERROR, "Field '" + name + "' is encrypted and cannot be grouped by");
            }
            if (type == null) {
                throw new ApiException(400, GROUP_BY_ERROR, "Field '" + name + "' does not exist in collection '" + def.name() + "'");
            }
            String column = columnName(def, name);
            if (!readable(column, readable)) {
                throw new ApiException(400, GROUP_BY_ERROR, "Field '" + name + "' is not readable");
            }
            if (out.stream().anyMatch(column::equalsIgnoreCase)) {
                throw new ApiException(400, GROUP_BY_ERROR, "Duplicate group_by field '" + name + "'");
            }
            if (functions.stream().anyMatch(fn -> fn.alias().equalsIgnoreCase(column))) {
                throw new ApiException(400, GROUP_BY_ERROR, "Field '" + name + "' has the name of an aggregate result");
            }
            out.add(column);
        }
        return out;
    }

    /** The statement: groups, aggregates, scope/rule/filter, GROUP BY, HAVING, groups in order (NULLs first). */
    static Sql statement(CollectionDefinition def, List<Fn> functions, List<String> groups, RecordStore.Where where, String having,
            io.snackbase.records.internal.core.Dialect dialect, Map<String, SqlFragment> computed) {
        Sql sql = new Sql(dialect).raw("SELECT ");
        for (String g : groups) {
            sql.col(RecordStore.ALIAS, g).raw(" AS ").id(g).raw(", ");
        }
        for (int i = 0; i < functions.size(); i++) {
            functions.get(i).sql(sql.raw(i == 0 ? "" : ", "));
            sql.raw(" AS ").id(functions.get(i).alias());
        }
        sql.raw(" FROM ");
        from(sql, def, used(functions, groups, computed), where);
        if (!groups.isEmpty()) {
            sql.raw(" GROUP BY ");
            for (int i = 0; i < groups.size(); i++) {
                sql.raw(i == 0 ? "" : ", ").col(RecordStore.ALIAS, groups.get(i));
            }
        }
        if (having != null && !having.isBlank()) {
            sql.raw(" HAVING ");
            new Having(having, functions, sql).parse();
        }
        if (!groups.isEmpty()) {
            sql.raw(" ORDER BY ");
            for (int i = 0; i < groups.size(); i++) {
                sql.raw(i == 0 ? "" : ", ").raw("CASE WHEN ").col(RecordStore.ALIAS, groups.get(i)).raw(" IS NULL THEN 0 ELSE 1 END, ")
                        .col(RecordStore.ALIAS, groups.get(i));
            }
        }
        return sql;
    }

    /** @return the rows as API values: group fields in their JSON form, counts as integers, sums and averages as numbers */
    static Map<String, Object> result(CollectionDefinition def, List<Fn> functions, List<String> groups, Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String g : groups) {
            out.put(g, value(def, g, columnType(def, g), row.get(g)));
        }
        for (Fn f : functions) {
            Object v = row.get(f.alias());
            Object value;
            if (v == null) {
                value = f.fn().equals("count") ? 0L : null;
            } else if (f.fn().equals("count")) {
                value = ((Number) v).longValue();
            } else if (f.fn().equals("sum") || f.fn().equals("avg")) {
                value = ((Number) v).doubleValue();
            } else {
                value = value(def, f.column(), f.type(), v);
            }
            out.put(f.alias(), value);
        }
        return out;
    }

    /** @return the computed fields that the aggregates or groups name, with their SQL */
    private static Map<String, SqlFragment> used(List<Fn> functions, List<String> groups, Map<String, SqlFragment> computed) {
        Map<String, SqlFragment> used = new LinkedHashMap<>();
        functions.stream().map(Fn::column).filter(computed::containsKey).forEach(c -> used.put(c, computed.get(c)));
        groups.stream().filter(computed::containsKey).forEach(c -> used.put(c, computed.get(c)));
        return used;
    }

    /**
     * The rows to aggregate: the table, or, when computed fields are aggregated or grouped, a
     * derived table that adds them as columns (a GROUP BY on an expression with bound values would
     * not match its SELECT on PostgreSQL, where every placeholder is a parameter of its own).
     */
    private static void from(Sql sql, CollectionDefinition def, Map<String, SqlFragment> computed, RecordStore.Where where) {
        if (computed.isEmpty()) {
            sql.id(def.tableName()).raw(" " + RecordStore.ALIAS + " WHERE 1 = 1");
            RecordStore.appendConditions(sql, where);
            return;
        }
        sql.raw("(SELECT " + RecordStore.ALIAS + ".*");
        computed.forEach((name, fragment) -> sql.raw(", (").fragment(fragment).raw(") AS ").id(name));
        sql.raw(" FROM ").id(def.tableName()).raw(" " + RecordStore.ALIAS + " WHERE 1 = 1");
        RecordStore.appendConditions(sql, where);
        sql.raw(") " + RecordStore.ALIAS);
    }

    /** A stored value as JSON: a computed field's by its return type, a column's by its field type. */
    private static Object value(CollectionDefinition def, String column, FieldType type, Object v) {
        FieldDefinition f = def.field(column).orElse(null);
        return f != null && f.isVirtual() ? Computed.json(f, v) : RecordValues.json(type, v);
    }

    /**
     * {@code having}: comparisons {@code alias op value} (alias also written {@code fn(field)})
     * joined by AND/&& and OR/|| with parentheses; AND binds tighter. Values are bound.
     */
    static final class Having {
        private final String text;
        private final List<Fn> functions;
        private final Sql sql;
        private int pos;

        Having(String text, List<Fn> functions, Sql sql) {
            this.text = text;
            this.functions = functions;
            this.sql = sql;
        }

        void parse() {
            or();
            skip();
            if (pos < text.length()) {
                throw error("Unexpected '" + text.substring(pos) + "'");
            }
        }

        private ApiException error(String message) {
            return new ApiException(400, HAVING_ERROR, message);
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean keyword(String symbol, String word) {
            skip();
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                return true;
            }
            int end = pos + word.length();
            if (text.regionMatches(true, pos, word, 0, word.length()) && (end == text.length() || !isWord(text.charAt(end)))) {
                pos = end;
                return true;
            }
            return false;
        }

        private static boolean isWord(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }

        private void or() {
            sql.raw("(");
            and();
            while (keyword("||", "OR")) {
                sql.raw(" OR ");
                and();
            }
            sql.raw(")");
        }

        private void and() {
            sql.raw("(");
            primary();
            while (keyword("&&", "AND")) {
                sql.raw(" AND ");
                primary();
            }
            sql.raw(")");
        }

        private void primary() {
            skip();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                or();
                skip();
                if (pos >= text.length() || text.charAt(pos) != ')') {
                    throw error("Missing ')'");
                }
                pos++;
                return;
            }
            Fn fn = reference();
            String op = operator();
            Object value = value(fn);
            fn.sql(sql);
            sql.raw(" " + op + " ").value(value);
        }

        private Fn reference() {
            skip();
            int start = pos;
            while (pos < text.length() && isWord(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("Expected an aggregate alias at position " + start);
            }
            String name = text.substring(start, pos).toLowerCase(Locale.ROOT);
            String alias = name;
            skip();
            if (pos < text.length() && text.charAt(pos) == '(') {
                int close = text.indexOf(')', pos);
                if (close < 0) {
                    throw error("Missing ')'");
                }
                String arg = text.substring(pos + 1, close).strip();
                pos = close + 1;
                alias = arg.isEmpty() ? name : name + "_" + arg;
            }
            for (Fn f : functions) {
                if (f.alias().equalsIgnoreCase(alias)) {
                    return f;
                }
            }
            throw error("Unknown aggregate '" + alias + "' in having; requested: "
                    + String.join(", ", functions.stream().map(Fn::alias).toList()));
        }

        private String operator() {
            skip();
            for (String op : List.of(">=", "<=", "!=", "<>", "==", "=", ">", "<")) {
                if (text.startsWith(op, pos)) {
                    pos += op.length();
                    return switch (op) {
                        case "<>" -> "!=";
                        case "==" -> "=";
                        default -> op;
                    };
                }
            }
            throw error("Expected a comparison operator (=, !=, <, >, <=, >=) at position " + pos);
        }

        private Object value(Fn fn) {
            skip();
            if (pos >= text.length()) {
                throw error("Expected a value");
            }
            char c = text.charAt(pos);
            FieldType type = fn.resultType();
            if (c == '\'' || c == '"') {
                StringBuilder s = new StringBuilder();
                int i = pos + 1;
                for (; i < text.length() && text.charAt(i) != c; i++) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    s.append(text.charAt(i));
                }
                if (i >= text.length()) {
                    throw error("Unterminated string");
                }
                pos = i + 1;
                String value = s.toString();
                if (type == FieldType.NUMBER) {
                    throw error("'" + fn.alias() + "' is a number; got a string");
                }
                if (type == FieldType.DATETIME) {
                    Instant at = RecordValues.instant(value);
                    if (at == null) {
                        throw error("'" + value + "' is not an ISO-8601 datetime");
                    }
                    return RecordValues.micros(at);
                }
                return value;
            }
            Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(text).region(pos, text.length());
            if (!m.lookingAt()) {
                throw error("Expected a number or a quoted string at position " + pos);
            }
            pos = m.end();
            if (type != FieldType.NUMBER) {
                throw error("'" + fn.alias() + "' is a " + type.wireName() + "; compare it with a quoted string");
            }
            try {
                return m.group(1) == null ? (Object) Long.parseLong(m.group()) : (Object) Double.parseDouble(m.group());
            } catch (NumberFormatException e) {
                throw error("Number out of range: " + m.group());
            }
        }
    }
}
