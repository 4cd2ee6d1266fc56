package io.snackbase.request.support;

import java.sql.SQLException;

/** Which database failures a write lost to a concurrent one (and may retry or report as a 4xx), on all three databases. */
public final class SqlFailures {

    private SqlFailures() {}

    /** @return true when the failure (or a cause) is a unique or foreign-key violation */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && state.startsWith("23")) || sql.getErrorCode() == 19 /* SQLITE_CONSTRAINT */
                        || sql.getErrorCode() == 1062 /* MariaDB duplicate key */) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return true for SQL state class 40 (transaction rollback: deadlock, serialization failure) */
    public static boolean isRolledBack(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
