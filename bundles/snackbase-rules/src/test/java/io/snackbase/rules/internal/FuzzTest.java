package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.SqlFragment;
import io.snackbase.api.storage.DatabaseKind;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated filters only ever compile or fail with a rule exception, and what compiles runs on SQLite. */
class FuzzTest {

    private static final String[] TOKENS = {"title", "price", "qty", "is_active", "published", "due", "meta", "author",
        "nope", "a.b", "@request.auth.id", "@owns_record", "f", "=", "!=", "==", "<", "<=", ">", ">=", "~", "&&", "||",
        "&", "|", "!", "+", "-", "*", "/", "%", "(", ")", ",", "IN", "IS", "NOT", "NULL", "null", "TRUE", "false",
        "AND", "OR", "1", "0", "2.5", "-3", "99999999999999999999", "'x'", "\"%a_\"", "'2024-01-31'",
        "'2024-01-31T10:00:00Z'", "'unterminated", "\\", ";", "#", " ", "é", "\u0000"};

    @Test
    void tenThousandInputsNeverBreakTheEngine() throws Exception {
        RuleEngineImpl engine = Fixtures.engine();
        Random random = new Random(20240501L);
        int compiled = 0;
        try (SampleTable table = new SampleTable(DatabaseKind.SQLITE)) {
            for (int i = 0; i < 12_000; i++) {
                String filter = i % 2 == 0 ? randomTokens(random) : mutate(random);
                Optional<SqlFragment> sql;
                try {
                    sql = engine.compileFilter(filter, Fixtures.schema(), DatabaseKind.SQLITE);
                    engine.condition(filter, Fixtures.schema()).matches(table.rows.get(i % table.rows.size()));
                } catch (RuleException expected) {
                    continue;
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("Input " + i + " broke the engine: " + filter, e);
                }
                if (sql.isPresent()) {
                    compiled++;
                    try {
                        table.select(sql.get().sql(), sql.get().parameters());
                    } catch (Exception e) {
                        throw new AssertionError("Input " + i + " compiled to SQL that fails: " + filter + " -> " + sql.get(), e);
                    }
                }
            }
        }
        assertThat(compiled).as("inputs that compiled").isGreaterThan(1_000);
    }

    private static String randomTokens(Random random) {
        StringBuilder text = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
        }
        return text.toString();
    }

    /** Small edits of valid filters reach deeper into the compiler than random tokens do. */
    private static String mutate(Random random) {
        StringBuilder text = new StringBuilder(EquivalenceTest.FILTERS.get(random.nextInt(EquivalenceTest.FILTERS.size())));
        int edits = random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> text.append(random.nextBoolean() ? " && " : " || ")
                        .append(EquivalenceTest.FILTERS.get(random.nextInt(EquivalenceTest.FILTERS.size())));
            }
        }
        return text.toString();
    }
}
