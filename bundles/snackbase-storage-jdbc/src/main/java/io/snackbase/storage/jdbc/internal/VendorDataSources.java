package io.snackbase.storage.jdbc.internal;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Builds the driver's own DataSource for a URL. Hikari is handed the instance, never a driver
 * class name, because DriverManager cannot see drivers that live in other bundles (stack.md P14).
 * Each product has its own method so that only the configured driver's classes get loaded.
 */
final class VendorDataSources {

    private VendorDataSources() {}

    static DataSource create(JdbcUrl url, String user, String password, int sqliteBusyTimeoutMs) throws SQLException {
        return switch (url.kind()) {
            case SQLITE -> sqlite(url.url(), sqliteBusyTimeoutMs);
            case POSTGRESQL -> postgresql(url.url(), user, password);
            case MYSQL -> mariadb(url.url(), user, password);
        };
    }

    private static DataSource sqlite(String url, int busyTimeoutMs) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMs);
        // A write transaction takes the write lock when it begins, so two writers queue on the
        // busy timeout instead of one failing with SQLITE_BUSY when it upgrades a read lock.
        config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private static DataSource postgresql(String url, String user, String password) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        if (!user.isEmpty()) {
            ds.setUser(user);
        }
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        return ds;
    }

    private static DataSource mariadb(String url, String user, String password) throws SQLException {
        org.mariadb.jdbc.MariaDbDataSource ds = new org.mariadb.jdbc.MariaDbDataSource(url);
        if (!user.isEmpty()) {
            ds.setUser(user);
        }
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        return ds;
    }
}
