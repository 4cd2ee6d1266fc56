package io.snackbase.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One database transaction that several bundles' writes share.
 *
 * <p>A transaction is bound to the calling thread for the duration of
 * {@link #inTransaction(TransactionalWork)}: every {@link Mappers} mapper called on that thread
 * uses its connection, whichever bundle the mapper belongs to. A nested call joins the outer
 * transaction; the outermost call commits, or rolls back when the work throws. Work must not
 * hand the transaction to another thread.
 *
 * <p>Registered by the storage bundle with {@code snackbase.impl=default}; thread-safe.
 */
@ProviderType
public interface TransactionManager {

    /**
     * Runs work in a transaction, joining the caller's transaction when there is one.
     *
     * @param work the work
     * @param <T> its result type
     * @return what the work returned, after commit (or immediately, when joined)
     * @throws StorageException when the database fails or the work throws a checked exception;
     *     runtime exceptions from the work are rethrown as they are, after rollback
     */
    <T> T inTransaction(TransactionalWork<T> work);

    /**
     * Registers an action to run after the current transaction commits, on the committing thread.
     * Actions run in registration order; an action that throws is logged and does not affect the
     * others or the (already committed) transaction. Nothing runs when the transaction rolls back.
     *
     * @param action what to run
     * @throws IllegalStateException when no transaction is active on this thread
     */
    void afterCommit(Runnable action);

    /** @return true when the calling thread is inside {@link #inTransaction} */
    boolean isActive();

    /**
     * Captures the calling thread's transaction, so that work handed to another thread while
     * this thread waits for it (a lifecycle hook handler run under a timeout) joins it. The
     * capturing thread must not use the transaction until the other thread's work has returned
     * or the binding is released.
     *
     * @return a binding to the current transaction, or one that runs work without a transaction
     *     when none is active
     * @since 1.0
     */
    TransactionBinding capture();
}
