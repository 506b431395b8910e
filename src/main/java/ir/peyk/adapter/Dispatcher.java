package ir.peyk.adapter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands pending inbox rows to the handler: rows of different ordering keys (chats) run concurrently on a bounded
 * pool, rows of one key strictly one after another in arrival order (a lone update into a quiet dispatcher may run on
 * the poller that stored it instead: {@link #keepLone}). A handler that throws, or a row that no longer
 * decodes, is logged and marked failed; the loop goes on. A row found already started {@value #MAX_ATTEMPTS} times
 * (it crashed the process each time) is given up rather than crash-looping the bot. A row is counted as started
 * before its handler runs: by a mark committed just before (a claimed row), or, for a row handed over straight, by
 * the mark stored with it ({@link Inbox.Direct}).
 *
 * <p>Rows are taken by claiming them in the store ({@link Inbox#claim}), so several replicas on one PostgreSQL share
 * the work: a chat is handled by one replica at a time, in order; a replica that dies leaves its chats to the others
 * when its claims lapse ({@link #CLAIM_LEASE}; renewed while it lives). When the store fails mid-row the row is kept and
 * retried until the store is back (a reply may then be repeated, never lost).
 */
final class Dispatcher {
    /** Handles one update; exceptions mark the row failed. */
    @FunctionalInterface
    interface Handler {
        void handle(Update update) throws Exception;
    }

    static final int MAX_ATTEMPTS = RowRunner.MAX_ATTEMPTS;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final int LOADED_MAX = 1000;
    /**
     * A claim looks at every pending row (about 15 ms at 5,000 on PostgreSQL), so claiming after each finished row or
     * each submit would cap the process at the claim rate: while rows are in flight, claim only when this much room
     * is free, and never more often than every {@link #CLAIM_SPACING_MS}; with nothing in flight, at once.
     */
    private static final int MIN_CLAIM = 50;
    private static final long CLAIM_SPACING_MS = 25;
    /** While rows come straight from the stores (SQLite), how often the loop claims anyway. */
    private static final long STRAIGHT_CLAIM_MS = 1000;
    private static final int FAIR_SLICE = 16;
    private static final Duration PRUNE_EVERY = Duration.ofHours(6);
    /** How long a claim holds without renewal: how soon another replica takes over a dead one's chats. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(Long.getLong("peyk.inbox.claimSeconds", 30));

    private final Inbox inbox;
    /** The started/done/failed marks, group-committed. */
    private final InboxMarks marks;
    /** The transports whose rows are handled; grows when a transport that failed at start comes up later. */
    private final Set<String> transports = ConcurrentHashMap.newKeySet();
    /**
     * Transports added after start, handed to the loop thread. A claim takes every pending row of the transports it
     * names, old ones included, so a late transport's rows stored before it came up are handled too.
     */
    private final Queue<String> added = new ConcurrentLinkedQueue<>();
    /** Runs one row: its marks and its handler. */
    private final RowRunner runner;
    private final ExecutorService pool;
    private final Duration retention;
    private final ReentrantLock lock = new ReentrantLock();
    /** Wakes the loop: a submit, a stop, or (while it claims) room freed by finished rows. */
    private final Condition changed = lock.newCondition();
    /** Wakes {@link #awaitIdle}: a transport's last row in memory finished. */
    private final Condition idle = lock.newCondition();
    /** Wakes {@link #awaitRoom}: a row left memory. */
    private final Condition room = lock.newCondition();
    /** Rows loaded into memory and not finished, by ordering key; a key present here has a task running or queued. */
    private final Map<String, Deque<Inbox.Row>> queues = new HashMap<>();
    private final Map<String, Integer> inFlightByTransport = new HashMap<>();
    private final java.util.Set<Long> loadedIds = new java.util.HashSet<>();
    private final String owner = ProcessIds.next("dispatch");
    /** Rows claimed and not finished; on SQLite also the inbox's rows handed over straight. */
    private final Incoming incoming;
    /** Rows handed over with their started mark that a stop leaves unstarted: their marks are taken back. */
    private final List<Long> unstarted = new java.util.ArrayList<>();
    private int loaded;
    private boolean wake;
    private volatile boolean stopping;
    private Thread loop;
    private final List<Thread> workerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * On a poller's thread, between {@link #keepLone} and {@link #runLone}: empty while it waits for its next new chat,
     * then that chat's ordering key.
     */
    private final ThreadLocal<String> lone = new ThreadLocal<>();

    Dispatcher(Inbox inbox, Set<String> transports, Handler handler, int workers, Duration retention) {
        this.inbox = inbox;
        this.marks = new InboxMarks(inbox);
        this.transports.addAll(transports);
        this.runner = new RowRunner(marks, handler);
        this.retention = retention;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "peyk-worker-" + n.incrementAndGet());
            t.setDaemon(false); // in-flight handling must finish before the JVM exits; stop() ends these threads
            workerThreads.add(t);
            return t;
        });
        this.incoming = new Incoming(owner, CLAIM_LEASE.toMillis(), LOADED_MAX, this.transports);
        inbox.onNew(this::stored);
        inbox.direct(incoming);
    }

    void start() {
        loop = new Thread(this::run, "peyk-dispatch");
        loop.setDaemon(false);
        loop.start();
    }

    /** Starts handling the rows of {@code transport} too (one that started after the others), old rows included. */
    void addTransport(String transport) {
        inbox.betweenHandoffs(incoming::claimOnly); // its rows stored before now are claimed before newer ones
        added.add(transport);
        wake();
    }

    /**
     * New rows were stored: those handed over straight are queued for the workers right here, and the loop, which
     * has nothing to do for them, sleeps on; while it claims, it is told to.
     */
    private void stored() {
        if (incoming.anyWaiting()) drainIncoming();
        if (!incoming.straight()) wake();
    }

    /** Tells the loop new rows may be pending; rows handed over straight are queued for the workers right here. */
    void wake() {
        if (incoming.anyWaiting()) drainIncoming();
        lock.lock();
        try {
            wake = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long nextPrune = 0;
        long nextRenew = 0;
        long nextClaim = 0;
        if (!inbox.shared()) releaseQuietly(null); // the only process on this store: old claims are a dead run's
        while (!stopping) {
            try {
                long now = System.currentTimeMillis();
                if (now >= nextRenew) {
                    long until = now + CLAIM_LEASE.toMillis();
                    marks.exclusively(() -> inbox.renew(owner, until));
                    nextRenew = now + CLAIM_LEASE.toMillis() / 3;
                }
                if (System.currentTimeMillis() >= nextPrune) {
                    int pruned = inbox.prune(retention);
                    if (pruned > 0) log.info("pruned {} finished inbox rows older than {}", pruned, retention);
                    nextPrune = System.currentTimeMillis() + PRUNE_EVERY.toMillis();
                }
                for (String t; (t = added.poll()) != null; ) transports.add(t);
                if (marks.queued() > 0) marks.flush(); // marks a failed write left: the store may be back
                int room;
                boolean claimNow;
                lock.lock();
                try {
                    wake = false;
                    room = LOADED_MAX - incoming.inMemory();
                    // Nothing in flight: claim at once (a quiet bot answers without waiting out the spacing). Rows
                    // come straight from the stores: a claim now and then only in case one was stored otherwise.
                    claimNow = incoming.straight() ? now >= nextClaim + STRAIGHT_CLAIM_MS
                            : incoming.inMemory() == 0 || room >= MIN_CLAIM && now >= nextClaim;
                } finally {
                    lock.unlock();
                }
                List<Inbox.Row> rows = List.of();
                if (claimNow) {
                    if (inbox.shared()) incoming.take(rows = inbox.claim(owner, transports, room, now, CLAIM_LEASE), false);
                    else rows = inbox.claim(incoming, transports, room, now, CLAIM_LEASE);
                    nextClaim = now + CLAIM_SPACING_MS;
                }
                // Between hand-overs: a store hands its rows over and queues them under that lock, so this thread
                // never queues a row in between — one its poller keeps for itself (keepLone) would go to a worker.
                inbox.betweenHandoffs(this::drainIncoming);
                lock.lock();
                try {
                    // Sleep until a submit or a finished row says there is more; poll now and then anyway (other
                    // replicas' submits, and chats they finish, do not wake this one).
                    if (incoming.straight() && !stopping) {
                        changed.await(STRAIGHT_CLAIM_MS, TimeUnit.MILLISECONDS);
                    } else if (!claimNow && room >= MIN_CLAIM && !stopping) {
                        changed.await(Math.max(1, nextClaim - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                    } else if (!wake && !stopping && (rows.size() < room || room == 0)) {
                        changed.await(inbox.shared() ? 200 : 1000, TimeUnit.MILLISECONDS);
                    }
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("the dispatcher could not read the inbox: {}; retrying", e.getMessage());
                sleepQuietly(1000);
            }
        }
    }

    /** Moves the rows waiting in {@link #incoming} into their chats' queues, in order, and starts a worker for each new chat. */
    private void drainIncoming() {
        lock.lock();
        try {
            for (Inbox.Row row; (row = incoming.poll()) != null; ) {
                if (stopping) { // not started: pending in the inbox for the next start
                    if (row.startStored()) unstarted.add(row.id());
                    incoming.done();
                    continue;
                }
                if (!loadedIds.add(row.id())) { // ours already (a claim renewed late)
                    incoming.done();
                    continue;
                }
                loaded++;
                inFlightByTransport.merge(row.transport(), 1, Integer::sum);
                Deque<Inbox.Row> q = queues.get(row.orderingKey());
                if (q == null) {
                    q = new ArrayDeque<>();
                    queues.put(row.orderingKey(), q);
                    q.add(row);
                    String key = row.orderingKey();
                    String wanted = lone.get();
                    if (wanted != null && wanted.isEmpty()) lone.set(key); // kept for the poller storing it (runLone)
                    else pool.execute(() -> drain(key));
                } else {
                    q.add(row);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs the rows of one ordering key in order; yields the worker after a slice so a busy chat cannot hog it. */
    private void drain(String key) {
        drain(key, FAIR_SLICE);
    }

    /** Runs up to {@code slice} rows of one ordering key in order; a worker of the pool goes on with the rest, if any. */
    private void drain(String key, int slice) {
        for (int i = 0; ; i++) {
            Inbox.Row row;
            lock.lock();
            try {
                Deque<Inbox.Row> q = queues.get(key);
                row = stopping || q == null ? null : q.peek();
                if (row == null) {
                    // Stopping: rows not started stay pending in the inbox for the next start.
                    if (q != null) forget(q);
                    queues.remove(key);
                    freed();
                    return;
                }
                if (i == slice) break;
            } finally {
                lock.unlock();
            }
            if (!runner.run(row)) {
                sleepQuietly(1000); // the store failed: keep the row (and its chat's order) and try again
                continue;
            }
            lock.lock();
            try {
                Deque<Inbox.Row> q = queues.get(key);
                q.poll();
                loadedIds.remove(row.id());
                loaded--;
                incoming.done();
                // The chat leaves memory with its last row, not at this task's next look: a row stored for it from
                // now on starts a task of its own (or is kept by its poller) instead of joining this ending one.
                if (q.isEmpty()) queues.remove(key);
                if (inFlightByTransport.merge(row.transport(), -1, Integer::sum) == 0) idle.signalAll();
                freed();
                if (q.isEmpty()) return;
            } finally {
                lock.unlock();
            }
        }
        try {
            pool.execute(() -> drain(key));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            lock.lock();
            try {
                Deque<Inbox.Row> q = queues.remove(key);
                if (q != null) forget(q);
                idle.signalAll();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Whether rows come straight into a dispatcher with nothing in memory: a poller whose poll brought one update may
     * then run it itself ({@link #keepLone}).
     */
    boolean quiet() {
        return !stopping && incoming.straight() && incoming.inMemory() == 0;
    }

    /**
     * The next chat this thread hands over by storing a row ({@link Inbox#submit}), if new, is kept for this thread to
     * run ({@link #runLone}) instead of going to a worker: a poller runs a lone update itself, after its commit, with
     * no hand-over to another thread. Waking a parked worker cost a quiet bot 50–170 µs of its reply time on a two-core
     * virtual machine, more than handling the update did; the poller is awake already.
     */
    void keepLone() {
        lone.set("");
    }

    /**
     * Runs the row {@link #keepLone} kept, on this thread: that one row; rows of its chat that came meanwhile go on on a
     * worker. Ends the keeping either way (nothing was kept when the store failed before the hand-over; a duplicate's
     * row is kept, and found not stored before its handler would run).
     */
    void runLone() {
        String key = lone.get();
        lone.remove();
        if (key != null && !key.isEmpty()) drain(key, 1);
    }

    /**
     * A row or chat left memory (lock held). The loop hears of it only while it claims (the room it claims into grew)
     * or stops: while rows come straight it has nothing to do for it, and waking it for every row finished would cost
     * two thread switches per update.
     */
    private void freed() {
        room.signalAll();
        if (!incoming.straight() || stopping) changed.signalAll();
    }

    /**
     * Waits, up to {@code max}, while rows come straight and those in memory leave no room for {@code batch} more: a
     * poller then leaves its backlog with the platform, which keeps it, rather than store rows that would be claimed
     * from the store, the slow way (a started mark and a commit per row, claim queries). Returns at once when rows do
     * not come straight (PostgreSQL, or a backlog being claimed), so a store is never held up. False when it timed out.
     */
    boolean awaitRoom(int batch, Duration max) throws InterruptedException {
        return awaitWhile(room, () -> incoming.straight() && !stopping && incoming.inMemory() + batch > LOADED_MAX, max);
    }

    /** Waits on {@code signal}, up to {@code max}, while {@code busy} holds (checked under the lock); false: timed out. */
    private boolean awaitWhile(Condition signal, java.util.function.BooleanSupplier busy, Duration max)
            throws InterruptedException {
        long left = max.toNanos();
        lock.lock();
        try {
            while (busy.getAsBoolean()) {
                if (left <= 0) return false;
                left = signal.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops rows not started (stopping), which stay pending for the next start (lock held). */
    private void forget(Deque<Inbox.Row> q) {
        for (Inbox.Row r : q) {
            if (r.startStored()) unstarted.add(r.id());
            loadedIds.remove(r.id());
            loaded--;
            incoming.done();
            if (inFlightByTransport.merge(r.transport(), -1, Integer::sum) == 0) idle.signalAll();
        }
        q.clear();
    }

    private void releaseQuietly(String who) {
        try {
            inbox.release(who);
        } catch (RuntimeException e) {
            log.warn("could not release inbox claims: {} (they lapse after {} s)", e.getMessage(), CLAIM_LEASE.toSeconds());
        }
    }

    /** Waits until no row of {@code transport} (any when null) is loaded or pending; false on timeout. */
    boolean awaitIdle(String transport, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            lock.lock();
            try {
                boolean memoryIdle = transport == null ? loaded == 0 : inFlightByTransport.getOrDefault(transport, 0) == 0;
                if (memoryIdle) {
                    int pending = 0;
                    if (transport != null) pending = inbox.pendingCount(transport);
                    else for (String t : transports) pending += inbox.pendingCount(t);
                    if (pending == 0) return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                idle.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops taking rows, lets in-flight handlers finish (up to {@code grace}), then ends every thread. */
    void stop(Duration grace) throws InterruptedException {
        stopping = true;
        inbox.betweenHandoffs(incoming::stop);
        wake();
        if (loop != null) loop.join(grace.toMillis());
        pool.shutdown();
        if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("handlers still running after {} s; interrupting them (their updates stay pending)",
                    grace.toSeconds());
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        // A terminated pool's threads may still be finishing their last instructions: wait until they are gone.
        for (Thread t : workerThreads) t.join(1000);
        List<Long> unstartedIds;
        lock.lock();
        try {
            // Chats whose drain task never ran (the pool was cut short): their rows were not started either. With a
            // handler still running, its row is left counted (once too often rather than once too few).
            if (pool.isTerminated()) {
                for (Deque<Inbox.Row> q : queues.values()) forget(q);
                queues.clear();
            }
            drainIncoming();
            unstartedIds = List.copyOf(unstarted);
            unstarted.clear();
        } finally {
            lock.unlock();
        }
        if (!marks.flush()) {
            log.warn("{} handled updates could not be marked done; they are handled again at the next start",
                    marks.queued());
        }
        try {
            inbox.unstart(unstartedIds);
        } catch (RuntimeException e) {
            log.warn("{} updates left unstarted are counted as interrupted once: {}", unstartedIds.size(),
                    e.getMessage());
        }
        inbox.closeJournal(); // before the release: rows still in the journal are released with the others
        releaseQuietly(owner); // other replicas may take our unstarted rows at once
    }

    /** Whether {@link #stop} has begun: no row is started from then on. */
    boolean stopping() {
        return stopping;
    }

    /** This dispatcher's name in the inbox's claims. */
    String owner() {
        return owner;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
