package io.snackbase.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.context.Principal;
import io.snackbase.api.rules.RuleCompileException;
import io.snackbase.api.rules.RuleDecision;
import io.snackbase.api.rules.RuleException;
import io.snackbase.api.rules.RuleOperation;
import io.snackbase.api.rules.RuleSyntaxException;
import io.snackbase.api.storage.DatabaseKind;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleDecisionTest {

    private final RuleEngineImpl engine = Fixtures.engine();

    private RuleDecision decide(RuleOperation op, String rule, Principal caller, Map<String, ?> data) throws RuleException {
        return engine.decide(op, rule, Fixtures.schema(), DatabaseKind.POSTGRESQL, caller, data);
    }

    @Test
    void nullLocksBlankOpensSuperadminSkips() throws RuleException {
        assertThat(decide(RuleOperation.LIST, null, Fixtures.ALICE, null)).isEqualTo(RuleDecision.LOCKED);
        assertThat(decide(RuleOperation.LIST, "", Principal.anonymous("acc-1"), null)).isEqualTo(RuleDecision.ALLOW);
        assertThat(decide(RuleOperation.LIST, "created_by = @request.auth.id", Principal.anonymous("acc-1"), null))
                .isEqualTo(RuleDecision.AUTHENTICATION_REQUIRED);
        Principal root = new Principal("u-root", "root@x", Principal.SYSTEM_ACCOUNT_ID, "superadmin", "jwt");
        assertThat(decide(RuleOperation.DELETE, null, root, null)).isEqualTo(RuleDecision.ALLOW);
    }

    @Test
    void bindsTheCallerAndTheMacros() throws RuleException {
        RuleDecision d = decide(RuleOperation.LIST,
                "@owns_record() || @owns_record(owner) || @is_creator || @is_public() || @has_role(\"admin\")"
                        + " || @request.auth.email ~ '%@example.com' || account_id = @request.auth.account_id", Fixtures.ALICE, null);
        assertThat(d.outcome()).isEqualTo(RuleDecision.Outcome.FILTER);
        assertThat(d.where().sql()).isEqualTo("(\"created_by\" = ? OR \"owner\" = ? OR \"created_by\" = ? OR \"public\" = ?"
                + " OR ? = ? OR LOWER(?) LIKE LOWER(?) ESCAPE '!' OR \"account_id\" = ?)");
        assertThat(d.where().parameters()).containsExactly("u-alice", "u-alice", "u-alice", true, "admin", "admin",
                "alice@example.com", "%@example.com", "acc-1");
    }

    @Test
    void callerFunctionsAreBoundAsConstants() throws RuleException {
        RuleDecision d = decide(RuleOperation.VIEW, "@has_group(\"editors\") && !@has_group('x') && @in_time_range(9, 17)"
                + " && !@in_time_range(22, 6)", Fixtures.ALICE, null);
        assertThat(d.where().sql()).isEqualTo("(? AND NOT (?) AND ? AND NOT (?))");
        assertThat(d.where().parameters()).containsExactly(true, false, true, false);
    }

    @Test
    void requestDataOnlyInCreateAndUpdate() throws RuleException {
        RuleDecision d = decide(RuleOperation.UPDATE, "@request.data.level = \"info\" || @request.data.qty > qty || @request.data.none = null",
                Fixtures.ALICE, Map.of("level", "info", "qty", 3));
        assertThat(d.where().sql()).isEqualTo("(? = ? OR ? > \"qty\" OR NULL IS NULL)");
        assertThat(d.where().parameters()).containsExactly("info", "info", 3L);
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "@request.data.level = 'x'", Fixtures.schema()))
                .hasMessage("@request.data is only allowed in create and update rules, not in the list_rule: '@request.data.level'");
        assertThatThrownBy(() -> decide(RuleOperation.CREATE, "@request.data.qty > qty", Fixtures.ALICE, Map.of("qty", "many")))
                .isInstanceOf(RuleCompileException.class)
                .hasMessage("Cannot compare '@request.data.qty' with field 'qty' of type 'integer'");
    }

    @Test
    void aNullCallerValueIsUnknownNotIsNull() throws RuleException {
        RuleDecision d = decide(RuleOperation.LIST, "contact = @request.auth.email", Fixtures.NO_EMAIL, null);
        assertThat(d.where().sql()).isEqualTo("\"contact\" = NULL");
        assertThat(d.where().parameters()).isEqualTo(Arrays.asList());
    }

    @Test
    void validatesRules() throws RuleException {
        engine.validateRule(RuleOperation.CREATE, "@request.data.level = \"info\"", Fixtures.schema());
        engine.validateRule(RuleOperation.LIST, null, Fixtures.schema());
        engine.validateRule(RuleOperation.LIST, "", Fixtures.schema());
        engine.validateRule(RuleOperation.LIST, "updated_by = @request.auth.id && @request.auth.id != \"\"", Fixtures.schema());
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "@request.auth.token = 'x'", Fixtures.schema()))
                .hasMessage("Unknown variable '@request.auth.token'. Allowed: @request.auth.id, @request.auth.email, "
                        + "@request.auth.role, @request.auth.account_id");
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "@has_permission('read', 'posts')", Fixtures.schema()))
                .hasMessage("Unknown function '@has_permission'");
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "@foo = 1", Fixtures.schema()))
                .hasMessage("Unknown variable '@foo'");
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "created_by = @request.auth.id OR true", Fixtures.schema()))
                .isInstanceOf(RuleSyntaxException.class).hasMessage("Use '||' instead of 'OR' at position 30");
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "@has_group(admins)", Fixtures.schema()))
                .hasMessage("@has_group expects one string argument, the group name");
        assertThatThrownBy(() -> engine.validateRule(RuleOperation.LIST, "created_at > @request.auth.id", Fixtures.schema()))
                .hasMessage("Cannot compare field 'created_at' of type 'datetime' with '@request.auth.id'");
    }

    @Test
    void brokenRuleIsReportedEvenForAnonymousCallers() {
        assertThatThrownBy(() -> decide(RuleOperation.LIST, "nope = 1", Principal.anonymous("a"), null))
                .isInstanceOf(RuleCompileException.class);
    }
}
