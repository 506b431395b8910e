package ir.peyk.transport.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Token buckets: one overall, one per chat, one per group chat (Telegram's published limits are the defaults:
 * 30 messages/s overall, 1/s per chat, 20/min per group). {@link #acquire} blocks until every bucket that applies has a
 * token, so a slow chat waits alone while other chats go on.
 */
public final class Throttle {
    /**
     * @param overallPerSecond messages per second across all chats
     * @param perChatPerSecond messages per second into one chat (bursts of up to 3 allowed)
     * @param perGroupPerMinute messages per minute into one group
     */
    public record Limits(double overallPerSecond, double perChatPerSecond, double perGroupPerMinute) {
        public static final Limits DEFAULT = new Limits(30, 1, 20);
        public static final Limits UNLIMITED = new Limits(0, 0, 0);
    }

    private final Limits limits;
    private final Bucket overall;
    private final Map<String, Bucket> perChat = new HashMap<>();
    private final Map<String, Bucket> perGroup = new HashMap<>();

    public Throttle(Limits limits) {
        this.limits = limits;
        this.overall = limits.overallPerSecond() > 0 ? new Bucket(limits.overallPerSecond(), limits.overallPerSecond()) : null;
    }

    public Limits limits() {
        return limits;
    }

    /** Blocks until a message to {@code chatKey} (null for calls that are not sends) may go. */
    public void acquire(String chatKey, boolean group) throws InterruptedException {
        long wait;
        while ((wait = reserve(chatKey, group)) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
        }
    }

    /** Takes the tokens when all buckets have one and returns 0; otherwise returns nanos to wait and takes nothing. */
    private synchronized long reserve(String chatKey, boolean group) {
        long now = System.nanoTime();
        Bucket chat = null;
        Bucket grp = null;
        if (chatKey != null && limits.perChatPerSecond() > 0) {
            chat = perChat.computeIfAbsent(chatKey, k -> new Bucket(limits.perChatPerSecond(), 3));
        }
        if (chatKey != null && group && limits.perGroupPerMinute() > 0) {
            grp = perGroup.computeIfAbsent(chatKey, k -> new Bucket(limits.perGroupPerMinute() / 60.0, limits.perGroupPerMinute()));
        }
        long wait = 0;
        for (Bucket b : new Bucket[]{overall, chat, grp}) if (b != null) wait = Math.max(wait, b.waitNanos(now));
        if (wait > 0) return wait;
        for (Bucket b : new Bucket[]{overall, chat, grp}) if (b != null) b.take();
        if (perChat.size() > 100_000) perChat.values().removeIf(b -> b.full(now));
        if (perGroup.size() > 100_000) perGroup.values().removeIf(b -> b.full(now));
        return 0;
    }

    private static final class Bucket {
        final double ratePerNano;
        final double capacity;
        double tokens;
        long last;

        Bucket(double perSecond, double capacity) {
            this.ratePerNano = perSecond / 1e9;
            this.capacity = Math.max(1, capacity);
            this.tokens = this.capacity;
            this.last = System.nanoTime();
        }

        long waitNanos(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
            last = now;
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
        }

        void take() {
            tokens -= 1;
        }

        boolean full(long now) {
            return tokens + (now - last) * ratePerNano >= capacity;
        }
    }
}
