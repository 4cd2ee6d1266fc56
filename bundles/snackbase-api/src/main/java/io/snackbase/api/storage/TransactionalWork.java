package io.snackbase.api.storage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A unit of work run inside a transaction by {@link TransactionManager#inTransaction}.
 *
 * @param <T> what the work returns
 */
@ConsumerType
@FunctionalInterface
public interface TransactionalWork<T> {

    /**
     * Does the work. Every mapper obtained from {@link Mappers} and called on this thread while it
     * runs takes part in the same transaction.
     *
     * @return the result handed back to the caller of {@code inTransaction}
     * @throws Exception any exception rolls the transaction back and is rethrown (checked ones
     *     wrapped in {@link StorageException})
     */
    T run() throws Exception;
}
