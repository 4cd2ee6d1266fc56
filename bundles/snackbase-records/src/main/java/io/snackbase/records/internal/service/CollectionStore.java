package io.snackbase.records.internal.service;

import io.snackbase.api.storage.Mappers;
import io.snackbase.api.storage.TransactionManager;
import io.snackbase.api.storage.TransactionalWork;
import io.snackbase.records.internal.core.Dialect;
import io.snackbase.records.internal.core.TableDdl;
import io.snackbase.records.internal.store.CollectionMapper;
import io.snackbase.records.internal.store.CollectionRow;
import io.snackbase.records.internal.store.RulesMapper;
import io.snackbase.records.internal.store.TableMapper;
import java.time.Clock;
import java.util.Locale;

/** The bundle's mappers, the shared transaction manager, the dialect and the clock, handed to every service. */
public final class CollectionStore {

    public final CollectionMapper collections;
    public final TableMapper tables;
    /** {@code collection_rules} for the rules endpoints; null when built from explicit mappers without it. */
    public final RulesMapper rules;
    public final TableDdl ddl;
    private final TransactionManager transactions;
    private final Clock clock;

    public CollectionStore(Mappers mappers, TransactionManager transactions, Dialect dialect, Clock clock) {
        this(mappers.mapper(CollectionMapper.class), mappers.mapper(TableMapper.class), mappers.mapper(RulesMapper.class), transactions,
                dialect, clock);
    }

    /** For tests that put a failing mapper in the way. */
    public CollectionStore(CollectionMapper collections, TableMapper tables, TransactionManager transactions, Dialect dialect, Clock clock) {
        this(collections, tables, null, transactions, dialect, clock);
    }

    public CollectionStore(CollectionMapper collections, TableMapper tables, RulesMapper rules, TransactionManager transactions,
            Dialect dialect, Clock clock) {
        this.collections = collections;
        this.rules = rules;
        this.tables = tables;
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

    /** @return epoch milliseconds now */
    public long now() {
        return clock.millis();
    }

    /** Runs work in one transaction (joining the caller's). */
    public <T> T inTransaction(TransactionalWork<T> work) {
        return transactions.inTransaction(work);
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
