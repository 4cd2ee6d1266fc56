package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /collections/{name}/rules} and the computed-expression check, called directly on every database. */
@SuppressWarnings("unchecked")
class CollectionRulesResourceTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private CollectionsResource collections;
    private CollectionRulesResource rules;
    private RecordsResource records;
    private String accA;
    private String postsId;
    private ContainerRequestContext alice;
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        rules = new CollectionRulesResource(f.w.ruleSettings);
        records = new RecordsResource(f.w.records);
        accA = f.account("acme");
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", accA, "user", "jwt"));
        var created = collections.create(new HashMap<>(Map.of("name", "posts", "fields",
                List.of(field("title", "text"), field("status", "text"), field("n", "number")))), root);
        postsId = (String) ((Map<String, Object>) created.getEntity()).get("id");
    }

    private static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    private Map<String, Object> put(Object... kv) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return rules.put("posts", body, root);
    }

    private ApiException putFails(Object... kv) {
        return failure(() -> put(kv));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void getAndPartialPut(DatabaseKind kind) throws Exception {
        setUp(kind);
        Map<String, Object> got = rules.get("posts", root);
        assertThat(got.keySet()).containsExactly("id", "collection_id", "list_rule", "view_rule", "create_rule", "update_rule",
                "delete_rule", "list_fields", "view_fields", "create_fields", "update_fields", "created_at", "updated_at");
        assertThat(got).containsEntry("collection_id", postsId).containsEntry("list_rule", null).containsEntry("delete_rule", null)
                .containsEntry("list_fields", "*").containsEntry("update_fields", "*");
        assertThat((String) got.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

        Map<String, Object> first = put("list_rule", "status = 'published'", "view_rule", "", "view_fields", "[\"title\",\"id\"]");
        assertThat(first).containsEntry("id", got.get("id")).containsEntry("list_rule", "status = 'published'")
                .containsEntry("view_rule", "").containsEntry("create_rule", null).containsEntry("view_fields", "[\"title\",\"id\"]")
                .containsEntry("list_fields", "*");
        assertThat((String) first.get("updated_at")).isGreaterThan((String) got.get("updated_at"));
        // absent keys stay; explicit null locks; "" opens
        Map<String, Object> second = put("create_rule", "@request.data.title != 'x'", "view_rule", null, "delete_rule", "");
        assertThat(second).containsEntry("list_rule", "status = 'published'").containsEntry("view_rule", null)
                .containsEntry("create_rule", "@request.data.title != 'x'").containsEntry("delete_rule", "")
                .containsEntry("view_fields", "[\"title\",\"id\"]");
        assertThat(put()).isEqualTo(rules.get("posts", root));
        assertThat(rules.get("posts", root)).isEqualTo(second);
        // the collection API sees the same rules
        assertThat(collections.get(postsId, root)).containsEntry("has_public_access", true);
        assertThat(f.w.store.byName("posts").listRule).isEqualTo("status = 'published'");
        // macros, auth variables, system fields, computed fields are accepted
        assertThat(put("update_rule", "@owns_record() && @request.auth.role = 'editor' && created_at > '2024-01-01'"))
                .containsEntry("update_rule", "@owns_record() && @request.auth.role = 'editor' && created_at > '2024-01-01'");

        // a collection without a rules row gets one with the defaults on GET
        f.update("DELETE FROM collection_rules WHERE collection_id = ?", postsId);
        Map<String, Object> fresh = rules.get("posts", root);
        assertThat(fresh).containsEntry("list_rule", null).containsEntry("view_fields", "*").containsEntry("collection_id", postsId);
        assertThat(fresh.get("id")).isNotEqualTo(got.get("id"));
        assertThat(f.column("SELECT COUNT(*) FROM collection_rules WHERE collection_id = ?", postsId).get(0).toString()).isEqualTo("1");
        assertThat(put("list_rule", "")).containsEntry("list_rule", "").containsEntry("view_rule", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void errors(DatabaseKind kind) throws Exception {
        setUp(kind);
        put("list_rule", "", "list_fields", "[\"title\"]");
        Map<String, Object> before = rules.get("posts", root);

        ApiException missing = failure(() -> rules.get("nope", root));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.getMessage()).isEqualTo("Collection 'nope' not found");
        assertThat(failure(() -> rules.get("POSTS", root)).status()).isEqualTo(404);
        assertThat(failure(() -> rules.put("nope", new HashMap<>(Map.of("list_rule", "")), root)).getMessage())
                .isEqualTo("Collection 'nope' not found");

        // 422: unknown keys, wrong types, field lists of the wrong form
        for (Object[] bad : new Object[][] {{"label", "x"}, {"id", "x"}, {"list_rule", 5}, {"list_rule", List.of("a")},
                {"list_fields", "title"}, {"list_fields", "[1]"}, {"list_fields", "{\"a\":1}"}, {"view_fields", null},
                {"create_fields", 3}, {"update_fields", "[\"title\""}}) {
            ApiException e = putFails(bad);
            assertThat(e.status()).as(java.util.Arrays.toString(bad)).isEqualTo(422);
            assertThat(((List<FieldError>) e.extras().get("details")).get(0).field()).isEqualTo(bad[0]);
        }
        // 400: every rule validated for its operation
        assertThat(putFails("list_rule", "@request.data.title = 'x'").getMessage()).startsWith("Invalid list_rule: ");
        assertThat(putFails("view_rule", "@request.data.title = 'x'").getMessage()).startsWith("Invalid view_rule: ");
        assertThat(putFails("delete_rule", "@request.data.title = 'x'").getMessage()).startsWith("Invalid delete_rule: ");
        ApiException unknown = putFails("update_rule", "nofield = 1");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.getMessage()).startsWith("Invalid update_rule: ").contains("nofield");
        ApiException syntax = putFails("create_rule", "title == 'x'");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.getMessage()).startsWith("Invalid create_rule: ").contains("at position");
        assertThat(putFails("list_rule", "@request.auth.password = 'x'").getMessage()).startsWith("Invalid list_rule: ");
        assertThat(putFails("list_rule", "title = 5").getMessage()).startsWith("Invalid list_rule: ");
        ApiException field = putFails("view_fields", "[\"title\",\"ghost\"]");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.getMessage()).startsWith("Invalid view_fields: Field 'ghost' does not exist");
        assertThat(putFails("create_fields", "[\"created_by\"]").getMessage()).startsWith("Invalid create_fields: ");
        // a failed PUT changes nothing, even keys that were valid
        assertThat(putFails("view_rule", "", "list_rule", "x ==").status()).isEqualTo(400);
        assertThat(rules.get("posts", root)).isEqualTo(before);

        // superadmin only
        for (String who : List.of("tenant-admin", "anonymous")) {
            int status = who.equals("anonymous") ? 401 : 403;
            assertThat(failure(() -> rules.get("posts", request(who))).status()).isEqualTo(status);
            assertThat(failure(() -> rules.put("posts", new HashMap<>(Map.of("list_rule", "")), request(who))).status()).isEqualTo(status);
        }
        assertThat(failure(() -> rules.get("posts", alice)).getMessage()).isEqualTo("Superadmin access required");
        assertThat(rules.get("posts", root)).isEqualTo(before);
    }

    private Map<String, Object> list(ContainerRequestContext who) {
        return records.list("posts", Map.of(), who);
    }

    private static List<Object> titles(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> m.get("title")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void changesTakeEffectAtOnceOnRecords(DatabaseKind kind) throws Exception {
        setUp(kind);
        put("create_rule", "", "view_rule", "");
        records.create("posts", new HashMap<>(Map.of("title", "draft", "status", "draft")), alice);
        records.create("posts", new HashMap<>(Map.of("title", "pub", "status", "published")), alice);
        ContainerRequestContext anonymous = RecordsResourceTest.anonymous(accA);

        // default: locked
        ApiException locked = failure(() -> list(alice));
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.getMessage()).isEqualTo("Access denied: list is locked for this collection");
        // "" → anyone, including an anonymous caller of the account
        put("list_rule", "");
        assertThat(titles(list(anonymous))).containsExactlyInAnyOrder("draft", "pub");
        assertThat(titles(list(alice))).containsExactlyInAnyOrder("draft", "pub");
        // an expression filters; anonymous callers cannot satisfy it
        put("list_rule", "status = 'published'");
        assertThat(titles(list(alice))).containsExactly("pub");
        assertThat(list(alice)).containsEntry("total", 1L);
        assertThat(failure(() -> list(anonymous)).status()).isEqualTo(401);
        // field lists too
        put("list_fields", "[\"title\"]");
        assertThat(((List<Map<String, Object>>) list(alice).get("items")).get(0)).containsKey("title").doesNotContainKey("status");
        // locked again
        put("list_rule", null);
        assertThat(failure(() -> list(alice)).status()).isEqualTo(403);
        assertThat(titles(list(root))).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void hooksOfARulesChange(DatabaseKind kind) throws Exception {
        setUp(kind);
        List<HookEvent> seen = new ArrayList<>();
        f.hooks = RecordsResourceTest.dispatcher(e -> {
            seen.add(e);
            return e.name().equals("on_collection_before_update") && "status = 'blocked'".equals(e.data().get("view_rule"))
                    ? new HookDispatchResult(e.data(), 1, true, 409, "not now", List.of())
                    : new HookDispatchResult(e.data(), 1, false, 0, null, List.of());
        });
        put("list_rule", "");
        assertThat(seen).extracting(HookEvent::name).containsExactly("on_collection_before_update", "on_collection_after_update");
        assertThat(seen.get(0).collection()).isEqualTo("posts");
        assertThat(seen.get(0).data()).containsEntry("id", postsId).containsEntry("list_rule", "").containsEntry("view_rule", null)
                .containsEntry("changed", List.of("list_rule")).containsKey("schema");
        seen.clear();
        // a before-hook abort answers with its status and message and leaves the rules unchanged
        Map<String, Object> before = rules.get("posts", root);
        ApiException aborted = failure(() -> put("view_rule", "status = 'blocked'", "list_rule", null));
        assertThat(aborted.status()).isEqualTo(409);
        assertThat(aborted.getMessage()).isEqualTo("not now");
        assertThat(seen).extracting(HookEvent::name).containsExactly("on_collection_before_update");
        assertThat(rules.get("posts", root)).isEqualTo(before);
        seen.clear();
        // nothing to change: no events
        put();
        assertThat(seen).isEmpty();
    }

    private ApiException createFails(Map<String, Object> computed) {
        return failure(() -> collections.create(new HashMap<>(Map.of("name", "people", "fields",
                List.of(field("first", "text"), field("last", "text"), field("born", "datetime"), field("score", "number"),
                        field("full", "computed", "expression", "concat(first, ' ', last)", "return_type", "text"), computed))), root));
    }

    private static Map<String, Object> computed(String expression) {
        return field("c", "computed", "expression", expression, "return_type", "text");
    }

    private static FieldError only(ApiException e) {
        assertThat(e.status()).isEqualTo(400);
        List<FieldError> details = (List<FieldError>) e.extras().get("details");
        assertThat(details).hasSize(1);
        assertThat(details.get(0).field()).isEqualTo("schema[5].expression");
        return details.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void computedExpressionsAreChecked(DatabaseKind kind) throws Exception {
        setUp(kind);
        for (String ok : List.of("UPPER(trim(first))", "if(score > 10 && !(last IS NULL), 'high', 'low')", "round(score * 1.5, 2) - -1",
                "date_diff(now(), born, 'days')", "date_add(created_at, 2, \"hours\")", "coalesce(nullif(first, ''), last, id)",
                "substring(first, 1, 3)", "length(concat(first, last, 'x'))", "score % 2 = 0 || abs(score) IN (1, 2)")) {
            var response = collections.create(new HashMap<>(Map.of("name", "ok_" + Math.abs(ok.hashCode()), "fields",
                    List.of(field("first", "text"), field("last", "text"), field("born", "datetime"), field("score", "number"),
                            computed(ok)))), root);
            assertThat(response.getStatus()).as(ok).isEqualTo(201);
        }
        // syntax (RuleEngine.parse): computed_field_expression_invalid with the parser's position
        for (String bad : List.of("concat(first, ' ', last", "first ==  last", "first AND last", "'open", "upper(first))", "first & last")) {
            FieldError e = only(createFails(computed(bad)));
            assertThat(e.code()).as(bad).isEqualTo("computed_field_expression_invalid");
            assertThat(e.message()).as(bad).startsWith("Invalid expression: ").contains("at position");
        }
        // meaning: computed_field_expression_error
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("concat(first)", "Function 'concat' takes at least 2 arguments, got 1");
        errors.put("upper(first, last)", "Function 'upper' takes 1 argument, got 2");
        errors.put("now(1)", "Function 'now' takes 0 arguments, got 1");
        errors.put("substring(first)", "Function 'substring' takes 2 to 3 arguments, got 1");
        errors.put("if(score > 1, 'a')", "Function 'if' takes 3 arguments, got 2");
        errors.put("shout(first)", "Unknown function 'shout'");
        errors.put("@request.auth.id", "Variables are not allowed in computed fields: '@request.auth.id'");
        errors.put("concat(first, @request.data.x)", "Variables are not allowed");
        errors.put("upper(full)", "Computed field 'full' cannot be used");
        errors.put("upper(nickname)", "Field 'nickname' does not exist in collection");
        errors.put("a.b", "Invalid field name 'a.b'");
        errors.put("date_diff(now(), born, first)", "The unit of date_diff");
        errors.put("date_add(born, 1, 'weeks')", "The unit of date_add");
        errors.forEach((bad, message) -> {
            FieldError e = only(createFails(computed(bad)));
            assertThat(e.code()).as(bad).isEqualTo("computed_field_expression_error");
            assertThat(e.message()).as(bad).startsWith("Expression error: " + message);
        });
        assertThat(f.column("SELECT COUNT(*) FROM collections WHERE name = 'people'").get(0).toString()).isEqualTo("0");

        // PUT /collections/{id} checks the new field list the same way
        List<Map<String, Object>> next = List.of(field("title", "text"), field("status", "text"), field("n", "number"),
                field("shout", "computed", "expression", "upper(title", "return_type", "text"));
        ApiException update = failure(() -> collections.update(postsId, new HashMap<>(Map.of("fields", next)), root));
        assertThat(update.getMessage()).startsWith("Schema validation failed: schema[3].expression: Invalid expression: ");
        assertThat(((List<FieldError>) update.extras().get("details")).get(0).code()).isEqualTo("computed_field_expression_invalid");
        List<Map<String, Object>> good = List.of(field("title", "text"), field("status", "text"), field("n", "number"),
                field("shout", "computed", "expression", "upper(title)", "return_type", "text"));
        assertThat(collections.update(postsId, new HashMap<>(Map.of("fields", good)), root)).containsKey("schema");
        // rule texts given at creation are stored as given, not validated (domain §2.1)
        var unchecked = collections.create(new HashMap<>(Map.of("name", "loose", "fields", List.of(field("a", "text")),
                "list_rule", "ghost == 1")), root);
        assertThat(unchecked.getStatus()).isEqualTo(201);
        assertThat(rules.get("loose", root)).containsEntry("list_rule", "ghost == 1");
    }
}
