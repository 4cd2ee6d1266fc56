package io.snackbase.storage.jdbc.testing;

import io.snackbase.api.storage.DatabaseKind;
import io.snackbase.storage.jdbc.internal.DatabaseImpl;
import io.snackbase.storage.jdbc.internal.JdbcUrl;
import io.snackbase.storage.jdbc.internal.MappersImpl;
import io.snackbase.storage.jdbc.internal.TestDatabases;
import io.snackbase.storage.jdbc.internal.TransactionManagerImpl;
import io.snackbase.storage.jdbc.internal.migration.MigrationRunner;
import io.snackbase.storage.jdbc.internal.migration.MigrationScripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real storage stack (pool, transactions, mappers, migrations) for another bundle's tests, on
 * SQLite (a fresh file), PostgreSQL or MariaDB (the shared test servers, whose tables of the module
 * are dropped first). Shipped in this bundle's test-jar; never at runtime.
 */
public final class ModuleStorage implements AutoCloseable {

    private final DatabaseImpl database;
    private final TransactionManagerImpl transactions;
    private final MappersImpl mappers;

    private ModuleStorage(DatabaseImpl database, DatabaseKind kind) {
        this.database = database;
        this.transactions = new TransactionManagerImpl(database.dataSource());
        this.mappers = new MappersImpl(transactions, kind);
    }

    /** @return the three databases every storage test runs on */
    public static List<DatabaseKind> kinds() {
        return TestDatabases.kinds().toList();
    }

    /**
     * @param kind the database
     * @param module the module name its migrations are recorded under (a bundle symbolic name)
     * @param folder the class-path folder of the migration files, e.g. "/db/auth"
     * @param files the migration file names in that folder
     * @param dropTables the module's tables, dropped (children first) before migrating on the
     *     shared servers
     * @return the storage, with the module's schema applied
     */
    public static ModuleStorage open(DatabaseKind kind, String module, String folder, List<String> files,
            List<String> dropTables) throws Exception {
        DatabaseImpl database = openIsolated(kind);
        reset(database, kind, module, dropTables);
        Map<String, String> scripts = new TreeMap<>();
        for (String name : files) {
            scripts.put(name, read(folder + "/" + name));
        }
        new MigrationRunner(database.dataSource(), kind).apply(module, MigrationScripts.select(scripts, kind));
        return new ModuleStorage(database, kind);
    }

    /**
     * One module's migrations, for {@link #open(DatabaseKind, List, String)}.
     *
     * @param name the module name (a bundle symbolic name)
     * @param folder the class-path folder of its migration files, e.g. "/db/auth"
     * @param files the migration file names in that folder
     * @param dropTables its tables, dropped (children first) before migrating on the shared servers
     */
    public record Module(String name, String folder, List<String> files, List<String> dropTables) {}

    /**
     * Several modules whose tables reference each other's, e.g. a module's tables and the auth
     * schema's {@code accounts}: on the shared servers, tables whose name starts with
     * {@code dropPrefix} (tables made at run time, which may reference every module's) are dropped
     * first, then the modules' tables in reverse order; then the modules are migrated in order.
     *
     * @param dropPrefix a lower-case table name prefix such as "col_", or null
     */
    public static ModuleStorage open(DatabaseKind kind, List<Module> modules, String dropPrefix) throws Exception {
        DatabaseImpl database = openIsolated(kind);
        if (kind != DatabaseKind.SQLITE && dropPrefix != null) {
            dropByPrefix(database, kind, dropPrefix);
        }
        for (int i = modules.size() - 1; i >= 0; i--) {
            reset(database, kind, modules.get(i).name(), modules.get(i).dropTables());
        }
        for (Module module : modules) {
            Map<String, String> scripts = new TreeMap<>();
            for (String name : module.files()) {
                scripts.put(name, read(module.folder() + "/" + name));
            }
            new MigrationRunner(database.dataSource(), kind).apply(module.name(), MigrationScripts.select(scripts, kind));
        }
        return new ModuleStorage(database, kind);
    }

    /** Drops the tables of the current schema that start with the prefix (on MariaDB with foreign key checks off, as they may reference each other). */
    private static void dropByPrefix(DatabaseImpl database, DatabaseKind kind, String prefix) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            String query = kind == DatabaseKind.POSTGRESQL
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()";
            List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    if (rs.getString(1).toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            if (kind == DatabaseKind.MYSQL) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
            }
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + (kind == DatabaseKind.MYSQL ? "`" + table + "`" : "\"" + table + "\" CASCADE"));
            }
            if (kind == DatabaseKind.MYSQL) {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    /**
     * Opens the database in a schema (PostgreSQL) or database (MariaDB) named after the working
     * folder, so that test runs of several checkouts on one machine never drop each other's tables.
     */
    private static DatabaseImpl openIsolated(DatabaseKind kind) throws Exception {
        if (kind == DatabaseKind.SQLITE) {
            return TestDatabases.open(kind, 8);
        }
        String namespace = "sbt_" + Integer.toHexString(System.getProperty("user.dir").hashCode() & 0x7fffffff);
        String base = kind == DatabaseKind.POSTGRESQL ? TestDatabases.POSTGRES_URL : TestDatabases.MARIADB_URL;
        try (Connection c = java.sql.DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute((kind == DatabaseKind.POSTGRESQL ? "CREATE SCHEMA IF NOT EXISTS " : "CREATE DATABASE IF NOT EXISTS ") + namespace);
        }
        String url = kind == DatabaseKind.POSTGRESQL
                ? base + (base.contains("?") ? "&" : "?") + "currentSchema=" + namespace
                : base.replaceFirst("^(jdbc:mariadb://[^/]+/)[^?]*", "$1" + namespace);
        return new DatabaseImpl(JdbcUrl.parse(url), TestDatabases.config(8));
    }

    private static void reset(DatabaseImpl database, DatabaseKind kind, String module, List<String> tables) throws Exception {
        if (kind == DatabaseKind.SQLITE) {
            return;
        }
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table + (kind == DatabaseKind.POSTGRESQL ? " CASCADE" : ""));
            }
            s.execute("CREATE TABLE IF NOT EXISTS sb_schema_migrations (module VARCHAR(190) NOT NULL, "
                    + "version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, "
                    + "applied_at VARCHAR(40) NOT NULL, PRIMARY KEY (module, version))");
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM sb_schema_migrations WHERE module = ?")) {
                delete.setString(1, module);
                delete.executeUpdate();
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ModuleStorage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("No migration " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return the transaction manager */
    public TransactionManagerImpl transactions() {
        return transactions;
    }

    /** @return the mappers */
    public MappersImpl mappers() {
        return mappers;
    }

    /** @return the database */
    public DatabaseImpl database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
