package ir.peyk.transport.http;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Outgoing limits: overall and per group as sliding windows, per chat as a token bucket (Telegram's published limits
 * are the defaults: 30 messages/s overall, 1/s per chat, 20/min per group). {@link #acquire} blocks until every limit
 * that applies lets one more message go, so a slow chat waits alone while other chats go on.
 *
 * <p>Why windows and not buckets for the overall and group limits: a full bucket of 30 plus a second of refill lets 60
 * messages through in the first second (and again after every restart with a backlog), and a platform counts
 * messages per window. A window counts a message from the moment it is allowed until one period after its exchange
 * ended ({@link Permit#close}), so however late a request reaches the server, no window of one period <em>measured
 * at the server</em> holds more than the limit: every request arrives between its permit and its end.
 */
public final class Throttle {
    /**
     * @param overallPerSecond messages per second across all chats (a fraction below 1 means one every 1/rate s;
     *                         above 1 the whole number of it per second)
     * @param perChatPerSecond messages per second into one chat (bursts of up to 3 allowed)
     * @param perGroupPerMinute messages per minute into one group
     */
    public record Limits(double overallPerSecond, double perChatPerSecond, double perGroupPerMinute) {
        public static final Limits DEFAULT = new Limits(30, 1, 20);
        public static final Limits UNLIMITED = new Limits(0, 0, 0);
    }

    /** A message's place in the limits; close it when the exchange ended (answered or failed). */
    public interface Permit extends AutoCloseable {
        Permit NONE = () -> {};

        @Override
        void close();
    }

    private static final long SECOND = 1_000_000_000L;
    /** When every place is taken by a message still in flight, nothing frees one until it ends: recheck this often. */
    private static final long IN_FLIGHT_RECHECK_MS = 20;

    private final Limits limits;
    private final Window overall;
    private final Map<String, Bucket> perChat = new HashMap<>();
    private final Map<String, Window> perGroup = new HashMap<>();

    public Throttle(Limits limits) {
        this.limits = limits;
        this.overall = limits.overallPerSecond() > 0 ? Window.of(limits.overallPerSecond(), SECOND) : null;
    }

    public Limits limits() {
        return limits;
    }

    /** Blocks until a message to {@code chatKey} (null for calls that are not sends) may go. */
    public synchronized Permit acquire(String chatKey, boolean group) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            Bucket chat = null;
            Window grp = null;
            if (chatKey != null && limits.perChatPerSecond() > 0) {
                chat = perChat.computeIfAbsent(chatKey, k -> new Bucket(limits.perChatPerSecond(), 3));
            }
            if (chatKey != null && group && limits.perGroupPerMinute() > 0) {
                grp = perGroup.computeIfAbsent(chatKey, k -> Window.of(limits.perGroupPerMinute(), 60 * SECOND));
            }
            long wait = 0;
            for (Window w : new Window[]{overall, grp}) {
                if (w == null) continue;
                long ww = w.waitNanos(now);
                wait = ww < 0 || wait < 0 ? -1 : Math.max(wait, ww);
            }
            if (chat != null && wait >= 0) wait = Math.max(wait, chat.waitNanos(now));
            if (wait == 0) {
                if (chat != null) chat.take();
                Window[] taken = {overall, grp};
                for (Window w : taken) if (w != null) w.inFlight++;
                tidy(now);
                java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
                return () -> {
                    if (open.getAndSet(false)) release(taken);
                };
            }
            long ms = wait < 0 ? IN_FLIGHT_RECHECK_MS : Math.max(1, (wait + 999_999) / 1_000_000);
            wait(ms); // released by the wait or by a permit closing (notifyAll)
        }
    }

    private synchronized void release(Window[] taken) {
        long now = System.nanoTime();
        for (Window w : taken) if (w != null) w.end(now);
        notifyAll();
    }

    private void tidy(long now) {
        if (perChat.size() > 100_000) perChat.values().removeIf(b -> b.full(now));
        if (perGroup.size() > 100_000) perGroup.values().removeIf(w -> w.idle(now));
    }

    /** At most {@code max} messages in any {@code period}, counting each from its permit to a period after its end. */
    private static final class Window {
        final int max;
        final long period;
        final ArrayDeque<Long> ends = new ArrayDeque<>();
        int inFlight;

        private Window(int max, long period) {
            this.max = max;
            this.period = period;
        }

        /** {@code rate} per {@code unit}: its whole part per unit, or one per unit/rate when it is below 1. */
        static Window of(double rate, long unit) {
            return rate >= 1 ? new Window((int) Math.min(Integer.MAX_VALUE, Math.floor(rate)), unit)
                    : new Window(1, (long) Math.ceil(unit / rate));
        }

        /** 0 when one more may go now; nanos until a place frees; -1 when only a message in flight can free one. */
        long waitNanos(long now) {
            while (!ends.isEmpty() && now - ends.peekFirst() >= period) ends.pollFirst();
            if (inFlight + ends.size() < max) return 0;
            return ends.isEmpty() ? -1 : Math.max(1, ends.peekFirst() + period - now);
        }

        void end(long now) {
            inFlight--;
            ends.addLast(now);
        }

        boolean idle(long now) {
            waitNanos(now);
            return inFlight == 0 && ends.isEmpty();
        }
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
