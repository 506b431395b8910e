package ir.peyk.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Matches each reply to the update it answers, to time it. Both bots answer a text message with one message and
 * answer one chat's messages in order, so the k-th reply into a chat answers the k-th update injected into it: a FIFO
 * of injection times per chat is the whole matching. A reply into a chat with nothing outstanding is counted as extra.
 */
final class Ledger {
    private final Object lock = new Object();
    private final Map<Long, ArrayDeque<Long>> pending = new HashMap<>();
    private long[] latencies = new long[0];
    private int replied;
    private int extra;
    private long lastReplyNanos;
    private String sampleReply;

    /** Starts a scenario of {@code n} updates: forgets what an earlier one left. */
    void expect(int n) {
        synchronized (lock) {
            pending.clear();
            latencies = new long[n];
            replied = 0;
            extra = 0;
            lastReplyNanos = 0;
            sampleReply = null;
        }
    }

    /** Updates of these chats were made visible to getUpdates at {@code atNanos}. */
    void injected(long[] chats, int count, long atNanos) {
        synchronized (lock) {
            for (int i = 0; i < count; i++) pending.computeIfAbsent(chats[i], c -> new ArrayDeque<>()).add(atNanos);
        }
    }

    /** A sendMessage into {@code chat} arrived at {@code atNanos}. */
    void replied(long chat, long atNanos, String text) {
        synchronized (lock) {
            ArrayDeque<Long> q = pending.get(chat);
            Long at = q == null ? null : q.poll();
            if (at == null || replied >= latencies.length) {
                extra++;
                return;
            }
            latencies[replied++] = atNanos - at;
            lastReplyNanos = atNanos;
            if (sampleReply == null) sampleReply = text;
            if (replied == latencies.length) lock.notifyAll();
        }
    }

    /** Waits until every expected update got its reply; false on timeout. */
    boolean await(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            while (replied < latencies.length) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    int replied() {
        synchronized (lock) {
            return replied;
        }
    }

    int extra() {
        synchronized (lock) {
            return extra;
        }
    }

    long lastReplyNanos() {
        synchronized (lock) {
            return lastReplyNanos;
        }
    }

    String sampleReply() {
        synchronized (lock) {
            return sampleReply;
        }
    }

    /** The latencies measured so far, sorted, in nanoseconds. */
    long[] sortedLatencies() {
        synchronized (lock) {
            long[] l = Arrays.copyOf(latencies, replied);
            Arrays.sort(l);
            return l;
        }
    }

    /** The {@code p}-th percentile (0–100) of sorted values, nearest rank; NaN when there are none. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
