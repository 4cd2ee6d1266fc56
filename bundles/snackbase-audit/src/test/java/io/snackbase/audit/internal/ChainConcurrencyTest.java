package io.snackbase.audit.internal;

import static io.snackbase.audit.internal.AuditFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.audit.internal.store.AuditRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 32 writers, each in its own transactions, append to one chain without forks or gaps (their rows
 * sealed by the sealing thread while they write); and what auditing costs the writers, printed
 * (not asserted: the shared machine's timings vary).
 */
class ChainConcurrencyTest {

    static final int WRITERS = 32;
    static final int WRITES_EACH = 10;

    static List<DatabaseKind> kinds() {
        return AuditFixture.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void concurrentWritersFormOneChain(DatabaseKind kind) throws Exception {
        try (AuditFixture f = AuditFixture.open(kind)) {
            // as an instance runs: the sealing thread seals while the writers write
            f.audit.startSealing();
            long plain = run(f, "plain", false);
            long audited = run(f, "audited", true);
            List<AuditRow> rows = f.entries();
            int expected = WRITERS * WRITES_EACH * 3;
            assertThat(rows).hasSize(expected);
            for (int i = 0; i < rows.size(); i++) {
                AuditRow row = rows.get(i);
                assertThat(row.id).isEqualTo(i + 1L);
                assertThat(row.previousHash).isEqualTo(i == 0 ? null : rows.get(i - 1).checksum);
            }
            assertThat(f.audit.verify(null).body()).containsEntry("valid", true).containsEntry("checked", (long) expected);
            int writes = WRITERS * WRITES_EACH;
            System.out.printf("[audit cost] %s: %d writes by %d threads (3 columns each): plain %.2f ms/write (%.0f/s),"
                    + " audited %.2f ms/write (%.0f/s), %.1fx%n", kind, writes, WRITERS, plain / 1e6 / writes,
                    writes / (plain / 1e9), audited / 1e6 / writes, writes / (audited / 1e9), (double) audited / plain);
        }
    }

    /** @return the wall time in nanoseconds of WRITERS threads each making WRITES_EACH writes */
    private static long run(AuditFixture f, String prefix, boolean audited) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < WRITES_EACH; i++) {
                        String id = prefix + "-" + thread + "-" + i;
                        if (audited) {
                            f.create(id, "title " + i, i, ROOT);
                        } else {
                            f.storage.transactions().inTransaction(() -> f.rows.insert(id, "title", 1));
                        }
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            return System.nanoTime() - began;
        } finally {
            pool.shutdown();
        }
    }
}
