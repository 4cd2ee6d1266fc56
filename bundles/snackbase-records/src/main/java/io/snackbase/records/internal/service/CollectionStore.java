package io.snackbase.records.internal.service;

import io.snackbase.api.collections.CollectionDefinition;
import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.api.storage.TransactionalWork;
import io.snackbase.records.internal.core.Dialect;
import io.snackbase.records.internal.core.TableDdl;
import io.snackbase.records.internal.store.CollectionMapper;
import io.snackbase.records.internal.store.CollectionRow;
import io.snackbase.records.internal.store.RulesMapper;
import io.snackbase.records.internal.store.TableMapper;
import io.snackbase.request.support.cache.MapperWrites;
import io.snackbase.request.support.cache.TtlCache;
import java.time.Clock;
import java.util.Locale;

/**
 * The bundle's mappers, the shared transaction manager, the dialect, the clock and the cache of
 * collection definitions for reads, handed to every service. Every write through the collection,
 * rules and table mappers (create, update, delete, rules, import, DDL) empties that cache, now and
 * after commit.
 */
public final class CollectionStore {

    /** How long a definition is trusted for reads unless configured otherwise. */
    public static final long DEFAULT_DEFINITION_CACHE_MS = 1000;
    private static final int DEFINITION_CACHE_ENTRIES = 1000;

    public final CollectionMapper collections;
    public final TableMapper tables;
    /** {@code collection_rules} for the rules endpoints; null when built from explicit mappers without it. */
    public final RulesMapper rules;
    public final TableDdl ddl;
    private final TransactionManager transactions;
    private final Clock clock;
    private final TtlCache<String, CollectionDefinition> definitions;
    private final java.util.List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public CollectionStore(Mappers mappers, TransactionManager transactions, Dialect dialect, Clock clock) {
        this(mappers, transactions, dialect, clock, DEFAULT_DEFINITION_CACHE_MS);
    }

    /** @param definitionCacheMs how long a definition is trusted for reads (0: read on every request) */
    public CollectionStore(Mappers mappers, TransactionManager transactions, Dialect dialect, Clock clock, long definitionCacheMs) {
        this(mappers.mapper(CollectionMapper.class), mappers.mapper(TableMapper.class), mappers.mapper(RulesMapper.class), transactions,
                dialect, clock, definitionCacheMs);
    }

    /** For tests that put a failing mapper in the way. */
    public CollectionStore(CollectionMapper collections, TableMapper tables, TransactionManager transactions, Dialect dialect, Clock clock) {
        this(collections, tables, null, transactions, dialect, clock);
    }

    public CollectionStore(CollectionMapper collections, TableMapper tables, RulesMapper rules, TransactionManager transactions,
            Dialect dialect, Clock clock) {
        this(collections, tables, rules, transactions, dialect, clock, DEFAULT_DEFINITION_CACHE_MS);
    }

    private CollectionStore(CollectionMapper collections, TableMapper tables, RulesMapper rules, TransactionManager transactions,
            Dialect dialect, Clock clock, long definitionCacheMs) {
        this.definitions = new TtlCache<>(definitionCacheMs, DEFINITION_CACHE_ENTRIES);
        Runnable invalidating = MapperWrites.invalidating(definitions, this::afterCommit);
        Runnable changed = () -> {
            invalidating.run();
            changeListeners.forEach(Runnable::run);
        };
        this.collections = MapperWrites.watch(collections, CollectionMapper.class, changed);
        this.rules = rules == null ? null : MapperWrites.watch(rules, RulesMapper.class, changed);
        this.tables = MapperWrites.watch(tables, TableMapper.class, changed);
        this.ddl = new TableDdl(dialect);
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return the dialect */
    public Dialect dialect() {
        return ddl.dialect();
    }

    /** @return the collection of a name in any case, or null */
    public CollectionRow byName(String name) {
        return name == null ? null : collections.findByNameKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The definition for a read (list, get, aggregate, expand), from the cache when this instance
     * has not changed any collection since it was read and it is younger than the time to live.
     * Writes use {@link #byName} so that a rule or field changed by another instance is enforced on
     * the next write, not after the time to live.
     *
     * @return the definition of the collection of a name in any case, or null
     */
    public CollectionDefinition cachedDefinition(String name) {
        return name == null ? null : definitions.get(name.toLowerCase(Locale.ROOT), key -> {
            CollectionRow row = collections.findByNameKey(key);
            return row == null ? null : Schemas.definition(row);
        });
    }

    /** @return epoch milliseconds now */
    public long now() {
        return clock.millis();
    }

    /** Runs work in one transaction (joining the caller's). */
    public <T> T inTransaction(TransactionalWork<T> work) {
        return transactions.inTransaction(work);
    }

    /** Most runs of a write that the database keeps rolling back as a deadlock victim. */
    static final int WRITE_ATTEMPTS = 8;

    /**
     * Runs a write in one transaction, and again (up to {@value #WRITE_ATTEMPTS} runs, after a short
     * random pause) when the database rolled it back to break a deadlock or a serialization
     * conflict (SQL state class 40). Two transactions that lock the same rows in different orders can
     * wait on each other; the database picks a victim and the victim's client should not see that. Joining a caller's transaction, the work runs once:
     * the caller's transaction is lost with it, and the caller retries.
     */
    public <T> T inRetriedTransaction(TransactionalWork<T> work) {
        if (transactions.isActive()) {
            return transactions.inTransaction(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= WRITE_ATTEMPTS || !io.snackbase.request.support.SqlFailures.isRolledBack(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.snackbase.api.storage.StorageException("Interrupted while retrying a write", e);
        }
    }

    /**
     * Adds what runs, in the writing thread and inside its transaction, on every write through the
     * collection, rules and table mappers (the caches derived from definitions).
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** @return whether the calling thread is inside a transaction */
    public boolean inTransaction() {
        return transactions.isActive();
    }

    /** Runs an action after the current transaction commits, or now when there is none. */
    public void afterCommit(Runnable action) {
        if (transactions.isActive()) {
            transactions.afterCommit(action);
        } else {
            action.run();
        }
    }

    /** @return the quoted name of a table */
    public String quoted(String table) {
        return ddl.dialect().quote(table);
    }
}
