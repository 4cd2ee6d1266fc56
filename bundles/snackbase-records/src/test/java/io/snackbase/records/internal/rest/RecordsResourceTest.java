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

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void validationCodesAndSystemFields(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        String foreignAuthor = (String) ((Map<String, Object>) records.create("authors", new HashMap<>(Map.of("name", "B")), carol).getEntity()).get("id");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("title", 5);
        bad.put("price", true);
        bad.put("active", "yes");
        bad.put("at", "31/01/2024");
        bad.put("day", "2024-13-01");
        bad.put("contact", "nope");
        bad.put("site", "ftp://x");
        bad.put("author", " ");
        bad.put("doc", "{not json");
        bad.put("nope", 1);
        ApiException e = failure(() -> records.create("posts", bad, alice));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.error()).isEqualTo("Validation error");
        assertThat(codes(e)).containsExactlyInAnyOrder("invalid_type", "invalid_type", "invalid_type", "invalid_datetime_format",
                "invalid_date_format", "invalid_email_format", "invalid_url_format", "empty_reference", "invalid_json", "unknown_field");
        assertThat(codes(failure(() -> records.create("posts", new HashMap<>(Map.of("body", "x")), alice)))).containsExactly("required_missing");
        Map<String, Object> nullTitle = new HashMap<>();
        nullTitle.put("title", null);
        assertThat(codes(failure(() -> records.create("posts", nullTitle, alice)))).containsExactly("required_null");
        // PostgreSQL cannot store U+0000 in text or jsonb: refused as bad input on every database
        assertThat(codes(failure(() -> records.create("posts", new HashMap<>(Map.of("title", "a\u0000b")), alice))))
                .containsExactly("invalid_characters");
        ApiException ref = failure(() -> records.create("posts", new HashMap<>(Map.of("title", "t", "author", foreignAuthor)), alice));
        assertThat(codes(ref)).containsExactly("invalid_reference");
        assertThat(ref.getMessage()).contains("Referenced record '" + foreignAuthor + "' not found in collection 'authors'");
        ApiException system = failure(() -> records.create("posts", new HashMap<>(Map.of("title", "t", "account_id", accB)), alice));
        assertThat(system.status()).isEqualTo(422);
        assertThat(system.getMessage()).isEqualTo("Cannot create system fields via API: account_id");
        assertThat(system.extras()).containsEntry("unauthorized_fields", List.of("account_id")).containsEntry("field_type", "system");
        assertThat(f.column("SELECT COUNT(*) FROM col_posts").get(0).toString()).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void filterSortAndPaging(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        List<String> ids = new ArrayList<>();
        double[] prices = {3, 1, 2, 5, 4};
        boolean[] active = {true, false, true, false, true};
        for (int i = 0; i < 5; i++) {
            ids.add((String) create(alice, Map.of("title", "t" + i, "price", prices[i], "active", active[i],
                    "at", "2024-01-0" + (i + 1) + "T00:00:00Z")).get("id"));
        }
        Map<String, Object> page = list(alice, "filter", "price > 1 && at >= '2024-01-02'", "sort", "-active, price", "skip", "0", "limit", "2");
        // rows 2 (2, true), 4 (4, true), 3 (5, false) -> sorted: active desc then price asc
        assertThat(ids(page)).containsExactly(ids.get(2), ids.get(4));
        assertThat(page).containsEntry("total", 3L).containsEntry("skip", 0).containsEntry("limit", 2);
        assertThat(ids(list(alice, "filter", "price > 1 && at >= '2024-01-02'", "sort", "-active, price", "skip", "2"))).containsExactly(ids.get(3));
        assertThat(ids(list(alice, "sort", " price"))).containsExactly(ids.get(1), ids.get(2), ids.get(0), ids.get(4), ids.get(3));
        assertThat(ids(list(alice, "filter", "title = \"'; DROP TABLE col_posts; --\""))).isEmpty();
        assertThat(failure(() -> list(alice, "sort", "-nope")).status()).isEqualTo(400);
        ApiException param = failure(() -> list(alice, "status", "active"));
        assertThat(param.error()).isEqualTo("Unsupported query parameter");
        assertThat(param.getMessage()).isEqualTo("Direct query parameter filtering (e.g., ?status=active) is no longer supported. "
                + "Use the 'filter' parameter instead: ?filter=status = \"active\"");
        assertThat(failure(() -> list(alice, "filter", "at > 'soon'")).error()).isEqualTo("Invalid filter expression");
        assertThat(failure(() -> list(alice, "limit", "0")).status()).isEqualTo(422);
        assertThat(failure(() -> list(alice, "limit", "101")).status()).isEqualTo(422);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void tenantIsolationAndSuperadmin(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        String mine = (String) create(alice, Map.of("title", "a")).get("id");
        String theirs = (String) create(carol, Map.of("title", "c")).get("id");
        for (Runnable r : List.<Runnable>of(() -> records.view("posts", theirs, null, alice),
                () -> records.put("posts", theirs, new HashMap<>(Map.of("title", "x")), alice),
                () -> records.patch("posts", theirs, new HashMap<>(Map.of("title", "x")), alice),
                () -> records.delete("posts", theirs, alice))) {
            ApiException e = failure(r);
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("Record not found");
        }
        assertThat(list(alice, "filter", "account_id = '" + accB + "'")).containsEntry("total", 0L);
        assertThat(ids(list(alice))).containsExactly(mine);
        assertThat(ids(list(root, "sort", "+title"))).containsExactly(mine, theirs);
        Map<String, Object> placed = create(root, Map.of("title", "r", "account_id", accB));
        assertThat(placed).containsEntry("account_id", accB).containsEntry("created_by", "root-id");
        assertThat(failure(() -> records.create("posts", new HashMap<>(Map.of("title", "r", "account_id", "no-such")), root)).status()).isEqualTo(400);
        assertThat(records.view("posts", theirs, null, carol)).containsEntry("title", "c");
        assertThat(failure(() -> records.create("nope", new HashMap<>(), alice)).getMessage()).isEqualTo("Collection 'nope' not found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rules(DatabaseKind kind) throws Exception {
        Map<String, Object> rules = new HashMap<>();
        rules.put("list_rule", "created_by = @request.auth.id");
        rules.put("view_rule", "");
        rules.put("create_rule", "@request.data.title != 'forbidden'");
        rules.put("update_rule", "@owns_record()");
        rules.put("delete_rule", null);
        rules.put("view_fields", "[\"title\"]");
        setUp(kind, rules);
        String a = (String) create(alice, Map.of("title", "a", "body", "secret")).get("id");
        String b = (String) create(bob, Map.of("title", "b")).get("id");
        assertThat(ids(list(alice))).containsExactly(a);
        assertThat(list(bob)).containsEntry("total", 1L);
        assertThat(failure(() -> records.create("posts", new HashMap<>(Map.of("title", "forbidden")), alice)).getMessage())
                .isEqualTo("Record does not satisfy collection rules");
        assertThat(failure(() -> records.patch("posts", b, new HashMap<>(Map.of("title", "x")), alice)).status()).isEqualTo(404);
        assertThat(records.patch("posts", a, new HashMap<>(Map.of("title", "x")), alice)).containsEntry("title", "x");
        ApiException locked = failure(() -> records.delete("posts", a, alice));
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.getMessage()).isEqualTo("Access denied: delete is locked for this collection");
        assertThat(records.delete("posts", a, root).getStatus()).isEqualTo(204);
        // public view for an anonymous caller of the account; view_fields hides body
        Map<String, Object> seen = records.view("posts", b, null, anonymous(accA));
        assertThat(seen).containsEntry("title", "b").doesNotContainKey("body");
        assertThat(failure(() -> records.view("posts", b, null, anonymous(accB))).status()).isEqualTo(404);
        ApiException anon = failure(() -> list(anonymous(accA)));
        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.getMessage()).isEqualTo("Authentication required to access this resource");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void auditInTheWriteTransactionAndHooks(DatabaseKind kind) throws Exception {
        setUp(kind, Map.of());
        String id = (String) create(alice, Map.of("title", "a", "body", "b")).get("id");
        assertThat(auditColumns(id)).contains("id", "title", "body", "created_at");
        int before = auditColumns(id).size();
        records.patch("posts", id, new HashMap<>(Map.of("title", "changed", "body", "b")), alice);
        List<Object> update = auditColumns(id).subList(before, auditColumns(id).size());
        assertThat(update).contains("title", "updated_at").doesNotContain("body", "created_at");

        // a before hook that aborts: nothing is written, no audit entry
        f.hooks = dispatcher(e -> e.name().equals("on_record_before_create")
                ? new HookDispatchResult(e.data(), 1, true, 409, "no thanks", List.of()) : new HookDispatchResult(e.data(), 0, false, 0, null, List.of()));
        ApiException aborted = failure(() -> records.create("posts", new HashMap<>(Map.of("title", "z")), alice));
        assertThat(aborted.status()).isEqualTo(409);
        assertThat(aborted.getMessage()).isEqualTo("no thanks");
        assertThat(f.column("SELECT COUNT(*) FROM col_posts").get(0).toString()).isEqualTo("1");
        // a before hook that changes the data: the change is validated and written
        f.hooks = dispatcher(e -> {
            Map<String, Object> data = new HashMap<>(e.data());
            if (e.name().equals("on_record_before_update")) {
                Map<String, Object> rec = new HashMap<>((Map<String, Object>) data.get("record"));
                rec.put("body", "from hook");
                data.put("record", rec);
            }
            return new HookDispatchResult(data, 1, false, 0, null, List.of());
        });
        assertThat(records.patch("posts", id, new HashMap<>(Map.of("title", "t2")), alice)).containsEntry("body", "from hook");
        // a write whose audit fails rolls back: the row keeps its values
        long entries = Long.parseLong(f.column("SELECT COUNT(*) FROM audit_log").get(0).toString());
        f.hooks = null;
        f.audit = new io.snackbase.api.audit.AuditService() {
            @Override
            public void recordChange(io.snackbase.api.audit.RecordChange change, io.snackbase.api.context.RequestContext context) {
                throw new IllegalStateException("audit store down");
            }

            @Override
            public boolean enabled() {
                return true;
            }
        };
        try {
            records.patch("posts", id, new HashMap<>(Map.of("title", "lost")), alice);
            throw new AssertionError("expected failure");
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(records.view("posts", id, null, alice)).containsEntry("title", "t2");
        assertThat(Long.parseLong(f.column("SELECT COUNT(*) FROM audit_log").get(0).toString())).isEqualTo(entries);
    }

    static HookDispatcher dispatcher(Function<HookEvent, HookDispatchResult> handler) {
        return new HookDispatcher() {
            @Override
            public HookDispatchResult dispatch(HookEvent event, HookContext context) {
                return handler.apply(event);
            }

            @Override
            public boolean hasHandlers(String event, String collection) {
                return true;
            }
        };
    }
}
