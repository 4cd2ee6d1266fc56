package io.snackbase.storage.jdbc.internal.migration;

import io.snackbase.api.storage.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a module's scripts once each, in order, and records them in {@code sb_schema_migrations}.
 * Each script runs in its own transaction that first re-reads the history, so a script applied
 * meanwhile by another instance is skipped (on MySQL/MariaDB, whose DDL commits implicitly, the
 * lock alone guarantees it).
 */
public final class MigrationRunner {

    static final String HISTORY_TABLE = "sb_schema_migrations";
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
            + "module VARCHAR(190) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
            + "checksum CHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL, PRIMARY KEY (module, version))";

    private final DataSource dataSource;
    private final DatabaseKind kind;

    public MigrationRunner(DataSource dataSource, DatabaseKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
    }

    /**
     * @return the highest version now applied for the module (0 when it has no scripts)
     * @throws MigrationException when a script fails, or an applied script's text has changed
     */
    public int apply(String module, List<MigrationScript> scripts) throws MigrationException {
        try (Connection connection = dataSource.getConnection();
                MigrationLock lock = MigrationLock.acquire(connection, kind)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(CREATE_HISTORY);
            }
            int highest = 0;
            for (MigrationScript script : scripts) {
                applyOne(connection, module, script);
                highest = Math.max(highest, script.version());
            }
            return highest;
        } catch (SQLException e) {
            throw new MigrationException("Migrations of " + module + " failed: " + e.getMessage(), e);
        }
    }

    private void applyOne(Connection connection, String module, MigrationScript script)
            throws SQLException, MigrationException {
        connection.setAutoCommit(false);
        try {
            String recorded = recordedChecksum(connection, module, script.version());
            if (recorded != null) {
                connection.rollback();
                if (!recorded.equals(script.checksum())) {
                    throw new MigrationException("Migration " + module + " V" + script.version()
                            + " was changed after it was applied (checksum " + recorded + ", now "
                            + script.checksum() + "); add a new version instead of editing an applied one");
                }
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : SqlScriptSplitter.split(script.sql())) {
                    statement.execute(sql);
                }
            }
            record(connection, module, script);
            connection.commit();
            LOG.info("Applied migration {} V{} {}", module, script.version(), script.description());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new MigrationException("Migration " + module + " V" + script.version() + " ("
                    + script.description() + ") failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String recordedChecksum(Connection connection, String module, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT checksum FROM " + HISTORY_TABLE + " WHERE module = ? AND version = ?")) {
            query.setString(1, module);
            query.setInt(2, version);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void record(Connection connection, String module, MigrationScript script) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                + " (module, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, module);
            insert.setInt(2, script.version());
            insert.setString(3, script.description());
            insert.setString(4, script.checksum());
            insert.setString(5, Instant.now().toString());
            insert.executeUpdate();
        }
    }
}
