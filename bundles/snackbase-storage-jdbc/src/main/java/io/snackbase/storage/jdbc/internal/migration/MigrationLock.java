package io.snackbase.storage.jdbc.internal.migration;

import io.snackbase.api.storage.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A database-wide lock held while migrations run, so that instances starting at the same time
 * on one server apply each script once. SQLite needs none: each script runs in an immediate
 * transaction that re-checks the history, and SQLite has one writer at a time.
 */
final class MigrationLock implements AutoCloseable {

    // Any fixed number works; it only has to be the same in every instance.
    private static final long POSTGRES_KEY = 0x5B_4D_49_47_52_41_54L;
    private static final String MYSQL_NAME = "snackbase.migrations";
    private static final int MYSQL_WAIT_SECONDS = 300;

    private final Connection connection;
    private final DatabaseKind kind;

    private MigrationLock(Connection connection, DatabaseKind kind) {
        this.connection = connection;
        this.kind = kind;
    }

    static MigrationLock acquire(Connection connection, DatabaseKind kind) throws SQLException {
        switch (kind) {
            case POSTGRESQL -> execute(connection, "SELECT pg_advisory_lock(?)", POSTGRES_KEY);
            case MYSQL -> {
                Object granted = execute(connection, "SELECT GET_LOCK(?, " + MYSQL_WAIT_SECONDS + ")", MYSQL_NAME);
                if (granted == null || ((Number) granted).intValue() != 1) {
                    throw new SQLException("Timed out waiting for the migration lock held by another instance");
                }
            }
            case SQLITE -> { }
        }
        return new MigrationLock(connection, kind);
    }

    @Override
    public void close() throws SQLException {
        switch (kind) {
            case POSTGRESQL -> execute(connection, "SELECT pg_advisory_unlock(?)", POSTGRES_KEY);
            case MYSQL -> execute(connection, "SELECT RELEASE_LOCK(?)", MYSQL_NAME);
            case SQLITE -> { }
        }
    }

    private static Object execute(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }
}
