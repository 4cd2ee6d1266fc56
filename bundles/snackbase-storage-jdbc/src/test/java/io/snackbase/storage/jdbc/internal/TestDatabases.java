package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.DatabaseKind;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * The three databases every storage test runs on. PostgreSQL and MariaDB come from the
 * environment (SNACKBASE_TEST_POSTGRES_URL, SNACKBASE_TEST_MARIADB_URL) or the local servers'
 * {@code snackbase_test} databases, which {@code .ci/run} creates.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = env(
            "SNACKBASE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/snackbase_test?user=postgres");
    public static final String MARIADB_URL =
            env("SNACKBASE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/snackbase_test?user=root");

    private TestDatabases() {}

    public static Stream<DatabaseKind> kinds() {
        return Stream.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL);
    }

    /** Opens a pool on the given database; SQLite gets a fresh file each time. */
    public static DatabaseImpl open(DatabaseKind kind, int poolSize) throws Exception {
        String url = switch (kind) {
            case SQLITE -> "jdbc:sqlite:" + Files.createTempDirectory("sb-storage").resolve("test.db");
            case POSTGRESQL -> POSTGRES_URL;
            case MYSQL -> MARIADB_URL;
        };
        return new DatabaseImpl(JdbcUrl.parse(url), config(poolSize));
    }

    /** Opens a second pool on the same SQLite file, as a second instance would. */
    public static DatabaseImpl openSqlite(Path file, int poolSize) throws SQLException {
        return new DatabaseImpl(JdbcUrl.parse("jdbc:sqlite:" + file), config(poolSize));
    }

    public static DatabaseImpl.Config config(int poolSize) {
        return new DatabaseImpl.Config() {
            @Override public Class<? extends Annotation> annotationType() { return DatabaseImpl.Config.class; }
            @Override public String url() { return ""; }
            @Override public String username() { return ""; }
            @Override public String password() { return ""; }
            @Override public int maximumPoolSize() { return poolSize; }
            @Override public long connectionTimeoutMs() { return 10_000; }
            @Override public int sqliteBusyTimeoutMs() { return 10_000; }
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
