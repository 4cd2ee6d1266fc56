package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.rules.internal.RuleEngineImpl;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /rules/validate} and {@code POST /rules/test} (no database involved). */
@SuppressWarnings("unchecked")
class RulesResourceTest {

    private final RulesResource resource = new RulesResource(new RuleEngineImpl());
    private final ContainerRequestContext root = request("superadmin");

    private static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    private Map<String, Object> validate(String rule, String operation, List<?> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("rule", rule);
        body.put("operation", operation);
        body.put("collectionFields", fields);
        return resource.validate(body, root);
    }

    private boolean test(String rule, Map<String, Object> context) {
        Map<String, Object> body = new HashMap<>();
        body.put("rule", rule);
        body.put("context", context);
        Map<String, Object> answer = resource.test(body, root);
        assertThat(answer.keySet()).containsExactly("result");
        return (Boolean) answer.get("result");
    }

    @Test
    void validateReportsWith200() {
        assertThat(validate("status = 'x' && @request.auth.id != ''", "list", List.of("status"))).isEqualTo(Map.of("valid", true, "errors", List.of()));
        assertThat(validate("", "delete", List.of())).containsEntry("valid", true);
        assertThat(validate("@owns_record() || created_by = @request.auth.id", "update", List.of())).containsEntry("valid", true);
        assertThat(validate("price > 5 && title ~ '%a%'", "view", List.of("price", "title"))).containsEntry("valid", true);
        assertThat(validate("@request.data.title = 'x'", "create", List.of("title"))).containsEntry("valid", true);

        Map<String, Object> data = validate("@request.data.title = 'x'", "list", List.of("title"));
        assertThat(data).containsEntry("valid", false);
        assertThat((List<String>) data.get("errors")).hasSize(1);
        Map<String, Object> unknown = validate("ghost = 1", "view", List.of("title"));
        assertThat(unknown).containsEntry("valid", false);
        assertThat(((List<String>) unknown.get("errors")).get(0)).contains("ghost");
        Map<String, Object> syntax = validate("title == 'x'", "list", List.of("title"));
        assertThat(((List<String>) syntax.get("errors")).get(0)).contains("at position");
        assertThat(validate("@request.auth.password = 'x'", "list", List.of())).containsEntry("valid", false);
        assertThat(validate("status = 'x'", "LIST", null)).containsEntry("valid", false);

        // request shape: 422
        assertThat(failure(() -> validate(null, "list", List.of())).status()).isEqualTo(422);
        assertThat(failure(() -> validate("a = 1", null, List.of())).status()).isEqualTo(422);
        ApiException op = failure(() -> validate("a = 1", "read", List.of("a")));
        assertThat(op.status()).isEqualTo(422);
        assertThat(((List<FieldError>) op.extras().get("details")).get(0).field()).isEqualTo("operation");
        assertThat(failure(() -> validate("a = 1", "list", List.of(1))).status()).isEqualTo(422);
        assertThat(failure(() -> validate("a = 1", "list", List.of("bad name"))).status()).isEqualTo(422);
        Map<String, Object> wrongType = new HashMap<>(Map.of("rule", 5, "operation", "list"));
        assertThat(failure(() -> resource.validate(wrongType, root)).status()).isEqualTo(422);
    }

    @Test
    void testEvaluatesTheContext() {
        Map<String, Object> auth = Map.of("id", "u1", "email", "a@x.test", "role", "editor", "account_id", "acc");
        assertThat(test("created_by = @request.auth.id", Map.of("auth", auth, "record", Map.of("created_by", "u1")))).isTrue();
        assertThat(test("created_by = @request.auth.id", Map.of("auth", auth, "record", Map.of("created_by", "u2")))).isFalse();
        assertThat(test("@owns_record()", Map.of("auth", auth, "record", Map.of("created_by", "u1")))).isTrue();
        assertThat(test("@has_role('editor') && @request.auth.account_id = 'acc'", Map.of("auth", auth))).isTrue();
        assertThat(test("@request.data.level = 'info' || @request.data.level = 'error'", Map.of("data", Map.of("level", "error")))).isTrue();
        assertThat(test("@request.data.level = 'info'", Map.of("data", Map.of("level", "debug")))).isFalse();
        assertThat(test("price > 5 && status = 'published'", Map.of("record", Map.of("price", 7, "status", "published")))).isTrue();
        assertThat(test("price > 5", Map.of("record", Map.of("price", 3)))).isFalse();
        // missing values are null: a comparison with null is unknown (false), IS NULL holds
        assertThat(test("@request.auth.id != ''", Map.of())).isFalse();
        assertThat(test("missing = null", Map.of("record", Map.of()))).isTrue();
        assertThat(test("@request.auth.email = null", new LinkedHashMap<>())).isTrue();
        assertThat(test("true", null)).isTrue();
        // "" is public: allowed
        assertThat(test("", Map.of())).isTrue();

        ApiException syntax = failure(() -> test("status == 'x'", Map.of()));
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.error()).isEqualTo("Bad Request");
        assertThat(syntax.getMessage()).contains("at position");
        assertThat(failure(() -> test("nofunc(1)", Map.of())).status()).isEqualTo(400);
        assertThat(failure(() -> test(null, Map.of())).status()).isEqualTo(422);
        assertThat(failure(() -> test("a = 1", Map.of("auth", "u1"))).status()).isEqualTo(422);
        assertThat(failure(() -> resource.test(new HashMap<>(Map.of("rule", "a = 1", "context", List.of())), root)).status()).isEqualTo(422);
    }

    @Test
    void superadminOnly() {
        for (String who : List.of("tenant-admin", "anonymous")) {
            int status = who.equals("anonymous") ? 401 : 403;
            Map<String, Object> v = new HashMap<>(Map.of("rule", "a = 1", "operation", "list", "collectionFields", List.of("a")));
            assertThat(failure(() -> resource.validate(v, request(who))).status()).isEqualTo(status);
            Map<String, Object> t = new HashMap<>(Map.of("rule", "a = 1", "context", Map.of()));
            assertThat(failure(() -> resource.test(t, request(who))).status()).isEqualTo(status);
        }
    }
}
