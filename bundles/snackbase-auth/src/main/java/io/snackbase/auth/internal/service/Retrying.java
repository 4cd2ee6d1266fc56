package io.snackbase.auth.internal.service;

import io.snackbase.api.storage.TransactionalWork;
import io.snackbase.auth.internal.core.Problems;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a write in a transaction of its own, again when it lost a race the database reports (a
 * unique key taken meanwhile, a deadlock or serialization failure).
 */
// MariaDB picks deadlock victims among concurrent INSERT ... SELECT MAX statements. The work checks
// its preconditions inside the transaction, so that a retry reports a real conflict as such.
final class Retrying {

    private static final int ATTEMPTS = 20;

    private Retrying() {}

    static <T> T write(AuthStore store, TransactionalWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !(Problems.isConstraintViolation(e) || isRolledBack(e))) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** @return true for SQL state class 40 (transaction rollback: deadlock, serialization failure) */
    static boolean isRolledBack(Throwable failure) {
        return io.snackbase.request.support.SqlFailures.isRolledBack(failure);
    }

    /** A short random pause, so that the writers that collided do not collide again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 3L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a write", e);
        }
    }
}
