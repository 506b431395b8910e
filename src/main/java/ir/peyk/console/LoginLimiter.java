package ir.peyk.console;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed-login brake: at most {@link #MAX_FAILURES} failed attempts per client address in {@link #WINDOW_MILLIS},
 * and as many again from all addresses together (so rotating addresses does not help guessing). Tokens are 256-bit
 * random values, so this is about log noise and load more than about guessing.
 */
final class LoginLimiter {
    static final int MAX_FAILURES = 10;
    static final long WINDOW_MILLIS = 10 * 60_000L;
    private static final String ALL = "\u0000all";

    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>();
    private final LongSupplier clock;

    LoginLimiter(LongSupplier clock) {
        this.clock = clock;
    }

    /** True when {@code client} may try now. */
    synchronized boolean allowed(String client) {
        long now = clock.getAsLong();
        return recent(client, now) < MAX_FAILURES && recent(ALL, now) < MAX_FAILURES * 3;
    }

    synchronized void failed(String client) {
        long now = clock.getAsLong();
        if (failures.size() > 10_000) failures.clear(); // a flood of addresses: start over rather than grow
        failures.computeIfAbsent(client, c -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(ALL, c -> new ArrayDeque<>()).addLast(now);
    }

    private int recent(String key, long now) {
        Deque<Long> d = failures.get(key);
        if (d == null) return 0;
        while (!d.isEmpty() && d.peekFirst() < now - WINDOW_MILLIS) d.pollFirst();
        return d.size();
    }
}
