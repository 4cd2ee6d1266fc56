package io.snackbase.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A transaction captured on one thread by {@link TransactionManager#capture()} for work run on
 * another. Use from one thread at a time.
 */
@ProviderType
public interface TransactionBinding {

    /**
     * Runs work on the calling thread inside the captured transaction (or without one when none
     * was active). The work neither commits nor rolls back: the capturing thread does.
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException after {@link #release()}
     */
    <T> T call(TransactionalWork<T> work);

    /**
     * Ends the binding: later {@link #call} attempts fail. The capturing thread calls it when it
     * stops waiting (a timeout) before going on with the transaction.
     */
    void release();
}
