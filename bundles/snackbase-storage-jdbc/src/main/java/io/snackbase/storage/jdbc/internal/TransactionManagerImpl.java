package io.snackbase.storage.jdbc.internal;

import io.snackbase.api.storage.StorageConstants;
import io.snackbase.api.storage.StorageException;
import io.snackbase.api.storage.TransactionBinding;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.api.storage.TransactionalWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the thread-bound transactions that mappers of every bundle join. */
@Component(
        service = {TransactionManager.class, TransactionManagerImpl.class},
        property = StorageConstants.IMPL + "=default")
public class TransactionManagerImpl implements TransactionManager {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionManagerImpl.class);

    // Internal to this bundle: callers see transactions only through inTransaction().
    private final ThreadLocal<TransactionState> current = new ThreadLocal<>();
    private final DataSource dataSource;

    @Activate
    public TransactionManagerImpl(@Reference DatabaseImpl database) {
        this(database.dataSource());
    }

    /** For tests outside OSGi. */
    public TransactionManagerImpl(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        TransactionState joined = current.get();
        if (joined != null) {
            return runJoined(joined, work);
        }
        TransactionState state = begin();
        current.set(state);
        T result;
        try {
            result = work.run();
            state.connection.commit();
        } catch (Throwable failure) {
            rollback(state);
            throw rethrow(failure);
        } finally {
            current.remove();
            state.closeSessions();
            close(state.connection);
        }
        runAfterCommit(state.afterCommit);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        TransactionState state = current.get();
        if (state == null) {
            throw new IllegalStateException("afterCommit() needs an active transaction");
        }
        state.afterCommit.add(action);
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public TransactionBinding capture() {
        return new TransactionBindingImpl(current, current.get());
    }

    /** @return the active transaction of this thread, or null */
    TransactionState currentState() {
        return current.get();
    }

    /** @return the pool the autocommit (non-transactional) mapper calls borrow from */
    DataSource dataSource() {
        return dataSource;
    }

    private static <T> T runJoined(TransactionState state, TransactionalWork<T> work) {
        state.depth++;
        try {
            return work.run();
        } catch (Throwable failure) {
            throw rethrow(failure);
        } finally {
            state.depth--;
        }
    }

    private TransactionState begin() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new TransactionState(connection);
        } catch (SQLException e) {
            throw new StorageException("Cannot begin a transaction: " + e.getMessage(), e);
        }
    }

    private static void rollback(TransactionState state) {
        try {
            state.connection.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback failed: {}", e.getMessage());
        }
    }

    private static void close(Connection connection) {
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a transaction's connection failed: {}", e.getMessage());
        }
    }

    private static void runAfterCommit(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("An after-commit action failed; the transaction stays committed", e);
            }
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new StorageException("Transactional work failed: " + failure.getMessage(), failure);
    }
}
