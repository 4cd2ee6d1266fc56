package io.snackbase.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands out MyBatis mapper interfaces bound to the caller's transaction.
 *
 * <p>A bundle writes its SQL as a MyBatis mapper interface with the XML file next to it (same
 * package and simple name) or with annotations, and calls {@link #mapper(Class)}. The mapper is
 * parsed once per class loader, with that loader as the context class loader, so result types
 * private to the bundle resolve. Each call of a mapper method runs in the transaction of
 * {@link TransactionManager} active on the calling thread, or in its own auto-committed session
 * when there is none. Mapper XML may use {@code databaseId="sqlite|postgresql|mysql"}.
 *
 * <p>Registered by the storage bundle with {@code snackbase.impl=default}; the returned mappers
 * are thread-safe and may be cached for the life of the service.
 */
@ProviderType
public interface Mappers {

    /**
     * @param type a MyBatis mapper interface
     * @param <M> its type
     * @return a thread-safe proxy of the mapper
     * @throws StorageException when the mapper or its XML cannot be parsed
     */
    <M> M mapper(Class<M> type);
}
