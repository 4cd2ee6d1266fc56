package io.snackbase.storage.jdbc.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The connection, MyBatis sessions and after-commit actions of one thread's transaction. */
final class TransactionState {

    final Connection connection;
    final List<Runnable> afterCommit = new ArrayList<>();
    private final Map<SqlSessionFactory, SqlSession> sessions = new IdentityHashMap<>();
    int depth = 1;

    TransactionState(Connection connection) {
        this.connection = connection;
    }

    /** One session per bundle's MyBatis configuration, all on this transaction's connection. */
    SqlSession session(SqlSessionFactory factory, Function<SqlSessionFactory, SqlSession> opener) {
        return sessions.computeIfAbsent(factory, opener);
    }

    void closeSessions() {
        for (SqlSession session : sessions.values()) {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // The connection is closed by the transaction manager either way.
            }
        }
        sessions.clear();
    }
}
