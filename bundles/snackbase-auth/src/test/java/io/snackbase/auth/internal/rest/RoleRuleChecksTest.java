package io.snackbase.auth.internal.rest;

import static io.snackbase.auth.internal.AdminFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.auth.internal.AdminFixture;
import io.snackbase.rules.internal.RuleEngineImpl;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /roles/validate-rule} and {@code /roles/test-rule} with the real rule engine. */
class RoleRuleChecksTest {

    private AdminFixture f;
    private RolesResource resource;
    private ContainerRequestContext root;

    @BeforeEach
    void setUp() throws Exception {
        f = AdminFixture.on(DatabaseKind.SQLITE);
        resource = new RolesResource(f.store);
        resource.setRules(new RuleEngineImpl());
        root = as(f.superadminUser());
    }

    @Test
    void validateRuleReportsTheSyntaxErrorWithItsPosition() {
        assertThat(resource.validateRule(Map.of("rule", "@request.auth.id != \"\" && status = \"open\""), root))
                .containsEntry("valid", true).containsEntry("error", null);
        Map<String, Object> bad = resource.validateRule(Map.of("rule", "status = \"open\" OR x = 1"), root);
        assertThat(bad).containsEntry("valid", false);
        assertThat((String) bad.get("error")).contains("position");
    }

    @Test
    void testRuleEvaluatesAgainstTheContext() {
        Map<String, Object> context = Map.of("record", Map.of("owner", "u1", "status", "open"),
                "auth", Map.of("id", "u1", "email", "a@x.io", "role", "user", "account_id", "acc"));
        assertThat(resource.testRule(Map.of("rule", "owner = @request.auth.id && status = \"open\"", "context", context), root))
                .containsEntry("allowed", true).containsEntry("error", null);
        assertThat(resource.testRule(Map.of("rule", "owner = @request.auth.id && status = \"closed\"", "context", context), root))
                .containsEntry("allowed", false);
        assertThat(resource.testRule(Map.of("rule", "", "context", context), root)).containsEntry("allowed", true);
        assertThat(resource.testRule(Map.of("rule", "status ==", "context", context), root).get("error")).isNotNull();
    }

    @Test
    void malformedBodiesAre422AndTenantsAre403() {
        assertThatThrownBy(() -> resource.testRule(Map.of("rule", "x = 1", "context", "nope"), root))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> resource.validateRule(Map.of(), root))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        ContainerRequestContext tenant = as(f.user(f.account("Tenant Co", "tenant-co").id, "t@x.io", 1));
        assertThatThrownBy(() -> resource.validateRule(Map.of("rule", "x = 1"), tenant))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
