package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.StorageConstants;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The pool as a plain {@link DataSource} service ({@code snackbase.impl=default}), for libraries that
 * manage their own connections and commits, such as Quartz's JDBC job store. Connections from it
 * never join a {@link io.snackbase.api.storage.TransactionManager} transaction: SnackBase code uses
 * {@code Mappers} instead. Comes and goes with the database configuration, like {@code Database}.
 * Thread-safe.
 */
@Component(service = DataSource.class, property = StorageConstants.IMPL + "=default")
public class PooledDataSource implements DataSource {

    private final DataSource pool;

    @Activate
    public PooledDataSource(@Reference DatabaseImpl database) {
        this.pool = database.dataSource();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool's credentials are configured in io.snackbase.storage.jdbc");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        throw new SQLFeatureNotSupportedException("The shared pool's log writer cannot be changed");
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("The shared pool's timeouts are configured in io.snackbase.storage.jdbc");
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    /** Does not unwrap to the pool: its configuration belongs to the storage bundle. */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
