package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.rules.RuleCompileException;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.storage.DatabaseKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterCompilerTest {

    private static SqlFragment compile(String filter, DatabaseKind dialect) throws RuleException {
        return Fixtures.engine().compileFilter(filter, Fixtures.schema(), dialect).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
            title = "a"                         ==> "title" = ?
            title != 'a' && price >= 2.5        ==> ("title" <> ? AND "price" >= ?)
            title ~ "%Ab!c%"                    ==> LOWER("title") LIKE LOWER(?) ESCAPE '!'
            qty IN (1, -2, 3)                   ==> "qty" IN (?, ?, ?)
            title = null                        ==> "title" IS NULL
            null != meta                        ==> "meta" IS NOT NULL
            author is not null                  ==> "author" IS NOT NULL
            !(price < 5) || qty % 2 = 1         ==> (NOT ("price" < ?) OR ("qty" % NULLIF(?, 0)) = ?)
            price / qty > 1                     ==> (CAST("price" AS REAL) / NULLIF("qty", 0)) > ?
            price * -1 + 3 <= -price            ==> (("price" * ?) + ?) <= (- "price")
            is_active                           ==> "is_active"
            is_active = true && !is_active      ==> ("is_active" = ? AND NOT ("is_active"))
            published > "2024-01-31"            ==> "published" > ?
            due < '2024-01-31T10:00:00+02:00'   ==> "due" < ?
            true                                ==> ?
            """)
    void compilesForSqlite(String filter, String sql) throws RuleException {
        if (!sql.equals("-")) {
            assertThat(compile(filter, DatabaseKind.SQLITE).sql()).isEqualTo(sql);
        }
    }

    @Test
    void bindsEveryValueAsAParameter() throws RuleException {
        SqlFragment f = compile("title ~ \"%a!b%\" && qty IN (1, -2) && is_active = true && published = \"2024-01-31\""
                + " && due >= \"2024-01-31T10:00:00+02:00\" && price > 1.5", DatabaseKind.SQLITE);
        assertThat(f.parameters()).containsExactly("%a!!b%", 1L, -2L, 1, "2024-01-31", 1_706_688_000_000_000L, 1.5);
        SqlFragment pg = compile("is_active = false && published = \"2024-01-31\" && due >= \"2024-01-31T10:00:00.5Z\"",
                DatabaseKind.POSTGRESQL);
        // Dates are ISO text and date-times epoch microseconds on every database (the records tables' columns).
        assertThat(pg.parameters()).containsExactly(false, "2024-01-31",
                OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000, ZoneOffset.UTC).toInstant().toEpochMilli() * 1000);
        SqlFragment my = compile("is_active = true && due >= \"2024-01-31 10:00\" && created_at < \"2024-01-31T10:00:00.123456Z\"",
                DatabaseKind.MYSQL);
        assertThat(my.parameters()).containsExactly(1, LocalDateTime.of(2024, 1, 31, 10, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000,
                1_706_695_200_123_456L);
    }

    @Test
    void quotesIdentifiersPerDialectAndQualifiesWithTheAlias() throws RuleException {
        assertThat(compile("title = 'x' && id != 'y'", DatabaseKind.MYSQL).sql()).isEqualTo("(`title` = ? AND `id` <> ?)");
        assertThat(compile("title = 'x'", DatabaseKind.POSTGRESQL).sql()).isEqualTo("\"title\" = ?");
        assertThat(compile("price / 2 > 1", DatabaseKind.POSTGRESQL).sql())
                .isEqualTo("(CAST(\"price\" AS DOUBLE PRECISION) / NULLIF(?, 0)) > ?");
        assertThat(compile("price / 2 > 1", DatabaseKind.MYSQL).sql()).isEqualTo("(CAST(`price` AS DOUBLE) / NULLIF(?, 0)) > ?");
        SqlFragment aliased = Fixtures.engine().compileFilter("created_at > '2024-01-01' && title ~ 'a'",
                Fixtures.schema().withTableAlias("r"), DatabaseKind.POSTGRESQL).orElseThrow();
        assertThat(aliased.sql()).isEqualTo("(r.\"created_at\" > ? AND LOWER(r.\"title\") LIKE LOWER(?) ESCAPE '!')");
    }

    @Test
    void injectionAttemptsAreOnlyParameters() throws RuleException {
        SqlFragment f = compile("title = \"'; DROP TABLE x; --\"", DatabaseKind.SQLITE);
        assertThat(f.sql()).isEqualTo("\"title\" = ?");
        assertThat(f.parameters()).containsExactly("'; DROP TABLE x; --");
    }

    @Test
    void blankFilterIsNoFilter() throws RuleException {
        assertThat(Fixtures.engine().compileFilter("  ", Fixtures.schema(), DatabaseKind.SQLITE)).isEmpty();
        assertThat(Fixtures.engine().compileFilter(null, Fixtures.schema(), DatabaseKind.SQLITE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
            nope = 1            ==> Field 'nope' does not exist in collection. Available fields: title, price, qty, is_active, published, due, meta, author, contact, public, owner, id, account_id, created_at, updated_at, created_by, updated_by
            a.b = 1             ==> Invalid field name 'a.b': use a plain field name (letters, digits, _)
            @request.auth.id = id ==> Context variables are not allowed in filters: '@request.auth.id'. Use plain field names only (e.g., status, price, created_at).
            @owns_record()      ==> Functions are not allowed in filters: '@owns_record()'
            price ~ 5           ==> Operator '~' is not supported for field 'price' of type 'number'. Allowed operators: !=, <, <=, =, >, >=, IN, IS NOT NULL, IS NULL
            is_active > true    ==> Operator '>' is not supported for field 'is_active' of type 'boolean'. Allowed operators: !=, =, IS NOT NULL, IS NULL
            author > 'x'        ==> Operator '>' is not supported for field 'author' of type 'reference'. Allowed operators: !=, =, IN, IS NOT NULL, IS NULL
            meta = 'x'          ==> Operator '=' is not supported for field 'meta' of type 'json'. Allowed operators: IS NOT NULL, IS NULL
            is_active = "yes"   ==> Cannot compare field 'is_active' of type 'boolean' with the text "yes"
            price = "5"         ==> Cannot compare field 'price' of type 'number' with the text "5"
            title = 5           ==> Cannot compare field 'title' of type 'text' with the number 5
            title ~ owner       ==> The pattern after '~' must be a text value, not field 'owner' of type 'text'
            published = "2024-13-01" ==> Invalid date "2024-13-01" for field 'published' of type 'date' (expected YYYY-MM-DD)
            due > "soon"        ==> Invalid date-time "soon" for field 'due' of type 'datetime' (expected ISO-8601, e.g. 2024-01-31T12:00:00Z)
            due > "31/01/2024"  ==> Invalid date-time "31/01/2024" for field 'due' of type 'datetime' (expected ISO-8601, e.g. 2024-01-31T12:00:00Z)
            created_at = "2024-01-31T10:00:00.1234567Z" ==> Invalid date-time "2024-01-31T10:00:00.1234567Z" for field 'created_at' of type 'datetime' (expected ISO-8601, e.g. 2024-01-31T12:00:00Z)
            due IN ("2024-01-31", "Jan 5") ==> Invalid date-time "Jan 5" for field 'due' of type 'datetime' (expected ISO-8601, e.g. 2024-01-31T12:00:00Z)
            published < due     ==> Cannot compare field 'published' of type 'date' with field 'due' of type 'datetime'
            price               ==> The expression must be a condition, not field 'price' of type 'number'
            title && is_active  ==> '&&' needs conditions on both sides, not field 'title' of type 'text'
            title + 1 = 2       ==> '+' needs numbers, not field 'title' of type 'text'
            price % 2 = 1       ==> '%' needs whole numbers, not field 'price' of type 'number'
            qty IN (1, null)    ==> null is not allowed in an IN list; use IS NULL
            qty IN (price)      ==> The items of an IN list must be literal values, not field 'price' of type 'number'
            upper(title) = 'A'  ==> Functions are not allowed in filters: 'upper()'
            """)
    void rejectsWithTheReason(String filter, String message) {
        assertThatThrownBy(() -> compile(filter, DatabaseKind.SQLITE)).isInstanceOf(RuleCompileException.class)
                .hasMessage(message);
    }

    @Test
    void nullAndBooleanAndArithmeticParameters() throws RuleException {
        SqlFragment f = compile("qty * 2 - 1 > 3 && title = null", DatabaseKind.POSTGRESQL);
        assertThat(f.sql()).isEqualTo("(((\"qty\" * ?) - ?) > ? AND \"title\" IS NULL)");
        assertThat(f.parameters()).isEqualTo(Arrays.asList(2L, 1L, 3L));
        assertThat(compile("true", DatabaseKind.POSTGRESQL).parameters()).isEqualTo(List.of(true));
    }
}
