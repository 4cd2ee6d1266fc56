package io.snackbase.api.collections;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads collection definitions for the records API, rule evaluation and other bundles.
 *
 * <p>Registered by the records bundle with {@code snackbase.impl=default} once its schema and the
 * auth schema are applied. Every call reads the database (one indexed query), inside the calling
 * thread's {@link io.snackbase.api.storage.TransactionManager} transaction when one is active, so
 * that a definition changed by another instance sharing the database is seen on the next call and
 * a caller inside a transaction sees its own changes. Thread-safe; the returned values are
 * immutable snapshots.
 *
 * <p>Definitions are changed only through the superadmin API {@code /api/v1/collections}; each
 * change fires {@code on_collection_before_*} (inside the change, a handler may abort it) and
 * {@code on_collection_after_*} (after commit) through the optional
 * {@link io.snackbase.api.hooks.HookDispatcher}, with the collection name as the event's
 * collection.
 */
@ProviderType
public interface CollectionRegistry {

    /**
     * @param name a collection name in any case (names are unique without regard to case)
     * @return the collection, or empty when there is none of that name
     */
    Optional<CollectionDefinition> byName(String name);

    /**
     * @param id a collection id
     * @return the collection, or empty when there is none with that id
     */
    Optional<CollectionDefinition> byId(String id);

    /** @return the names of all collections, sorted without regard to case */
    List<String> names();
}
