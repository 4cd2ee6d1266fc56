package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.rules.FieldSchema;
import io.snackbase.api.rules.FieldType;
import io.snackbase.api.rules.RuleCompileException;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.api.storage.DatabaseKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A field of {@link FieldType#UNKNOWN} type (names without types, as POST /rules/validate sends them) compares with anything. */
class UnknownTypeTest {

    private final RuleEngineImpl engine = Fixtures.engine();
    private final FieldSchema names = FieldSchema.of(Map.of("price", FieldType.UNKNOWN, "title", FieldType.UNKNOWN));

    @Test
    void everyOperatorAndNoTypeMismatch() {
        for (String rule : new String[] {"price > 5", "price = 'x'", "title ~ '%a%'", "price IN (1, 2)", "title = true",
                "price + 1 > 2", "created_by = @request.auth.id && price IS NOT NULL"}) {
            assertThatCode(() -> engine.validateRule(RuleOperation.LIST, rule, names)).as(rule).doesNotThrowAnyException();
            if (!rule.contains("@")) {
                assertThatCode(() -> engine.compileFilter(rule, names, DatabaseKind.SQLITE)).as(rule).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void namesAndTheOtherChecksStillApply() {
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "ghost = 1", names)).isInstanceOf(RuleCompileException.class);
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "@request.data.price = 1", names))
                .isInstanceOf(RuleCompileException.class);
        // typed fields keep their checks
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "title = 5",
                FieldSchema.of(Map.of("title", FieldType.TEXT)))).isInstanceOf(RuleCompileException.class);
    }
}
