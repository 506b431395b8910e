package ir.peyk.handler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small LRU map whose entries also expire after a time to live. Inline queries come as the user types — "ر", "رو",
 * "روب" … and then the same text again for every page — so even a short TTL saves most of the work. Thread-safe;
 * the clock is injected so tests can move time without sleeping. {@link #lru} keeps entries until they are the least
 * recently used, for values that cannot go stale.
 */
final class TtlCache<K, V> {
    private record Entry<V>(V value, long expiresAt) {}

    private final int capacity;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<K, Entry<V>> map;
    private long hits;
    private long misses;

    /** No time to live: an entry is dropped only as the least recently used. */
    private static final long FOREVER = Long.MAX_VALUE;

    /** A cache whose entries never expire: the {@code capacity} most recently used are kept. */
    static <K, V> TtlCache<K, V> lru(int capacity) {
        return new TtlCache<>(capacity, FOREVER, () -> 0);
    }

    TtlCache(int capacity, long ttlNanos, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > TtlCache.this.capacity;
            }
        };
    }

    /**
     * The cached value for {@code key}, or {@code compute}'s, stored. Computation runs outside the lock: two threads
     * may compute the same key at once, which is cheaper than making every other query wait.
     */
    V get(K key, Function<K, V> compute) {
        long now = nanoClock.getAsLong();
        synchronized (this) {
            Entry<V> e = map.get(key);
            if (e != null && (ttlNanos == FOREVER || now - e.expiresAt < 0)) {
                hits++;
                return e.value;
            }
            if (e != null) map.remove(key);
            misses++;
        }
        V v = compute.apply(key);
        synchronized (this) {
            map.put(key, new Entry<>(v, ttlNanos == FOREVER ? FOREVER : now + ttlNanos));
        }
        return v;
    }

    synchronized int size() {
        return map.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
