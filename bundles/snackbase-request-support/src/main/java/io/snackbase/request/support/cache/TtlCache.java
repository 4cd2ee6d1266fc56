package io.snackbase.request.support.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A bounded map of values read from the database that are trusted for a short time, and dropped
 * at once when this instance writes what they were read from ({@link #invalidateAll}). Other
 * instances' writes are seen when an entry expires, so the time to live bounds how stale a value
 * read here can be after another instance changed it.
 *
 * <p>A value is stored only if no invalidation happened between {@link #stamp()} (taken before
 * the read) and {@link #put}: a read that raced with a write is used once and never cached.
 * Thread-safe; failed reads are never cached.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class TtlCache<K, V> {

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    private record Entry<V>(V value, long generation, long expiresAt) {}

    /** What a cache miss reads; exceptions pass through uncached. */
    @FunctionalInterface
    public interface Loader<K, V> {
        V load(K key);
    }

    /**
     * @param ttlMillis how long an entry is trusted; 0 or less disables the cache
     * @param maxEntries the bound; reaching it empties the cache (cheaper than tracking recency, and
     *     a cache this short-lived refills within one time to live)
     */
    public TtlCache(long ttlMillis, int maxEntries) {
        this(ttlMillis, maxEntries, System::nanoTime);
    }

    /** For tests with a hand-moved clock. */
    public TtlCache(long ttlMillis, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = Math.max(0, ttlMillis) * 1_000_000L;
        this.maxEntries = Math.max(1, maxEntries);
        this.nanoTime = nanoTime;
    }

    /** @return whether values are kept at all */
    public boolean enabled() {
        return ttlNanos > 0;
    }

    /** @return the cached value of a key, or null when absent, expired or invalidated */
    public V get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.generation != generation.get() || nanoTime.getAsLong() - e.expiresAt >= 0) {
            entries.remove(key, e);
            return null;
        }
        return e.value;
    }

    /** @return the current generation, to take before reading a value that {@link #put} will store */
    public long stamp() {
        return generation.get();
    }

    /** Stores a value read after {@code stamp} was taken, unless an invalidation came in between. */
    public void put(K key, V value, long stamp) {
        if (!enabled() || value == null || stamp != generation.get()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        // an invalidation racing with this put leaves an entry of an old generation, which get() refuses
        entries.put(key, new Entry<>(value, stamp, nanoTime.getAsLong() + ttlNanos));
    }

    /** @return the cached value, or the loaded one (cached when nothing was invalidated meanwhile) */
    public V get(K key, Loader<K, V> loader) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        long stamp = stamp();
        V loaded = loader.load(key);
        put(key, loaded, stamp);
        return loaded;
    }

    /** Forgets every entry; entries being stored by reads that started before this call are refused. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** @return the number of entries held (expired ones included until read) */
    public int size() {
        return entries.size();
    }
}
