package io.snackbase.audit.internal;

import static io.snackbase.audit.internal.AuditFixture.ACCOUNT;
import static io.snackbase.audit.internal.AuditFixture.ROOT;
import static io.snackbase.audit.internal.AuditFixture.TABLE;
import static io.snackbase.audit.internal.AuditFixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.audit.AuditEntry;
import io.snackbase.api.audit.RecordChange;
import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.audit.internal.chain.ChainSealer;
import io.snackbase.audit.internal.store.AuditMapper;
import io.snackbase.audit.internal.store.AuditRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transactional outbox: a write's entries are stored (pending) in its transaction, and sealers
 * give them their chain place afterwards, exactly once, without forks, whichever sealer (this
 * instance's thread, a reader, another instance) gets to them.
 */
class OutboxSealingTest {

    static List<DatabaseKind> kinds() {
        return AuditFixture.kinds();
    }

    private AuditFixture f;
    private final List<AuditServiceImpl> others = new ArrayList<>();

    @AfterEach
    void close() {
        others.forEach(AuditServiceImpl::stop);
        if (f != null) {
            f.close();
        }
    }

    /** Another instance on the same database: its own service (and sealer) over the fixture's storage. */
    private AuditServiceImpl instance(AuditSettings settings) {
        AuditServiceImpl other = new AuditServiceImpl(f.storage.mappers().mapper(AuditMapper.class), f.storage.transactions(),
                settings, Clock.systemUTC());
        others.add(other);
        return other;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aCommittedWriteHasItsRowsPendingAtCommitAndARolledBackOneLeavesNothing(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        assertThatThrownBy(() -> f.storage.transactions().inTransaction(() -> {
            f.rows.insert("r1", "lost", 1);
            f.audit.recordChange(RecordChange.created(TABLE, "r1", ACCOUNT, AuditFixture.row("r1", "lost", 1)), as(ROOT));
            throw new IllegalStateException("the write fails after auditing");
        })).hasMessage("the write fails after auditing");
        assertThat(f.pendingCount()).isZero();
        assertThat(f.audit.sealPending()).isZero();
        assertThat(f.sealedOnly()).isEmpty();

        // durable in the write's transaction: pending (one outbox row) right after commit, before any sealer ran
        f.create("r2", "kept", 1, ROOT);
        assertThat(f.pendingCount()).isEqualTo(1);
        assertThat(f.sealedOnly()).isEmpty();
        assertThat(f.audit.sealPending()).isEqualTo(3);
        assertThat(f.pendingCount()).isZero();
        assertThat(f.sealedOnly()).extracting(r -> r.id).containsExactly(1L, 2L, 3L);
        assertThat(f.sealedOnly()).extracting(r -> r.columnName).containsExactly("id", "title", "views");
        assertThat(f.audit.mapper.head().lastId).isEqualTo(3);
        assertThat(f.audit.verify(null).valid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theSealingThreadSealsRightAfterCommitAndThenTheSinksGetTheEntries(DatabaseKind kind) throws Exception {
        // a poll of an hour: only the after-commit signal can seal within the wait below
        f = AuditFixture.open(kind, new AuditSettings(true, 10_000, 1_000, 3_600_000, 1_000));
        AuditFixture.RecordingSink sink = new AuditFixture.RecordingSink();
        f.audit.addSink(sink);
        f.audit.startSealing();
        // let its first round (nothing pending) end, so that only a signal can wake it
        AuditFixture.eventually(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("snackbase-audit-sealer") && t.getState() == Thread.State.TIMED_WAITING));
        f.create("r1", "one", 1, ROOT);
        AuditFixture.eventually(() -> f.pendingCount() == 0 && sink.received.size() == 3);
        assertThat(f.sealedOnly()).extracting(r -> r.checksum).containsExactlyElementsOf(
                sink.received.stream().map(AuditEntry::checksum).toList());
        assertThat(sink.received).extracting(AuditEntry::id).containsExactly(1L, 2L, 3L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rowsLeftPendingByACrashedInstanceAreSealedByTheNextSealer(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        // the fixture's service is the instance that crashes: it wrote, committed, and never sealed
        f.create("r1", "one", 1, ROOT);
        f.create("r2", "two", 2, ROOT);
        // and a row committed by hand, as any instance's write would leave it
        f.sql("INSERT INTO audit_pending (" + AuditMapper.PENDING_COLUMNS + ") VALUES ('" + ACCOUNT + "', 'DELETE', '" + TABLE
                + "', 'r1', 'u', 'u@x.io', 'u@x.io', NULL, NULL, NULL, NULL, NULL, NULL, 1767261600123456,"
                + " '{\"auth_method\":\"jwt\"}', '[[\"title\",\"one\",null]]')");
        assertThat(f.pendingCount()).isEqualTo(3);
        AuditServiceImpl next = instance(new AuditSettings(true, 10_000, 1_000, 20, 2));
        next.startSealing();
        AuditFixture.eventually(() -> f.pendingCount() == 0);
        List<AuditRow> rows = f.sealedOnly();
        assertThat(rows).extracting(r -> r.id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rows).extracting(r -> r.recordId).containsExactly("r1", "r1", "r1", "r2", "r2", "r2", "r1");
        assertThat(rows.get(6).operation).isEqualTo("DELETE");
        assertThat(rows.get(6).columnName).isEqualTo("title");
        assertThat(rows.get(6).oldValue).isEqualTo("one");
        assertThat(rows.get(6).newValue).isNull();
        assertThat(f.audit.verify(null).body()).containsEntry("valid", true).containsEntry("checked", 7L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sealersRacingWhileWritersWriteSealEveryRowOnceInOneChain(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        int writers = 4;
        int writesEach = 25;
        // small batches: many sealing transactions, so that the sealers really meet on the head lock
        List<ChainSealer> sealers = List.of(
                new ChainSealer(f.storage.mappers().mapper(AuditMapper.class), f.storage.transactions(), 5),
                new ChainSealer(f.storage.mappers().mapper(AuditMapper.class), f.storage.transactions(), 7),
                new ChainSealer(f.storage.mappers().mapper(AuditMapper.class), f.storage.transactions(), 3));
        ExecutorService pool = Executors.newFixedThreadPool(writers + sealers.size());
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<AtomicLong> sealedBy = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                int writer = t;
                writes.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        f.create("w" + writer + "-" + i, "t" + i, i, ROOT);
                    }
                    return null;
                }));
            }
            List<Future<?>> sealing = new ArrayList<>();
            for (ChainSealer sealer : sealers) {
                AtomicLong count = new AtomicLong();
                sealedBy.add(count);
                sealing.add(pool.submit(() -> {
                    try {
                        start.await();
                        while (writing.get()) {
                            count.addAndGet(sealer.sealBatch(Long.MAX_VALUE).size());
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : writes) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> s : sealing) {
                s.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(failures).isEmpty();
        long sealedMeanwhile = sealedBy.stream().mapToLong(AtomicLong::get).sum();
        long rest = f.audit.sealPending();
        int expected = writers * writesEach * 3;
        assertThat(sealedMeanwhile + rest).isEqualTo(expected);
        assertThat(f.pendingCount()).isZero();
        List<AuditRow> rows = f.sealedOnly();
        assertThat(rows).hasSize(expected);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).id).isEqualTo(i + 1L);
            assertThat(rows.get(i).previousHash).isEqualTo(i == 0 ? null : rows.get(i - 1).checksum);
        }
        assertThat(new HashSet<>(rows.stream().map(r -> r.previousHash).toList())).as("no fork").hasSize(expected);
        // no duplicates: every written (record, column) exactly once
        assertThat(new HashSet<>(rows.stream().map(r -> r.recordId + "/" + r.columnName).toList())).hasSize(expected);
        assertThat(f.audit.verify(null).body()).containsEntry("valid", true).containsEntry("checked", (long) expected);
        System.out.printf("[audit sealing] %s: %d entries, sealed while writing by the three sealers: %s, afterwards: %d%n", kind,
                expected, sealedBy, rest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anUnreadableOutboxRowStopsSealingThereAndLosesNothing(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        f.create("r1", "one", 1, ROOT);
        f.sql("INSERT INTO audit_pending (" + AuditMapper.PENDING_COLUMNS + ") VALUES ('" + ACCOUNT + "', 'DELETE', '" + TABLE
                + "', 'r1', 'u', 'u@x.io', 'u@x.io', NULL, NULL, NULL, NULL, NULL, NULL, 1767261600123456, NULL, 'not json')");
        f.create("r2", "two", 2, ROOT);
        // one batch holds all three: it rolls back whole, so nothing is sealed out of order or twice
        assertThatThrownBy(() -> f.audit.sealPending()).hasMessageContaining("unreadable changes");
        assertThat(f.sealedOnly()).isEmpty();
        assertThat(f.pendingCount()).isEqualTo(3);
        f.sql("DELETE FROM audit_pending WHERE changes = 'not json'");
        assertThat(f.audit.sealPending()).isEqualTo(6);
        assertThat(f.audit.verify(null).body()).containsEntry("valid", true).containsEntry("checked", 6L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sealingRefusesToJoinTheCallersTransaction(DatabaseKind kind) throws Exception {
        f = AuditFixture.open(kind);
        assertThatThrownBy(() -> f.storage.transactions().inTransaction(() -> f.audit.sealPending()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction of its own");
    }
}
