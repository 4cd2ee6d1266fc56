package io.snackbase.api.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with {@code ?} placeholders and the values to bind to them, in order. The text
 * holds no caller-supplied value: identifiers come from the {@link FieldSchema} and are quoted for
 * the dialect, values are only ever parameters. Immutable; the parameter list may contain nulls.
 *
 * <p>Parameter types: {@link String}, {@link Long}, {@link Double}, {@link Integer} (0 or 1 for a
 * boolean on SQLite and MySQL), {@link Boolean} (PostgreSQL), {@link java.time.LocalDate},
 * {@link java.time.LocalDateTime} (MySQL datetimes, UTC) and {@link java.time.OffsetDateTime}
 * (PostgreSQL datetimes, UTC); bind them with {@code PreparedStatement.setObject}.
 *
 * @param sql the SQL text, usable inside {@code WHERE (...)}
 * @param parameters the values of the placeholders, in order
 */
public record SqlFragment(String sql, List<Object> parameters) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /**
     * @param other a second condition
     * @return {@code (this) AND (other)}, parameters concatenated
     */
    public SqlFragment and(SqlFragment other) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(other.parameters);
        return new SqlFragment("(" + sql + ") AND (" + other.sql + ")", all);
    }
}
