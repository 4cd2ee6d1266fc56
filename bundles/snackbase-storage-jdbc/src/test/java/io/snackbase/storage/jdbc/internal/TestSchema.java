package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.storage.jdbc.internal.migration.MigrationScript;
import io.snackbase.storage.jdbc.internal.migration.MigrationScripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The test module's migrations and a reset of what they create, for the shared servers. */
final class TestSchema {

    static final String MODULE = "io.snackbase.storage.jdbc.test";
    private static final String[] FILES = {
        "V1__create_items.sql", "V2__item_log.sql", "V2__item_log.postgresql.sql",
        "V2__item_log.sqlite.sql", "V2__item_log.mysql.sql"
    };

    private TestSchema() {}

    static Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String name : FILES) {
            try (InputStream in = TestSchema.class.getResourceAsStream("/test-migrations/" + name)) {
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static List<MigrationScript> scripts(DatabaseKind kind) throws IOException {
        return MigrationScripts.select(files(), kind);
    }

    /** Drops what earlier runs left on PostgreSQL and MariaDB; a fresh SQLite file has nothing. */
    static void reset(DataSource dataSource, DatabaseKind kind) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS sb_test_item_log");
            s.execute("DROP TABLE IF EXISTS sb_test_items");
            if (kind == DatabaseKind.POSTGRESQL) {
                s.execute("DROP FUNCTION IF EXISTS sb_test_item_log_guard()");
            }
            s.execute("CREATE TABLE IF NOT EXISTS sb_schema_migrations (module VARCHAR(190) NOT NULL, "
                    + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
                    + "applied_at VARCHAR(40) NOT NULL, PRIMARY KEY (module, version))");
            s.execute("DELETE FROM sb_schema_migrations WHERE module = '" + MODULE + "'");
        }
    }
}
