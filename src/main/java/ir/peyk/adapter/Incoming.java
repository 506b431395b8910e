package ir.peyk.adapter;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows a {@link Dispatcher} has claimed and not finished: those waiting to be queued per chat, in id order, and a
 * count of every row in memory (waiting, queued or running). Rows come from the dispatcher's claims and, on SQLite,
 * straight from the inbox's stores ({@link Inbox.Direct}): while this is {@link #straight}, a stored row is inserted
 * already claimed and handed over here once committed, so no claim query or commit of its own comes between storing
 * an update and handling it. The inbox serializes stores, claims and hand-overs, so each chat's rows arrive in order.
 *
 * <p>Straight hand-over starts with a claim that left no pending row unclaimed; it stops when the rows in memory reach
 * the limit (the rest wait in the store and are claimed as before), when a transport joins late (its older rows are
 * claimed first) and on stop — always between hand-overs ({@link Inbox#betweenHandoffs}).
 */
final class Incoming implements Inbox.Direct {
    private final String owner;
    private final long leaseMillis;
    private final int limit;
    private final Set<String> transports;
    private final Queue<Inbox.Row> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inMemory = new AtomicInteger();
    private volatile boolean straight;
    private volatile boolean stopped;

    /** For {@code owner}, whose claims last {@code leaseMillis}, holding at most {@code limit} rows of {@code transports}. */
    Incoming(String owner, long leaseMillis, int limit, Set<String> transports) {
        this.owner = owner;
        this.leaseMillis = leaseMillis;
        this.limit = limit;
        this.transports = transports;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public long claimedUntil(long now) {
        return now + leaseMillis;
    }

    @Override
    public boolean accepts(String transport, int count) {
        if (straight && (stopped || inMemory.get() + count > limit)) straight = false;
        return straight && transports.contains(transport);
    }

    @Override
    public void take(List<Inbox.Row> rows, boolean all) {
        for (Inbox.Row row : rows) {
            inMemory.incrementAndGet();
            waiting.add(row);
        }
        if (all && !stopped) straight = true;
    }

    /** Whether stored rows come straight now. */
    boolean straight() {
        return straight;
    }

    /** Rows come from claims again (call between hand-overs). */
    void claimOnly() {
        straight = false;
    }

    /** No more rows straight, and {@link #accepts} nothing from now on (call between hand-overs). */
    void stop() {
        stopped = true;
        straight = false;
    }

    /** The next row waiting to be queued, oldest first; null when none. */
    Inbox.Row poll() {
        return waiting.poll();
    }

    boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    /** Rows in memory: waiting, queued or running. */
    int inMemory() {
        return inMemory.get();
    }

    /** A row taken is done with (finished, or dropped: it stays pending in the store). */
    void done() {
        inMemory.decrementAndGet();
    }
}
