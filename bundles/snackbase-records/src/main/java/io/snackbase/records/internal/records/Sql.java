package io.snackbase.records.internal.records;

import io.snackbase.api.rules.SqlFragment;
import io.snackbase.records.internal.core.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement being built: SQL text and its bound values. Values are appended as MyBatis
 * placeholders {@code #{p[i]}}; rule fragments' {@code ?} become placeholders too (a {@code ?}
 * inside a quoted literal, such as {@code ESCAPE '!'}, is left alone).
 */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    public final List<Object> params = new ArrayList<>();
    private final Dialect dialect;

    public Sql(Dialect dialect) {
        this.dialect = dialect;
    }

    public Sql raw(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a quoted identifier (validated names only). */
    public Sql id(String identifier) {
        text.append(dialect.quote(identifier));
        return this;
    }

    /** Appends {@code alias."column"}. */
    public Sql col(String alias, String column) {
        text.append(alias).append('.').append(dialect.quote(column));
        return this;
    }

    /** Appends a bound value. */
    public Sql value(Object value) {
        text.append("#{p[").append(params.size()).append("]}");
        params.add(value);
        return this;
    }

    /** Appends a compiled fragment with its parameters. */
    public Sql fragment(SqlFragment fragment) {
        String sql = fragment.sql();
        int next = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                value(fragment.parameters().get(next++));
            } else {
                text.append(c);
            }
        }
        if (next != fragment.parameters().size()) {
            throw new IllegalStateException("Fragment placeholders and parameters differ: " + sql);
        }
        return this;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
