package io.snackbase.records.internal.records;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.collections.FieldDefinition;
import io.snackbase.api.collections.FieldType;
import io.snackbase.api.rules.RuleEngine;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.core.Dialect;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Computed fields (domain.md §2.5): each expression compiled by the rule engine to a SQL value
 * expression over the record alias, selected with the row, and its value rendered as the field's
 * {@code return_type}. An expression that does not compile (stored before it was checked) yields
 * {@code null} and a warning rather than failing every read. Usable in {@code filter}
 * (the SQL is substituted), not in {@code sort}.
 */
public final class Computed {

    private final RuleEngine rules;
    private final DatabaseKind kind;

    public Computed(RuleEngine rules, Dialect dialect) {
        this.rules = rules;
        this.kind = switch (dialect) {
            case SQLITE -> DatabaseKind.SQLITE;
            case POSTGRESQL -> DatabaseKind.POSTGRESQL;
            case MYSQL -> DatabaseKind.MYSQL;
        };
    }

    /** @return the SQL of every computed field of the collection, by field name, in schema order */
    public Map<String, SqlFragment> fragments(CollectionDefinition def) {
        Map<String, SqlFragment> out = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            if (f.type() != FieldType.COMPUTED || rules == null) {
                continue;
            }
            try {
                out.put(f.name(), rules.compileComputed(f.expression(), Access.schema(def).withTableAlias(RecordStore.ALIAS), kind));
            } catch (RuleException | RuntimeException e) {
                LoggerFactory.getLogger(Computed.class).warn("Computed field {}.{} does not compile: {}", def.name(), f.name(), e.getMessage());
                out.put(f.name(), new SqlFragment("NULL", java.util.List.of()));
            }
        }
        return out;
    }

    /**
     * The save-time check of computed expressions: each must parse ({@code computed_field_expression_invalid})
     * and compile against the other fields ({@code computed_field_expression_error}).
     *
     * @param rules the rule engine, or null to skip the check
     * @param fields the collection's new field list, in request order
     * @return the problems, with paths {@code schema[i].expression}
     */
    public static java.util.List<io.snackbase.api.errors.FieldError> check(RuleEngine rules, java.util.List<FieldDefinition> fields) {
        java.util.List<io.snackbase.api.errors.FieldError> problems = new java.util.ArrayList<>();
        if (rules == null) {
            return problems;
        }
        Map<String, io.snackbase.api.rules.FieldType> types = new LinkedHashMap<>();
        for (FieldDefinition f : fields) {
            if (!io.snackbase.records.internal.core.SchemaValidator.RESERVED.contains(f.name()) && !f.encrypted()) {
                types.put(f.name(), io.snackbase.api.rules.FieldType.of(f.type().wireName()));
            }
        }
        io.snackbase.api.rules.FieldSchema schema = io.snackbase.api.rules.FieldSchema.of(types).withTableAlias(RecordStore.ALIAS);
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition f = fields.get(i);
            if (f.type() != FieldType.COMPUTED || f.expression() == null || f.expression().isBlank()) {
                continue;
            }
            try {
                rules.compileComputed(f.expression(), schema, DatabaseKind.SQLITE);
            } catch (io.snackbase.api.rules.RuleSyntaxException e) {
                problems.add(new io.snackbase.api.errors.FieldError("schema[" + i + "].expression",
                        "Invalid expression: " + e.getMessage(), "computed_field_expression_invalid"));
            } catch (RuleException e) {
                problems.add(new io.snackbase.api.errors.FieldError("schema[" + i + "].expression",
                        "Expression error: " + e.getMessage(), "computed_field_expression_error"));
            }
        }
        return problems;
    }

    /** @return the schema with the computed fields' SQL, so that a filter may name them */
    public static io.snackbase.api.rules.FieldSchema filterSchema(CollectionDefinition def, io.snackbase.api.rules.FieldSchema schema,
            Map<String, SqlFragment> sql) {
        if (sql.isEmpty()) {
            return schema;
        }
        Map<String, io.snackbase.api.rules.ComputedColumn> columns = new LinkedHashMap<>();
        for (FieldDefinition f : def.fields()) {
            SqlFragment fragment = sql.get(f.name());
            if (fragment != null) {
                FieldType type = f.returnType() == null ? FieldType.TEXT : f.returnType();
                columns.put(f.name(), new io.snackbase.api.rules.ComputedColumn(fragment, io.snackbase.api.rules.FieldType.of(type.wireName())));
            }
        }
        return schema.withComputed(columns);
    }

    /** @return a computed column's value as JSON of the field's return type */
    static Object json(FieldDefinition f, Object value) {
        if (value == null) {
            return null;
        }
        FieldType type = f.returnType() == null ? FieldType.TEXT : f.returnType();
        try {
            return switch (type) {
                case NUMBER -> value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString());
                case BOOLEAN -> value instanceof Boolean b ? b
                        : value instanceof Number n ? n.doubleValue() != 0 : Boolean.valueOf(value.toString()) || "1".equals(value.toString());
                case DATETIME -> value instanceof Number n ? RecordValues.json(FieldType.DATETIME, n.longValue()) : value.toString();
                default -> value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
                        ? Long.toString(d.longValue()) : value.toString();
            };
        } catch (NumberFormatException e) {
            return value.toString();
        }
    }
}
