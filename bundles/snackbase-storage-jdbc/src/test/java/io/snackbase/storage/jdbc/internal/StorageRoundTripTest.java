package io.snackbase.storage.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.storage.jdbc.internal.migration.MigrationRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MyBatis round trips and transactions on SQLite, PostgreSQL and MariaDB. */
class StorageRoundTripTest {

    private DatabaseImpl database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private TestItemMapper setUp(DatabaseKind kind) throws Exception {
        database = TestDatabases.open(kind, 4);
        TestSchema.reset(database.dataSource(), kind);
        new MigrationRunner(database.dataSource(), kind).apply(TestSchema.MODULE, TestSchema.scripts(kind));
        transactions = new TransactionManagerImpl(database.dataSource());
        return new MappersImpl(transactions, kind).mapper(TestItemMapper.class);
    }

    private TransactionManagerImpl transactions;

    static List<DatabaseKind> kinds() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void insertSelectUpdateDelete(DatabaseKind kind) throws Exception {
        TestItemMapper items = setUp(kind);
        String id = UUID.randomUUID().toString();

        assertThat(items.insert(new TestItem(id, "apple", 3L))).isEqualTo(1);
        TestItem found = items.find(id);
        assertThat(found.getName()).isEqualTo("apple");
        assertThat(found.getQuantity()).isEqualTo(3L);

        assertThat(items.rename(id, "pear")).isEqualTo(1);
        assertThat(items.findByName("pear")).extracting(TestItem::getId).containsExactly(id);
        assertThat(items.findByName(null)).hasSize(1);

        assertThat(items.delete(id)).isEqualTo(1);
        assertThat(items.find(id)).isNull();
        assertThat(items.product()).isEqualTo(kind.databaseId());
        assertThat(database.isReachable(Duration.ofSeconds(2))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void rolledBackTransactionLeavesNothingAndRunsNoAfterCommit(DatabaseKind kind) throws Exception {
        TestItemMapper items = setUp(kind);
        List<String> afterCommit = new ArrayList<>();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    items.insert(new TestItem(UUID.randomUUID().toString(), "first", 1L));
                    // A nested call joins the outer transaction and is rolled back with it.
                    transactions.inTransaction(() -> items.insert(new TestItem(UUID.randomUUID().toString(), "second", 2L)));
                    transactions.afterCommit(() -> afterCommit.add("ran"));
                    assertThat(items.count()).isEqualTo(2L);
                    throw new IllegalStateException("abort");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("abort");

        assertThat(items.count()).isZero();
        assertThat(afterCommit).isEmpty();
        assertThat(transactions.isActive()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void committedTransactionIsVisibleAndRunsAfterCommitInOrder(DatabaseKind kind) throws Exception {
        TestItemMapper items = setUp(kind);
        List<String> afterCommit = new ArrayList<>();

        long inside = transactions.inTransaction(() -> {
            items.insert(new TestItem(UUID.randomUUID().toString(), "a", null));
            items.insert(new TestItem(UUID.randomUUID().toString(), "b", 7L));
            transactions.afterCommit(() -> afterCommit.add("one"));
            transactions.afterCommit(() -> {
                throw new IllegalStateException("a failing action does not undo the commit");
            });
            transactions.afterCommit(() -> afterCommit.add("two"));
            return items.count();
        });

        assertThat(inside).isEqualTo(2L);
        assertThat(items.count()).isEqualTo(2L);
        assertThat(items.findByName("a").get(0).getQuantity()).isNull();
        assertThat(afterCommit).containsExactly("one", "two");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void failingStatementRollsBackTheWholeTransaction(DatabaseKind kind) throws Exception {
        TestItemMapper items = setUp(kind);
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            items.insert(new TestItem(UUID.randomUUID().toString(), "kept?", 1L));
            items.insert(new TestItem(id, "x", 1L));
            return items.insert(new TestItem(id, "duplicate key", 1L));
        })).isInstanceOf(RuntimeException.class);

        assertThat(items.count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void afterCommitOutsideATransactionIsRefused(DatabaseKind kind) throws Exception {
        setUp(kind);
        assertThatThrownBy(() -> transactions.afterCommit(() -> {})).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void workOnAnotherThreadJoinsACapturedTransaction(DatabaseKind kind) throws Exception {
        TestItemMapper items = setUp(kind);
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    io.snackbase.api.storage.TransactionBinding binding = transactions.capture();
                    Thread worker = new Thread(() -> binding.call(() -> items.insert(new TestItem(UUID.randomUUID().toString(), "bound", 1L))));
                    worker.start();
                    worker.join();
                    assertThat(items.count()).isEqualTo(1L);
                    binding.release();
                    assertThatThrownBy(() -> binding.call(() -> 1)).isInstanceOf(IllegalStateException.class);
                    throw new IllegalStateException("roll back");
                }))
                .hasMessage("roll back");
        // The other thread's insert was part of the rolled-back transaction.
        assertThat(items.count()).isZero();
    }
}
