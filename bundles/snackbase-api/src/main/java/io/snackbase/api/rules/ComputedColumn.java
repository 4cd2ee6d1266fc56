package io.snackbase.api.rules;

import java.util.Objects;

/**
 * The SQL of a computed field and the type of its result, so that filters can name the field
 * (the compiler substitutes {@code (sql)} for it).
 *
 * @param sql the value expression, from {@link RuleEngine#compileComputed}
 * @param type the result type (text, number, boolean, datetime)
 * @since 1.1
 */
public record ComputedColumn(SqlFragment sql, FieldType type) {

    public ComputedColumn {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(type, "type");
    }
}
