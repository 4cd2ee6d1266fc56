package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.storage.DatabaseKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Computed expressions to SQL: shapes, bound literals, and what is refused. (Values per database: snackbase-records ComputedFieldsTest.) */
class ComputedCompilerTest {

    private final RuleEngineImpl engine = new RuleEngineImpl(10_000, 64,
            Clock.fixed(Instant.parse("2024-05-01T12:30:00Z"), ZoneOffset.UTC));
    private final FieldSchema schema = FieldSchema.of(Map.of("first", FieldType.TEXT, "price", FieldType.NUMBER,
            "due", FieldType.DATE, "total", FieldType.COMPUTED)).withTableAlias("r");

    private SqlFragment compile(String expression, DatabaseKind kind) throws RuleException {
        return engine.compileComputed(expression, schema, kind);
    }

    @Test
    void literalsAreBoundAndColumnsQualified() throws Exception {
        SqlFragment f = compile("concat(first, ' x \\'; DROP TABLE t; --')", DatabaseKind.SQLITE);
        assertThat(f.sql()).isEqualTo("(COALESCE(r.\"first\", '') || COALESCE(CAST(? AS TEXT), ''))");
        assertThat(f.parameters()).containsExactly(" x '; DROP TABLE t; --");
        assertThat(compile("concat(first, 'a')", DatabaseKind.MYSQL).sql()).isEqualTo("CONCAT(COALESCE(r.`first`, ''), COALESCE(CAST(? AS CHAR), ''))");
        assertThat(compile("now()", DatabaseKind.POSTGRESQL).parameters()).containsExactly(1714566600000000L);
        assertThat(compile("if(price > 2, 'a', 'b')", DatabaseKind.POSTGRESQL).sql())
                .isEqualTo("(CASE WHEN (r.\"price\" > CAST(? AS DOUBLE PRECISION)) THEN CAST(? AS TEXT) ELSE CAST(? AS TEXT) END)");
        assertThat(compile("UPPER(first)", DatabaseKind.SQLITE).sql()).isEqualTo("UPPER(r.\"first\")");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "total|Field 'total' does not exist in collection or is computed",
        "nope|Field 'nope' does not exist",
        "@request.auth.id|Variables are not allowed",
        "foo(first)|Unknown function 'foo'",
        "concat(first)|Function 'concat' takes at least 2 arguments, got 1",
        "upper(first, first)|Function 'upper' takes 1 argument, got 2",
        "substring(first)|Function 'substring' takes 2 to 3 arguments, got 1",
        "now(1)|Function 'now' takes 0 arguments, got 1",
        "date_diff(due, due, first)|must be a string literal",
        "date_add(due, 1, 'weeks')|Unknown unit 'weeks'",
        "date_diff(first, due, 'days')|need dates or date-times",
        "first + 1|use concat()",
    })
    void refused(String expression, String message) {
        assertThatThrownBy(() -> compile(expression, DatabaseKind.SQLITE)).isInstanceOf(RuleException.class).hasMessageContaining(message);
    }

    @Test
    void syntaxErrorsComeFromTheParser() {
        assertThatThrownBy(() -> compile("concat(first,", DatabaseKind.SQLITE)).isInstanceOf(RuleException.class);
        assertThat(List.of(DatabaseKind.values())).isNotEmpty();
    }
}
