package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rules.Condition;
import io.snackbase.api.rules.RuleDecision;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.storage.jdbc.testing.ModuleStorage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every expression selects the same rows when compiled to SQL on each database as when evaluated in memory. */
class EquivalenceTest {

    static final List<String> FILTERS = List.of(
            "title = \"Apple\"", "title != 'Apple'", "title = 'apple'", "title < 'b'", "title >= 'Zebra'",
            "title ~ 'apple%'", "title ~ '%APPLE%'", "title ~ 'a_c'", "title ~ '%!%'", "title ~ '%\\\\%'",
            "title ~ '%\\_%'", "title ~ '100%'", "title ~ '%'", "title ~ ''", "title = ''", "title = null",
            "title != null", "title IS NOT NULL && title ~ '_'", "title IN ('abc', 'x', 'Banana')",
            "!(title IN ('abc', 'x'))", "price > 2", "price >= 2.5", "price = 5", "price != 5", "price < -1",
            "price <= -2.5", "price > -1 && price < 1", "price = null", "!(price > 0)", "!!(price > 0)",
            "price * 2 > qty", "price + qty >= 5", "price - 1.5 < 0", "-price > 3", "price / 2 > 1",
            "qty / 2 > 1", "price / qty > 1", "qty % 2 = 1", "qty % 2 = -1", "qty % 3 = 0", "qty IN (1, 2, -3)",
            "qty * qty > 20", "qty > price", "qty = 0 || qty = null", "is_active = true", "is_active = false",
            "is_active != true", "is_active", "!is_active", "is_active = null", "is_active && public",
            "is_active || public", "!(is_active && public)", "is_active = public", "public != false",
            "published > '2024-02-01'", "published <= \"2024-01-15\"", "published = null", "published IN ('2024-01-05', '2024-02-10')",
            "due > '2024-01-15T12:00:00Z'", "due < '2024-01-10 06:30'", "due >= '2024-01-20T00:00:00+05:00'",
            "due != null && due < '2024-01-05'",
            "due <= '2024-01-20T05:00:00.123456Z'", "due > '2024-01-12T00:00:00.5Z'", "due IN ('2024-01-05T00:00:00Z', '2024-01-06')",
            "due < created_at", "updated_at >= '2024-04-01T03:15:00Z'", "created_at > '2024-03-05'", "updated_at < '2024-04-01T03:00:00Z'",
            "meta IS NULL", "meta != null", "author = 'a1'", "author IN ('a0', 'a2')", "author != 'a1'",
            "contact ~ 'user1%'", "contact = null", "owner = 'u-alice' || owner = null", "created_by = 'u-bob' && account_id = 'acc-1'",
            "id IN ('r01', 'r05', 'r29')", "id > 'r20'", "true", "false", "!true", "null = null", "null != null",
            "1 = 1", "1 = 1.0", "2 > 1.5", "'a' < 'b'", "(price > 0 || qty > 0) && !(is_active = false)",
            "price > 0 && (qty > 0 || title ~ 'a%') || is_active = null", "!(price > 100) && !(qty < -100)",
            "price = null || price > 9", "null", "!null", "null && true", "null || true", "price = qty", "qty = 2.0");

    static final List<String> RULES = List.of(
            "created_by = @request.auth.id", "@owns_record(owner)", "@is_public()", "@has_role('admin') && qty > 0",
            "@has_role('user') || public = true", "contact = @request.auth.email", "account_id = @request.auth.account_id",
            "@has_group('editors') && @in_time_range(9, 17)", "@request.auth.id != '' && owner != @request.auth.id",
            "@request.auth.email ~ '%@example.com' && price > 0");

    static List<DatabaseKind> kinds() {
        return ModuleStorage.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void filtersAgreeWithTheEvaluator(DatabaseKind kind) throws Exception {
        RuleEngineImpl engine = Fixtures.engine();
        try (SampleTable table = new SampleTable(kind)) {
            int selective = 0;
            for (String filter : FILTERS) {
                SqlFragment sql = engine.compileFilter(filter, Fixtures.schema(), kind).orElseThrow();
                Condition condition = engine.condition(filter, Fixtures.schema());
                Set<String> expected = new TreeSet<>();
                for (Map<String, Object> row : table.rows) {
                    if (condition.matches(row)) {
                        expected.add((String) row.get("id"));
                    }
                }
                assertThat(table.select(sql.sql(), sql.parameters())).as("%s on %s: %s %s", filter, kind, sql.sql(), sql.parameters())
                        .isEqualTo(expected);
                selective += expected.isEmpty() || expected.size() == table.rows.size() ? 0 : 1;
            }
            // Guards against a vacuous comparison: most filters select some rows but not all.
            assertThat(selective).isGreaterThan(FILTERS.size() * 3 / 4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rulesAgreeWithTheEvaluator(DatabaseKind kind) throws Exception {
        RuleEngineImpl engine = Fixtures.engine();
        try (SampleTable table = new SampleTable(kind)) {
            for (Principal caller : List.of(Fixtures.ALICE, Fixtures.NO_EMAIL)) {
                for (String rule : RULES) {
                    RuleDecision decision = engine.decide(RuleOperation.LIST, rule, Fixtures.schema(), kind, caller, null);
                    Condition condition = engine.condition(rule);
                    Set<String> expected = new TreeSet<>();
                    for (Map<String, Object> row : table.rows) {
                        if (condition.matches(row, caller, null)) {
                            expected.add((String) row.get("id"));
                        }
                    }
                    assertThat(table.select(decision.where().sql(), decision.where().parameters()))
                            .as("%s for %s on %s: %s", rule, caller.userId(), kind, decision.where().sql()).isEqualTo(expected);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theListIsLongEnough() {
        assertThat(FILTERS.size() + RULES.size()).isGreaterThanOrEqualTo(60);
    }
}
