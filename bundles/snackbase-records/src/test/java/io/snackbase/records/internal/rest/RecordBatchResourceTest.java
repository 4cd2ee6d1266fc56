package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.errors.FieldError;
import io.snackbase.api.hooks.HookDispatchResult;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.records.RecordBatch;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /records/{collection}/batch} on every database: happy paths, atomicity, size limit, 404s. */
@SuppressWarnings("unchecked")
class RecordBatchResourceTest {

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;
    private RecordsResource records;
    private RecordBatchResource batch;
    private String accA;
    private String accB;
    private ContainerRequestContext alice;
    private ContainerRequestContext carol; // account B
    private final ContainerRequestContext root = request("superadmin");

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void setUp(DatabaseKind kind, int max) throws Exception {
        f = RecordsFixture.open(kind);
        records = new RecordsResource(f.w.records);
        batch = new RecordBatchResource(new RecordBatch(f.w.records, f.w.store, max));
        accA = f.account("acme");
        accB = f.account("beta");
        alice = RecordsResourceTest.as(new Principal("u-alice", "alice@acme.test", accA, "user", "jwt"));
        carol = RecordsResourceTest.as(new Principal("u-carol", "carol@beta.test", accB, "user", "jwt"));
        CollectionsResource collections = new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC());
        Map<String, Object> body = new HashMap<>(Map.of("name", "posts", "fields", List.of(
                field("title", "text", "required", true), field("n", "number"), field("active", "boolean", "default", true))));
        body.putAll(Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        collections.create(body, root);
    }

    private static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    private long rows() throws Exception {
        return Long.parseLong(f.column("SELECT COUNT(*) FROM col_posts").get(0).toString());
    }

    private long auditEntries() throws Exception {
        return Long.parseLong(f.column("SELECT COUNT(*) FROM audit_log").get(0).toString());
    }

    private static Map<String, Object> items(String key, List<?> list) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, list);
        return m;
    }

    private static List<Map<String, Object>> posts(int n) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new LinkedHashMap<>(Map.of("title", "t" + i, "n", i)));
        }
        return list;
    }

    private List<String> createAll(ContainerRequestContext who, int n) {
        var response = batch.create("posts", items("records", posts(n)), who);
        assertThat(response.getStatus()).isEqualTo(201);
        Map<String, Object> out = (Map<String, Object>) response.getEntity();
        assertThat(out).containsEntry("count", n);
        return ((List<Map<String, Object>>) out.get("created")).stream().map(m -> (String) m.get("id")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createUpdateDeleteHappyPaths(DatabaseKind kind) throws Exception {
        setUp(kind, 100);
        long audit = auditEntries();
        var response = batch.create("posts", items("records", posts(3)), alice);
        assertThat(response.getStatus()).isEqualTo(201);
        Map<String, Object> created = (Map<String, Object>) response.getEntity();
        assertThat(created).containsOnlyKeys("created", "count").containsEntry("count", 3);
        List<Map<String, Object>> items = (List<Map<String, Object>>) created.get("created");
        assertThat(items).extracting(m -> m.get("title")).containsExactly("t0", "t1", "t2");
        assertThat(items).allSatisfy(m -> assertThat(m).containsEntry("account_id", accA).containsEntry("created_by", "u-alice")
                .containsEntry("active", true));
        assertThat(rows()).isEqualTo(3);
        assertThat(auditEntries()).isGreaterThan(audit);
        List<String> ids = items.stream().map(m -> (String) m.get("id")).toList();

        Map<String, Object> updated = batch.update("posts", items("records", List.of(
                Map.of("id", ids.get(0), "data", Map.of("title", "u0")), Map.of("id", ids.get(2), "data", Map.of("n", 42)))), alice);
        assertThat(updated).containsOnlyKeys("updated", "count").containsEntry("count", 2);
        List<Map<String, Object>> up = (List<Map<String, Object>>) updated.get("updated");
        assertThat(up.get(0)).containsEntry("id", ids.get(0)).containsEntry("title", "u0").containsEntry("n", 0.0);
        assertThat(up.get(1)).containsEntry("id", ids.get(2)).containsEntry("title", "t2").containsEntry("n", 42.0);
        assertThat(records.view("posts", ids.get(0), null, alice)).containsEntry("title", "u0");

        Map<String, Object> deleted = batch.delete("posts", items("ids", List.of(ids.get(0), ids.get(1))), alice);
        assertThat(deleted).containsOnlyKeys("deleted", "count").containsEntry("deleted", List.of(ids.get(0), ids.get(1)))
                .containsEntry("count", 2);
        assertThat(f.column("SELECT id FROM col_posts")).containsExactly(ids.get(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void invalidItemAtIndexSevenWritesNothing(DatabaseKind kind) throws Exception {
        setUp(kind, 100);
        List<String> existing = createAll(alice, 2);
        long audit = auditEntries();
        List<Map<String, Object>> list = posts(10);
        list.get(7).put("title", 5);
        ApiException e = failure(() -> batch.create("posts", items("records", list), alice));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.error()).isEqualTo("validation_error");
        assertThat(e.extras()).containsEntry("index", 7);
        assertThat(((List<FieldError>) e.extras().get("details"))).extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "invalid_type"));
        assertThat(rows()).isEqualTo(2);
        assertThat(auditEntries()).isEqualTo(audit);

        // PATCH: the item at index 1 is invalid, the one before it is not kept
        List<Map<String, Object>> patches = List.of(Map.of("id", existing.get(0), "data", Map.of("title", "changed")),
                Map.of("id", existing.get(1), "data", Map.of("n", "not a number")));
        ApiException p = failure(() -> batch.update("posts", items("records", patches), alice));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.extras()).containsEntry("index", 1);
        assertThat(records.view("posts", existing.get(0), null, alice)).containsEntry("title", "t0");
        assertThat(auditEntries()).isEqualTo(audit);

        // after hooks run only once the whole batch committed: none for a failed batch
        List<String> after = new ArrayList<>();
        f.hooks = RecordsResourceTest.dispatcher(ev -> {
            if (ev.name().startsWith("on_record_after")) {
                after.add(ev.name());
            }
            return new HookDispatchResult(ev.data(), 0, false, 0, null, List.of());
        });
        failure(() -> batch.create("posts", items("records", list), alice));
        assertThat(after).isEmpty();
        createAll(alice, 2);
        assertThat(after).containsExactly("on_record_after_create", "on_record_after_create");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void unknownAndForeignIdsAre404AndChangeNothing(DatabaseKind kind) throws Exception {
        setUp(kind, 100);
        List<String> mine = createAll(alice, 2);
        List<String> theirs = createAll(carol, 1);
        long audit = auditEntries();

        ApiException foreign = failure(() -> batch.update("posts", items("records", List.of(
                Map.of("id", mine.get(0), "data", Map.of("title", "x")), Map.of("id", theirs.get(0), "data", Map.of("title", "x")))), alice));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.error()).isEqualTo("not_found");
        assertThat(foreign.getMessage()).isEqualTo("Record '" + theirs.get(0) + "' not found (index 1)");
        assertThat(records.view("posts", mine.get(0), null, alice)).containsEntry("title", "t0");
        assertThat(records.view("posts", theirs.get(0), null, carol)).containsEntry("title", "t0");

        ApiException missing = failure(() -> batch.delete("posts", items("ids", List.of(mine.get(0), mine.get(1), "nope")), alice));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.getMessage()).isEqualTo("Record 'nope' not found (index 2)");
        ApiException other = failure(() -> batch.delete("posts", items("ids", List.of(mine.get(0), theirs.get(0))), alice));
        assertThat(other.getMessage()).isEqualTo("Record '" + theirs.get(0) + "' not found (index 1)");
        assertThat(rows()).isEqualTo(3);
        assertThat(auditEntries()).isEqualTo(audit);

        // the superadmin sees every account
        assertThat(batch.delete("posts", items("ids", List.of(mine.get(0), theirs.get(0))), root)).containsEntry("count", 2);
        assertThat(rows()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sizeLimitEmptyListAndUnknownCollection(DatabaseKind kind) throws Exception {
        setUp(kind, 100);
        ApiException big = failure(() -> batch.create("posts", items("records", posts(101)), alice));
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.error()).isEqualTo("batch_too_large");
        assertThat(big.getMessage()).isEqualTo("Batch size 101 exceeds maximum of 100");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add("id-" + i);
        }
        assertThat(failure(() -> batch.delete("posts", items("ids", ids), alice)).error()).isEqualTo("batch_too_large");
        assertThat(createAll(alice, 100)).hasSize(100);
        assertThat(failure(() -> batch.create("posts", items("records", List.of()), alice)).status()).isEqualTo(422);
        assertThat(failure(() -> batch.create("posts", Map.of(), alice)).status()).isEqualTo(422);
        ApiException notObject = failure(() -> batch.create("posts", items("records", List.of(Map.of("title", "a"), "x")), alice));
        assertThat(notObject.error()).isEqualTo("validation_error");
        assertThat(notObject.extras()).containsEntry("index", 1);
        ApiException unknown = failure(() -> batch.create("nope", items("records", posts(1)), alice));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.getMessage()).isEqualTo("Collection 'nope' not found");
        assertThat(rows()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void configuredMaximum(DatabaseKind kind) throws Exception {
        setUp(kind, 3);
        assertThat(failure(() -> batch.create("posts", items("records", posts(4)), alice)).getMessage())
                .isEqualTo("Batch size 4 exceeds maximum of 3");
        assertThat(createAll(alice, 3)).hasSize(3);
    }

    @Test
    void maxSizeProperty() {
        assertThat(RecordBatchResource.maxSize(null)).isEqualTo(100);
        assertThat(RecordBatchResource.maxSize("250")).isEqualTo(250);
        assertThat(RecordBatchResource.maxSize(7)).isEqualTo(7);
        assertThat(RecordBatchResource.maxSize("x")).isEqualTo(100);
        assertThat(RecordBatchResource.maxSize(0)).isEqualTo(100);
    }
}
