package io.snackbase.api.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields an expression may name: a collection's schema fields plus the six system fields,
 * and optionally the table alias that qualifies every column. Immutable and thread-safe.
 *
 * <p>System fields and their types: {@code id}, {@code account_id}, {@code created_by},
 * {@code updated_by} as {@link FieldType#TEXT}; {@code created_at}, {@code updated_at} as
 * {@link FieldType#DATETIME}. A schema field with a system field's name is ignored.
 */
public final class FieldSchema {

    /** The system fields every collection table has, with their types. */
    public static final Map<String, FieldType> SYSTEM_FIELDS = systemFields();

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, FieldType> fields;
    private final String tableAlias;
    private final Map<String, ComputedColumn> computed;

    private FieldSchema(Map<String, FieldType> fields, String tableAlias) {
        this(fields, tableAlias, Map.of());
    }

    private FieldSchema(Map<String, FieldType> fields, String tableAlias, Map<String, ComputedColumn> computed) {
        this.fields = fields;
        this.tableAlias = tableAlias;
        this.computed = computed;
    }

    /**
     * @param columns the SQL of computed fields by name (names that are not fields of the schema
     *     are ignored)
     * @return the same schema whose computed fields filters may name
     * @since 1.1
     */
    public FieldSchema withComputed(Map<String, ComputedColumn> columns) {
        Map<String, ComputedColumn> all = new LinkedHashMap<>(computed);
        columns.forEach((name, column) -> {
            if (fields.containsKey(name) && !SYSTEM_FIELDS.containsKey(name)) {
                all.put(name, Objects.requireNonNull(column, name));
            }
        });
        return new FieldSchema(fields, tableAlias, Collections.unmodifiableMap(all));
    }

    /**
     * @param name a field name
     * @return the computed SQL of that field, when given by {@link #withComputed}
     * @since 1.1
     */
    public Optional<ComputedColumn> computed(String name) {
        return Optional.ofNullable(computed.get(name));
    }

    /**
     * @param fields the collection's fields by name, in schema order; names must be identifiers
     *     ({@code [A-Za-z_][A-Za-z0-9_]*})
     * @return the schema, without a table alias
     * @throws IllegalArgumentException for a name that is not an identifier
     */
    public static FieldSchema of(Map<String, FieldType> fields) {
        Map<String, FieldType> all = new LinkedHashMap<>();
        fields.forEach((name, type) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a field name: " + name);
            }
            if (!SYSTEM_FIELDS.containsKey(name)) {
                all.put(name, Objects.requireNonNull(type, name));
            }
        });
        all.putAll(SYSTEM_FIELDS);
        return new FieldSchema(Collections.unmodifiableMap(all), null);
    }

    /**
     * @param alias the alias of the collection table in the query (an identifier), so that columns
     *     shared with joined tables ({@code id}, {@code created_at}) are not ambiguous
     * @return a copy that qualifies every column as {@code alias."column"}
     */
    public FieldSchema withTableAlias(String alias) {
        if (!NAME.matcher(alias).matches()) {
            throw new IllegalArgumentException("Not an alias: " + alias);
        }
        return new FieldSchema(fields, alias, computed);
    }

    /**
     * @param name a field name as written in an expression (case-sensitive)
     * @return its type, empty when the schema has no such field
     */
    public Optional<FieldType> typeOf(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** @return every field (schema fields first, then system fields) with its type */
    public Map<String, FieldType> fields() {
        return fields;
    }

    /** @return the field names, schema fields first, for "Available fields" messages */
    public List<String> names() {
        return new ArrayList<>(fields.keySet());
    }

    /** @return the table alias, or null */
    public String tableAlias() {
        return tableAlias;
    }

    private static Map<String, FieldType> systemFields() {
        Map<String, FieldType> system = new LinkedHashMap<>();
        system.put("id", FieldType.TEXT);
        system.put("account_id", FieldType.TEXT);
        system.put("created_at", FieldType.DATETIME);
        system.put("updated_at", FieldType.DATETIME);
        system.put("created_by", FieldType.TEXT);
        system.put("updated_by", FieldType.TEXT);
        return Collections.unmodifiableMap(system);
    }
}
