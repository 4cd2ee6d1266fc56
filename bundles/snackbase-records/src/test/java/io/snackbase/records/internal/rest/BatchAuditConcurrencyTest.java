package io.snackbase.records.internal.rest;

import static io.snackbase.records.internal.RecordsFixture.field;
import static io.snackbase.records.internal.RecordsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.context.Principal;
import io.snackbase.api.errors.ApiException;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.audit.internal.AuditServiceImpl;
import io.snackbase.records.internal.RecordsFixture;
import io.snackbase.records.internal.records.RecordBatch;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 32 concurrent batch writers (create, update of shared records in random orders, delete) with
 * auditing on: every batch succeeds (a deadlock between them is retried, never a 5xx), and the
 * audit chain is one line (ids without gaps, each entry linked to the one before, no two entries
 * on the same predecessor) that verifies.
 */
@SuppressWarnings("unchecked")
class BatchAuditConcurrencyTest {

    static final int WRITERS = 32;
    static final int ROUNDS = 3;
    static final int SHARED = 12;
    static final int PATCHED = 6;

    static List<DatabaseKind> kinds() {
        return RecordsFixture.kinds();
    }

    private RecordsFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void concurrentBatchesNeverForkTheChain(DatabaseKind kind) throws Exception {
        f = RecordsFixture.open(kind);
        // as an instance runs: the sealing thread seals while the batches write
        ((AuditServiceImpl) f.audit).startSealing();
        RecordsResource records = new RecordsResource(f.w.records);
        RecordBatchResource batch = new RecordBatchResource(new RecordBatch(f.w.records, f.w.store, 100));
        String acc = f.account("acme");
        ContainerRequestContext root = request("superadmin");
        Map<String, Object> body = new HashMap<>(Map.of("name", "jobs", "fields", List.of(field("title", "text"), field("n", "number"))));
        body.putAll(Map.of("list_rule", "", "view_rule", "", "create_rule", "", "update_rule", "", "delete_rule", ""));
        new CollectionsResource(f.w.store, f.w.collections, f.w.transfer, Clock.systemUTC()).create(body, root);
        ContainerRequestContext user = RecordsResourceTest.as(new Principal("u-1", "u1@acme.test", acc, "user", "jwt"));
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            shared.add((String) ((Map<String, Object>) records.create("jobs", new LinkedHashMap<>(Map.of("title", "s" + i, "n", -1)), user)
                    .getEntity()).get("id"));
        }

        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            int writer = t;
            done.add(pool.submit(() -> {
                Random random = new Random(writer);
                ContainerRequestContext me = RecordsResourceTest.as(new Principal("u-w" + writer, "w" + writer + "@acme.test", acc, "user", "jwt"));
                try {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        List<Object> items = new ArrayList<>();
                        for (int i = 0; i < 5; i++) {
                            items.add(new LinkedHashMap<>(Map.of("title", "w" + writer + "-" + round + "-" + i, "n", i)));
                        }
                        Map<String, Object> created = (Map<String, Object>) batch.create("jobs", Map.of("records", items), me).getEntity();
                        List<String> mine = ((List<Map<String, Object>>) created.get("created")).stream().map(m -> (String) m.get("id")).toList();
                        // the shared records in an order of this writer's own: opposite lock orders between batches
                        List<String> order = new ArrayList<>(shared);
                        Collections.shuffle(order, random);
                        List<Object> patches = new ArrayList<>();
                        for (int i = 0; i < PATCHED; i++) {
                            patches.add(Map.of("id", order.get(i), "data", Map.of("n", writer * 1000 + round * 100 + i)));
                        }
                        batch.update("jobs", Map.of("records", patches), me);
                        batch.delete("jobs", Map.of("ids", List.of(mine.get(0), mine.get(1))), me);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        start.countDown();
        for (Future<?> d : done) {
            d.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(failures).as("no batch fails (a 5xx or a deadlock surfacing)").allSatisfy(e -> {
            throw new AssertionError(e instanceof ApiException a ? a.status() + " " + a.getMessage() : e.toString(), e);
        });

        // one line: consecutive ids, each linked to the one before it, no predecessor shared by two entries
        List<Object> ids = f.column("SELECT id FROM audit_log ORDER BY id");
        List<Object> previous = f.column("SELECT previous_hash FROM audit_log ORDER BY id");
        List<Object> checksums = f.column("SELECT checksum FROM audit_log ORDER BY id");
        for (int i = 0; i < ids.size(); i++) {
            assertThat(((Number) ids.get(i)).longValue()).isEqualTo(i + 1L);
            assertThat(previous.get(i)).isEqualTo(i == 0 ? null : checksums.get(i - 1));
        }
        assertThat(new java.util.HashSet<>(previous)).hasSize(previous.size());
        assertThat(((AuditServiceImpl) f.audit).verify(null).body()).containsEntry("valid", true).containsEntry("checked", (long) ids.size());
        // every write has its entries: each patch changed n, each batch created five and deleted two records
        assertThat(f.column("SELECT COUNT(*) FROM audit_log WHERE operation = 'UPDATE' AND column_name = 'n'").get(0).toString())
                .isEqualTo(String.valueOf(WRITERS * ROUNDS * PATCHED));
        assertThat(f.column("SELECT COUNT(*) FROM audit_log WHERE operation = 'CREATE' AND column_name = 'id'").get(0).toString())
                .isEqualTo(String.valueOf(SHARED + WRITERS * ROUNDS * 5));
        assertThat(f.column("SELECT COUNT(*) FROM audit_log WHERE operation = 'DELETE' AND column_name = 'id'").get(0).toString())
                .isEqualTo(String.valueOf(WRITERS * ROUNDS * 2));
        assertThat(f.column("SELECT COUNT(*) FROM col_jobs").get(0).toString()).isEqualTo(String.valueOf(SHARED + WRITERS * ROUNDS * 3));
    }
}
