package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.auth.RequestAuthentication;
import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.hooks.HookContext;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.hooks.HookDispatcher;
import io.snackbase.api.hooks.HookEvent;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /records/{collection}} called directly on every database. */
@SuppressWarnings("unchecked")
class RecordsResourceTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private RecordsResource records;
    private String accA;
    private String accB;
    private ContainerRequestContext alice;
    private ContainerRequestContext bob;
    private ContainerRequestContext carol; // account B
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind, Map<String, Object> rules) throws Exception {
        f = RecordsFixture.open(kind);
        records = new RecordsResource(f.w.records);
        accA = f.account("acme");
        accB = f.account("beta");
        alice = as(new Principal("u-alice", "alice@acme.test", accA, "user", "jwt"));
        bob = as(new Principal("u-bob", "bob@acme.test", accA, "user", "jwt"));
        carol = as(new Principal("u-carol", "carol@beta.test", accB, "user", "jwt"));
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        collections.create(new HashMap<>(Map.of("name", "authors", "fields", List.of(field("name", "text")),
                "list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", "")), root);
        Map<String, Object> body = new HashMap<>(Map.of("name", "posts", "fields", List.of(
                field("title", "text", "required", true), field("body", "text"), field("price", "number"),
                field("active", "boolean", "default", true), field("at", "datetime"), field("day", "date"),
                field("contact", "email"), field("site", "url"), field("meta", "json"), field("doc", "file"),
                field("author", "reference", "collection", "authors", "on_delete", "restrict"))));
        Map<String, Object> open = new HashMap<>(Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        open.putAll(rules);
        open.forEach(body::put);
        collections.create(body, root);
    }

    static ContainerRequestContext as(Principal p) {
        return req(RequestAuthentication.authenticated(p, "req-1", "127.0.0.1", "junit"));
    }

    static ContainerRequestContext anonymous(String account) {
        return req(RequestAuthentication.anonymous(account, null, "req-1", "127.0.0.1", "junit"));
    }

    static ContainerRequestContext req(RequestAuthentication auth) {
        return (ContainerRequestContext) Proxy.newProxyInstance(RecordsResourceTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> RequestAuthentication.PROPERTY.equals(args[0]) ? auth : null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    private Map<String, Object> create(ContainerRequestContext who, Map<String, Object> body) {
        var response = records.create("posts", new LinkedHashMap<>(body), who);
        assertThat(response.getStatus()).isEqualTo(201);
        return (Map<String, Object>) response.getEntity();
    }

    private Map<String, Object> list(ContainerRequestContext who, String... kv) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            q.put(kv[i], List.of(kv[i + 1]));
        }
        return records.list("posts", q, who);
    }

    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(m -> (String) m.get("id")).toList();
    }

    private static List<String> codes(ApiException e) {
        return ((List<FieldError>) e.extras().get("details")).stream().map(FieldError::code).toList();
    }

    private List<Object> auditColumns(String recordId) throws Exception {
        return f.column("SELECT column_name FROM audit_log WHERE record_id = ? ORDER BY id", recordId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createGetListPutPatchDelete(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        String author = (String) ((Map<String, Object>) records.create("authors", new HashMap<>(Map.of("name", "Ann")), alice).getEntity()).get("id");
        Map<String, Object> doc = Map.of("filename", "a.pdf", "size", 12, "mime_type", "application/pdf", "path", "acme/a.pdf");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Hello");
        body.put("body", "text");
        body.put("price", 12.5);
        body.put("at", "2024-01-31T11:00:00.123456+01:00");
        body.put("day", "2024-02-29");
        body.put("contact", "a@b.io");
        body.put("site", "https://x.io/p");
        body.put("meta", Map.of("tags", List.of("a", "b")));
        body.put("doc", doc);
        body.put("author", author);
        Map<String, Object> created = create(alice, body);
        String id = (String) created.get("id");
        assertThat(created).containsEntry("account_id", accA).containsEntry("created_by", "u-alice").containsEntry("active", true)
                .containsEntry("at", "2024-01-31T10:00:00.123456Z").containsEntry("day", "2024-02-29").containsEntry("price", 12.5)
                .containsEntry("meta", Map.of("tags", List.of("a", "b"))).containsEntry("doc", doc).containsEntry("author", author)
                .containsEntry("account_name", "acme");
        assertThat((String) created.get("created_at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        assertThat(records.view("posts", id, null, bob)).isEqualTo(created);
        assertThat(records.view("posts", id, "title", bob)).containsOnlyKeys("id", "account_id", "account_name", "created_at", "created_by",
                "updated_at", "updated_by", "title");
        assertThat(ids(list(alice))).containsExactly(id);

        // PUT: required present, omitted optional without default kept, with default reset
        records.patch("posts", id, new HashMap<>(Map.of("active", false)), alice);
        Map<String, Object> put = records.put("posts", id, new HashMap<>(Map.of("title", "New")), bob);
        assertThat(put).containsEntry("title", "New").containsEntry("body", "text").containsEntry("active", true)
                .containsEntry("updated_by", "u-bob").containsEntry("created_by", "u-alice");
        Map<String, Object> patched = records.patch("posts", id, new HashMap<>(Map.of("body", "changed")), alice);
        assertThat(patched).containsEntry("title", "New").containsEntry("body", "changed");
        ApiException missing = failure(() -> records.put("posts", id, new HashMap<>(Map.of("body", "x")), alice));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(codes(missing)).containsExactly("required_missing");

        assertThat(records.delete("posts", id, alice).getStatus()).isEqualTo(204);
        assertThat(failure(() -> records.view("posts", id, null, alice)).status()).isEqualTo(404);
    }
}
