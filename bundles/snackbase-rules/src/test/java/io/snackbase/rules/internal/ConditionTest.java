package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.rules.Condition;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.RuleSyntaxException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {

    private static final Map<String, Object> RECORD = record();

    private static Map<String, Object> record() {
        Map<String, Object> r = new HashMap<>();
        r.put("status", "Active");
        r.put("n", 5);
        r.put("x", 2.5);
        r.put("flag", true);
        r.put("empty", null);
        r.put("s5", "5");
        r.put("at", OffsetDateTime.parse("2024-01-31T10:00:00+01:00"));
        return r;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "==>", nullValues = "unknown", textBlock = """
            status = "Active"              ==> true
            status = "active"              ==> false
            status ~ "act%"                ==> true
            status ~ "ct"                  ==> false
            status ~ "_ctive"              ==> true
            n = 5.0                        ==> true
            s5 = 5                         ==> false
            s5 != 5                        ==> true
            status < 5                     ==> false
            status <= 5                    ==> true
            n > x && flag                  ==> true
            missing = 1                    ==> unknown
            !(missing = 1)                 ==> unknown
            missing = 1 || flag            ==> true
            missing = 1 && flag            ==> unknown
            missing = 1 && !flag           ==> false
            missing = null                 ==> true
            empty IS NULL                  ==> true
            n IN (1, 5)                    ==> true
            n IN (1, 2)                    ==> false
            n / 0 = 1                      ==> unknown
            n % 2 = 1                      ==> true
            n * 2 - x = 7.5                ==> true
            -n < 0                         ==> true
            at = "2024-01-31T09:00:00Z"    ==> true
            at > "2024-01-31"              ==> true
            @request.auth.id = "u"         ==> unknown
            @request.auth.id = null        ==> true
            status                         ==> true
            """)
    void evaluatesWithSqlMeaning(String expression, Boolean expected) throws RuleException {
        Condition condition = Fixtures.engine().condition(expression);
        assertThat(condition.evaluate(RECORD)).isEqualTo(expected);
        assertThat(condition.matches(RECORD)).isEqualTo(Boolean.TRUE.equals(expected));
    }

    @org.junit.jupiter.api.Test
    void readsStoredDateTimesAndBooleansAsTheSqlDoes() throws RuleException {
        // created_at as the records tables store it (epoch µs), as the API writes it (ISO), and as java.time.
        long micros = 1_706_695_200_123_456L; // 2024-01-31T10:00:00.123456Z
        for (Object createdAt : List.of(micros, "2024-01-31T10:00:00.123456Z", java.time.Instant.parse("2024-01-31T10:00:00.123456Z"))) {
            Map<String, Object> r = new HashMap<>();
            r.put("created_at", createdAt);
            r.put("is_active", 1);
            r.put("due", micros);
            assertThat(Fixtures.engine().condition("created_at = '2024-01-31T11:00:00.123456+01:00'").matches(r)).as("%s", createdAt).isTrue();
            assertThat(Fixtures.engine().condition("created_at > '2024-01-31'").matches(r)).isTrue();
            assertThat(Fixtures.engine().condition("created_at < '2024-01-31T10:00:00.123456Z'").matches(r)).isFalse();
            Condition typed = Fixtures.engine().condition("due >= '2024-01-31T10:00:00.123456Z' && is_active = true", Fixtures.schema());
            assertThat(typed.matches(r)).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void callerValuesAndRequestData() throws RuleException {
        Condition condition = Fixtures.engine().condition(
                "@has_role('admin') && @request.data.level = 'info' && @has_group('editors') && @in_time_range(12, 13)");
        assertThat(condition.matches(RECORD, Fixtures.ALICE, Map.of("level", "info"))).isTrue();
        assertThat(condition.matches(RECORD, Fixtures.NO_EMAIL, Map.of("level", "info"))).isFalse();
        assertThat(condition.matches(RECORD)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void syntaxErrorsAreReportedSoWebhooksCanFailOpen() {
        assertThatThrownBy(() -> Fixtures.engine().condition("status == 'x'")).isInstanceOf(RuleSyntaxException.class);
        assertThatThrownBy(() -> Fixtures.engine().condition("upper(status) = 'X'")).hasMessage("Unknown function 'upper'");
    }
}
