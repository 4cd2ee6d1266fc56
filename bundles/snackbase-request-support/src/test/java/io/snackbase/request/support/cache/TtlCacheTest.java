package io.snackbase.request.support.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.junit.jupiter.api.Test;

class TtlCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TtlCache<String, String> cache = new TtlCache<>(1000, 3, now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void keepsAValueUntilItExpires() {
        assertEquals("a#1", cache.get("a", this::load));
        now.addAndGet(999_000_000L);
        assertEquals("a#1", cache.get("a", this::load));
        now.addAndGet(1_000_000L);
        assertEquals("a#2", cache.get("a", this::load));
    }

    @Test
    void invalidationDropsEverythingAtOnce() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.invalidateAll();
        assertNull(cache.get("a"));
        assertEquals("b#3", cache.get("b", this::load));
    }

    @Test
    void aReadThatRacedWithAWriteIsNotCached() {
        long stamp = cache.stamp();
        String read = load("a");
        cache.invalidateAll(); // the write lands after the read started
        cache.put("a", read, stamp);
        assertNull(cache.get("a"));
    }

    @Test
    void failuresAndNullsAreNotCached() {
        assertThrows(IllegalStateException.class, () -> cache.get("a", k -> {
            throw new IllegalStateException("db down");
        }));
        assertNull(cache.get("a", k -> null));
        assertEquals(0, cache.size());
    }

    @Test
    void theBoundEmptiesTheCache() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load);
        cache.get("d", this::load);
        assertEquals(1, cache.size());
    }

    @Test
    void zeroTimeToLiveDisablesIt() {
        TtlCache<String, String> off = new TtlCache<>(0, 10, now::get);
        assertFalse(off.enabled());
        off.get("a", this::load);
        assertEquals("a#2", off.get("a", this::load));
    }

    interface Things {
        @Select("SELECT 1")
        int read();

        @Insert("INSERT 1")
        int write();
    }

    @Test
    void writesThroughAWatchedMapperInvalidateNowAndAfterCommit() {
        Things real = new Things() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int write() {
                return 2;
            }
        };
        AtomicInteger scheduled = new AtomicInteger();
        Things watched = MapperWrites.watch(real, Things.class, MapperWrites.invalidating(cache, action -> {
            scheduled.incrementAndGet();
            action.run();
        }));
        cache.get("a", this::load);
        assertEquals(1, watched.read());
        assertEquals("a#1", cache.get("a"));
        assertEquals(2, watched.write());
        assertNull(cache.get("a"));
        assertEquals(1, scheduled.get());
    }
}
