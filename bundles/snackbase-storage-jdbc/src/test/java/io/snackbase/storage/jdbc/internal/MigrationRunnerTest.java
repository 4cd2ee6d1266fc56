package io.snackbase.storage.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.storage.jdbc.internal.migration.MigrationException;
import io.snackbase.storage.jdbc.internal.migration.MigrationRunner;
import io.snackbase.storage.jdbc.internal.migration.MigrationScript;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migrations on SQLite, PostgreSQL and MariaDB: order, idempotence, edits, triggers, concurrency. */
class MigrationRunnerTest {

    private final List<DatabaseImpl> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(DatabaseImpl::close);
    }

    static List<DatabaseKind> kinds() {
        return TestDatabases.kinds().toList();
    }

    private DatabaseImpl fresh(DatabaseKind kind) throws Exception {
        DatabaseImpl db = TestDatabases.open(kind, 4);
        opened.add(db);
        TestSchema.reset(db.dataSource(), kind);
        return db;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void appliesOnceInOrderAndRecordsHistory(DatabaseKind kind) throws Exception {
        DatabaseImpl db = fresh(kind);
        MigrationRunner runner = new MigrationRunner(db.dataSource(), kind);

        assertThat(runner.apply(TestSchema.MODULE, TestSchema.scripts(kind))).isEqualTo(2);
        assertThat(runner.apply(TestSchema.MODULE, TestSchema.scripts(kind))).isEqualTo(2);

        assertThat(historyVersions(db)).containsExactly(1, 2);
        assertThat(query(db, "SELECT note FROM sb_test_item_log WHERE id = 1")).isEqualTo("semicolon; inside a string");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void dialectTriggerFromTheScriptGuardsTheTable(DatabaseKind kind) throws Exception {
        DatabaseImpl db = fresh(kind);
        new MigrationRunner(db.dataSource(), kind).apply(TestSchema.MODULE, TestSchema.scripts(kind));

        assertThatThrownBy(() -> execute(db, "DELETE FROM sb_test_item_log"))
                .hasMessageContaining("append-only");
        assertThat(query(db, "SELECT COUNT(*) FROM sb_test_item_log")).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void editedAppliedScriptIsRefused(DatabaseKind kind) throws Exception {
        DatabaseImpl db = fresh(kind);
        MigrationRunner runner = new MigrationRunner(db.dataSource(), kind);
        runner.apply(TestSchema.MODULE, TestSchema.scripts(kind));

        List<MigrationScript> edited = new ArrayList<>(TestSchema.scripts(kind));
        MigrationScript first = edited.get(0);
        edited.set(0, new MigrationScript(1, first.description(), first.sql() + "\n-- edited\nSELECT 1;"));

        assertThatThrownBy(() -> runner.apply(TestSchema.MODULE, edited))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("was changed after it was applied");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void failingScriptIsNotRecordedAndLaterOnesAreNotRun(DatabaseKind kind) throws Exception {
        DatabaseImpl db = fresh(kind);
        List<MigrationScript> scripts = new ArrayList<>(TestSchema.scripts(kind).subList(0, 1));
        scripts.add(new MigrationScript(2, "broken", "CREATE TABLE sb_test_item_log (id INTEGER PRIMARY KEY);\nTHIS IS NOT SQL;"));
        scripts.add(new MigrationScript(3, "never", "CREATE TABLE sb_test_never (id INTEGER);"));

        assertThatThrownBy(() -> new MigrationRunner(db.dataSource(), kind).apply(TestSchema.MODULE, scripts))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2 (broken) failed");
        assertThat(historyVersions(db)).containsExactly(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void instancesStartingTogetherApplyEachScriptOnce(DatabaseKind kind) throws Exception {
        DatabaseImpl first = fresh(kind);
        // A second pool stands in for a second instance on the same database.
        DatabaseImpl second = kind == DatabaseKind.SQLITE
                ? TestDatabases.openSqlite(sqliteFile(first), 4)
                : TestDatabases.open(kind, 4);
        opened.add(second);
        List<Callable<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DatabaseImpl db = i % 2 == 0 ? first : second;
            starts.add(() -> new MigrationRunner(db.dataSource(), kind).apply(TestSchema.MODULE, TestSchema.scripts(kind)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Integer> result : pool.invokeAll(starts)) {
                assertThat(result.get()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(historyVersions(first)).containsExactly(1, 2);
    }

    private static java.nio.file.Path sqliteFile(DatabaseImpl db) {
        return java.nio.file.Path.of(db.describe().substring("jdbc:sqlite:".length()));
    }

    private static List<Integer> historyVersions(DatabaseImpl db) throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM sb_schema_migrations WHERE module = '"
                        + TestSchema.MODULE + "' ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static String query(DatabaseImpl db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(DatabaseImpl db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
