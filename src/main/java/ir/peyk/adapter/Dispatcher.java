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
 * pool, rows of one key strictly one after another in arrival order. A handler that throws, or a row that no longer
 * decodes, is logged and marked failed; the loop goes on. A row found already started {@value #MAX_ATTEMPTS} times
 * (it crashed the process each time) is given up rather than crash-looping the bot.
 */
final class Dispatcher {
    /** Handles one update; exceptions mark the row failed. */
    @FunctionalInterface
    interface Handler {
        void handle(Update update) throws Exception;
    }

    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int LOADED_MAX = 1000;
    private static final int FAIR_SLICE = 16;
    private static final Duration PRUNE_EVERY = Duration.ofHours(6);

    private final Inbox inbox;
    /** The transports whose rows are handled; grows when a transport that failed at start comes up later. */
    private final Set<String> transports = ConcurrentHashMap.newKeySet();
    /** Transports added after start, handed to the loop thread (which alone reads and moves {@code lastId}). */
    private final Queue<String> added = new ConcurrentLinkedQueue<>();
    /**
     * Loop thread only: for a transport added late, its rows at or below the {@code lastId} of that moment, which the
     * main query (ids above lastId) never returns: {afterId, upToId}.
     */
    private final Map<String, long[]> catchUp = new HashMap<>();
    private final Handler handler;
    private final ExecutorService pool;
    private final Duration retention;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Rows loaded into memory and not finished, by ordering key; a key present here has a task running or queued. */
    private final Map<String, Deque<Inbox.Row>> queues = new HashMap<>();
    private final Map<String, Integer> inFlightByTransport = new HashMap<>();
    private int loaded;
    private long lastId;
    private boolean wake;
    private volatile boolean stopping;
    private Thread loop;
    private final List<Thread> workerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    Dispatcher(Inbox inbox, Set<String> transports, Handler handler, int workers, Duration retention) {
        this.inbox = inbox;
        this.transports.addAll(transports);
        this.handler = handler;
        this.retention = retention;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "peyk-worker-" + n.incrementAndGet());
            t.setDaemon(false); // in-flight handling must finish before the JVM exits; stop() ends these threads
            workerThreads.add(t);
            return t;
        });
        inbox.onNew(this::wake);
    }

    void start() {
        loop = new Thread(this::run, "peyk-dispatch");
        loop.setDaemon(false);
        loop.start();
    }

    /** Starts handling the rows of {@code transport} too (one that started after the others), old rows included. */
    void addTransport(String transport) {
        added.add(transport);
        wake();
    }

    /** Tells the loop new rows may be pending. */
    void wake() {
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
        while (!stopping) {
            try {
                if (System.currentTimeMillis() >= nextPrune) {
                    int pruned = inbox.prune(retention);
                    if (pruned > 0) log.info("pruned {} finished inbox rows older than {}", pruned, retention);
                    nextPrune = System.currentTimeMillis() + PRUNE_EVERY.toMillis();
                }
                for (String t; (t = added.poll()) != null; ) {
                    if (transports.add(t)) catchUp.put(t, new long[]{0, lastId});
                }
                int room;
                lock.lock();
                try {
                    wake = false;
                    room = LOADED_MAX - loaded;
                } finally {
                    lock.unlock();
                }
                List<Inbox.Row> rows;
                boolean catchingUp = !catchUp.isEmpty() && room > 0;
                if (catchingUp) {
                    Map.Entry<String, long[]> c = catchUp.entrySet().iterator().next();
                    long[] range = c.getValue();
                    List<Inbox.Row> some = inbox.pending(range[0], Set.of(c.getKey()), room);
                    rows = some.stream().filter(r -> r.id() <= range[1]).toList();
                    if (!rows.isEmpty()) range[0] = rows.get(rows.size() - 1).id();
                    if (some.size() < room || rows.size() < some.size()) catchUp.remove(c.getKey());
                } else {
                    rows = inbox.pending(lastId, transports, room);
                }
                lock.lock();
                try {
                    for (Inbox.Row row : rows) {
                        if (!catchingUp) lastId = Math.max(lastId, row.id());
                        loaded++;
                        inFlightByTransport.merge(row.transport(), 1, Integer::sum);
                        Deque<Inbox.Row> q = queues.get(row.orderingKey());
                        if (q == null) {
                            q = new ArrayDeque<>();
                            queues.put(row.orderingKey(), q);
                            q.add(row);
                            String key = row.orderingKey();
                            pool.execute(() -> drain(key));
                        } else {
                            q.add(row);
                        }
                    }
                    // Sleep until a submit or a finished row (when full) says there is more; poll now and then anyway.
                    if (!wake && !stopping && !catchingUp && (rows.size() < room || room == 0)) {
                        changed.await(1, TimeUnit.SECONDS);
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

    /** Runs the rows of one ordering key in order; yields the worker after a slice so a busy chat cannot hog it. */
    private void drain(String key) {
        for (int i = 0; i < FAIR_SLICE; i++) {
            Inbox.Row row;
            lock.lock();
            try {
                Deque<Inbox.Row> q = queues.get(key);
                row = stopping || q == null ? null : q.peek();
                if (row == null) {
                    // Stopping: rows not started stay pending in the inbox for the next start.
                    if (q != null) forget(q);
                    queues.remove(key);
                    changed.signalAll();
                    return;
                }
            } finally {
                lock.unlock();
            }
            handle(row);
            lock.lock();
            try {
                queues.get(key).poll();
                loaded--;
                inFlightByTransport.merge(row.transport(), -1, Integer::sum);
                changed.signalAll();
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
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void forget(Deque<Inbox.Row> q) {
        for (Inbox.Row r : q) {
            loaded--;
            inFlightByTransport.merge(r.transport(), -1, Integer::sum);
        }
        q.clear();
    }

    private void handle(Inbox.Row row) {
        try {
            if (row.attempts() >= MAX_ATTEMPTS) {
                log.error("{}: update {} was interrupted {} times (did it crash the bot?); giving up on it",
                        row.transport(), row.key(), row.attempts());
                inbox.failed(row.id(), "interrupted " + row.attempts() + " times");
                return;
            }
            if (row.attempts() > 0) {
                log.warn("{}: resuming update {} whose handling was interrupted (attempt {})", row.transport(),
                        row.key(), row.attempts() + 1);
            }
            inbox.started(row.id());
            Update update;
            try {
                update = Inbox.decode(row.json());
            } catch (Exception e) {
                log.warn("{}: stored update {} cannot be read back, skipped: {}", row.transport(), row.key(),
                        e.getMessage());
                inbox.failed(row.id(), "unreadable: " + e.getMessage());
                return;
            }
            try {
                handler.handle(update);
                inbox.done(row.id());
            } catch (Exception | StackOverflowError | LinkageError e) {
                String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                log.warn("{}: handling update {} failed, skipped: {}", row.transport(), row.key(), why);
                log.debug("handler failure", e);
                inbox.failed(row.id(), why);
            }
        } catch (RuntimeException e) {
            // The store itself failed; the row stays pending and is retried at the next start.
            log.error("{}: update {} could not be marked in the store: {}", row.transport(), row.key(), e.getMessage());
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
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops taking rows, lets in-flight handlers finish (up to {@code grace}), then ends every thread. */
    void stop(Duration grace) throws InterruptedException {
        stopping = true;
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
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
