package io.snackbase.records.internal.records;

import io.snackbase.records.internal.service.CollectionStore;
import io.snackbase.request.support.cache.TtlCache;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The {@code total} of list pages, reused for a short time. A list page is an index range read of
 * 20 rows, but its total is a {@code COUNT(*)} over every matching row of the account, which costs
 * the database 50 times more than the page on 20,000 rows; clients that page or poll ask for the
 * same total again and again.
 *
 * <p>A total is cached per collection table and per exact statement (SQL text and bound values,
 * with their types, so the account, the rule's variables and the filter are all in the key).
 * Every record write through this instance empties its table's totals, once when it runs and once
 * after its transaction commits, so this instance's clients always see their own writes; another
 * instance's writes show within the time to live, and so do rows removed by an account's deletion
 * (a cascade this bundle does not see). Counts taken inside a transaction are never
 * cached, since they may see that transaction's uncommitted rows. Any collection change (schema,
 * rules, drop) empties all totals. Thread-safe.
 */
public final class RecordCounts {

    /** How long a total is trusted unless configured otherwise. */
    public static final long DEFAULT_COUNT_CACHE_MS = 1000;
    private static final int ENTRIES_PER_TABLE = 512;

    private final long ttlMillis;
    private final CollectionStore store;
    private final ConcurrentHashMap<String, TtlCache<String, Long>> byTable = new ConcurrentHashMap<>();

    /**
     * @param ttlMillis how long a total is reused; 0 or less counts on every request
     * @param store the transactions (is one active, after-commit actions)
     */
    public RecordCounts(long ttlMillis, CollectionStore store) {
        this.ttlMillis = ttlMillis;
        this.store = store;
        store.onChange(this::changedAll);
    }

    /** @return the count of a statement on a table, from the cache when allowed */
    long count(String table, String sql, List<Object> params, LongSupplier query) {
        if (ttlMillis <= 0 || store.inTransaction()) {
            return query.getAsLong();
        }
        return cache(table).get(key(sql, params), k -> query.getAsLong());
    }

    /** Forgets a table's totals now and after the current transaction commits. */
    void changed(String table) {
        if (ttlMillis <= 0) {
            return;
        }
        // created when absent: a count that starts before this commit must find the table's cache and be invalidated
        TtlCache<String, Long> cache = cache(table);
        cache.invalidateAll();
        store.afterCommit(cache::invalidateAll);
    }

    private TtlCache<String, Long> cache(String table) {
        return byTable.computeIfAbsent(table, t -> new TtlCache<>(ttlMillis, ENTRIES_PER_TABLE));
    }

    /**
     * Forgets every table's totals now and after commit: for deletes, whose reference fields'
     * {@code ON DELETE CASCADE} / {@code SET NULL} change rows of other tables in the database.
     */
    void changedAll() {
        if (ttlMillis <= 0) {
            return;
        }
        Runnable all = () -> byTable.values().forEach(TtlCache::invalidateAll);
        all.run();
        store.afterCommit(all);
    }

    /** The statement and its values, length-prefixed and typed, so that no two statements share a key. */
    static String key(String sql, List<Object> params) {
        StringBuilder key = new StringBuilder(sql.length() + 16 * params.size()).append(sql);
        for (Object p : params) {
            String text = String.valueOf(p);
            key.append('\u0000').append(p == null ? "null" : p.getClass().getName()).append(':').append(text.length()).append(':')
                    .append(text);
        }
        return key.toString();
    }
}
