package io.snackbase.jobs.internal.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's JDBC job store on the instance's pool (stack.md P16: Quartz's own Hikari provider does
 * not wire to HikariCP 7). Quartz commits these connections itself; the pool is not Quartz's to close.
 */
final class PoolConnections implements ConnectionProvider {

    private final DataSource pool;

    PoolConnections(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void shutdown() {
        // the storage bundle owns the pool
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool exists
    }
}
