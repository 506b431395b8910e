package ir.peyk.broadcast;

import ir.peyk.adapter.Transport;
import ir.peyk.store.Subscribers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the rows of running jobs through each recipient's transport — concurrently across chats, at the pace the
 * transports' throttled API layer allows — and records the results in batched commits.
 *
 * <p><b>Durability and the duplicate window.</b> One dispatcher thread claims rows (marking them {@code sending} in
 * the claim's commit), hands them to {@code concurrency} sender threads, and records results in commits of at most
 * {@code flushEvery} rows or {@code flushInterval}, whichever comes first. It never holds more than {@code window}
 * rows claimed-but-unrecorded. Therefore, if the process dies (kill -9, power cut excepted below):
 * <ul>
 *   <li>no recipient is lost: a row becomes {@code sent} only after its send returned, and a row left
 *       {@code sending} goes back to pending when the next worker takes over (see {@link WorkerLease});</li>
 *   <li>at most {@code window} recipients (100 by default) get the message twice — only those whose send completed
 *       but whose result was not yet committed: in practice the sends of the last {@code flushInterval} (1 s) before
 *       the crash, at 30 messages/s about 30.</li>
 * </ul>
 * The store runs SQLite WAL with {@code synchronous=NORMAL}: a process crash loses no commit; an OS crash or power cut
 * may roll back the last commits, which can add duplicates for those rows but still loses nobody.
 *
 * <p>After a restart the worker finds running jobs by itself: {@link #start()} is all a bot needs.
 */
public final class BroadcastWorker implements WorkerSignals, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BroadcastWorker.class);
    private static final DeliveryResult WAKE = new DeliveryResult(null, DeliveryResult.Kind.RELEASED, null, 0);
    private static final long IDLE_POLL_MILLIS = 500;

    private final BroadcastStore store;
    private final DeliveryQueue queue;
    private final Map<String, Transport> transports;
    private final WorkerSettings settings;
    private final WorkerLease lease;
    private final ProgressNotifier notifier;
    private final DeliverySender sender;
    /** The schedule shared with other replicas' workers (PostgreSQL), or null: the transport's throttle alone paces. */
    private final SharedPace pace;
    private final LinkedBlockingQueue<DeliveryResult> results = new LinkedBlockingQueue<>();
    /** Jobs no longer running (cancelled): their queued rows are skipped, not sent. */
    private final Set<Long> stopped = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> texts = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final ScheduledExecutorService background;
    private final Thread dispatcher;
    private volatile boolean stopping;
    private volatile boolean leader;

    /**
     * @param transports the running transports by name; rows of other transports wait for a worker that has theirs
     */
    public BroadcastWorker(BroadcastStore store, Subscribers subscribers, Map<String, Transport> transports,
                           WorkerSettings settings) {
        this(store, subscribers, transports, settings, 0);
    }

    /**
     * @param sharedPerSecond when above 0, every send first takes a slot of a schedule kept in the store at this rate
     *                        per transport ({@link SharedPace}): the rate holds across all replicas on one database
     */
    public BroadcastWorker(BroadcastStore store, Subscribers subscribers, Map<String, Transport> transports,
                           WorkerSettings settings, double sharedPerSecond) {
        this.pace = sharedPerSecond > 0 ? new SharedPace(store.db(), sharedPerSecond) : null;
        this.store = store;
        this.queue = store.queue();
        this.transports = Map.copyOf(transports);
        this.settings = settings;
        this.lease = new WorkerLease(store.db(), "worker-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8), settings.leaseTimeout());
        this.notifier = new ProgressNotifier(store, this.transports);
        this.sender = new DeliverySender(this.transports, subscribers, settings, () -> stopping);
        this.senders = Executors.newFixedThreadPool(settings.concurrency(), daemon("peyk-broadcast-send"));
        this.background = Executors.newSingleThreadScheduledExecutor(daemon("peyk-broadcast-progress"));
        this.dispatcher = daemon("peyk-broadcast").newThread(this::loop);
    }

    /** Starts sending; running jobs left by an earlier process are resumed. */
    public void start() {
        dispatcher.start();
        long every = settings.progressInterval().toMillis();
        background.scheduleWithFixedDelay(this::report, every, every, TimeUnit.MILLISECONDS);
    }

    /** A job was confirmed or cancelled in this process: look now rather than at the next idle poll. */
    @Override
    public void wake() {
        results.offer(WAKE);
    }

    /** A job was cancelled in this process: stop its queued rows at once. */
    @Override
    public void cancelled(long jobId) {
        stopped.add(jobId);
        wake();
    }

    /** Whether this worker holds the lease (is the one sending). */
    public boolean isLeader() {
        return leader;
    }

    /**
     * Stops claiming; rows queued but not started go back to pending, sends in flight finish and are recorded, and
     * the lease is released so the next worker starts at once. Waits at most {@code grace}.
     */
    public void stop(Duration grace) {
        stopping = true;
        wake();
        try {
            dispatcher.join(Math.max(1, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dispatcher.isAlive()) {
            log.warn("broadcast worker: sends still in flight after {} ms; their rows are resent after a restart",
                    grace.toMillis());
            senders.shutdownNow();
        } else {
            senders.shutdown();
        }
        background.shutdownNow();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private void loop() {
        List<DeliveryResult> buffer = new ArrayList<>();
        int outstanding = 0; // rows claimed and not yet recorded: never more than the window
        int minClaim = Math.max(1, settings.window() / 4);
        long lastFlush = System.currentTimeMillis();
        long lastBeat = 0;
        long lastRefresh = 0;
        long nextClaim = 0;
        while (true) {
            long now = System.currentTimeMillis();
            try {
                if (now - lastBeat >= settings.heartbeat().toMillis()) { // also while stopping: sends are in flight
                    beat();
                    lastBeat = now;
                }
                drain(buffer);
                // Commit every flushEvery results or flushInterval — or at once when nothing else is in flight
                // (the end of a job need not wait for the interval).
                boolean due = buffer.size() >= settings.flushEvery() || buffer.size() == outstanding
                        || now - lastFlush >= settings.flushInterval().toMillis() || stopping;
                if (!buffer.isEmpty() && due) {
                    queue.record(lease.owner(), buffer, now);
                    outstanding -= buffer.size();
                    buffer.clear();
                    lastFlush = now;
                    if (outstanding == 0) lastRefresh = 0; // a job may have just ended: look now
                }
                if (stopping && outstanding == 0) break;
                if (now - lastRefresh >= IDLE_POLL_MILLIS) {
                    refreshJobs();
                    if (leader && !queue.completeFinished(now).isEmpty()) background.execute(this::report);
                    lastRefresh = now;
                }
                int free = settings.window() - outstanding;
                if ((leader || lease.parallel()) && !stopping && free >= minClaim && now >= nextClaim) {
                    List<Delivery> rows = queue.claim(lease.owner(), transports.keySet(), free, now);
                    int claimed = rows.size();
                    outstanding += claimed; // before dispatching: every claimed row comes back as a result
                    dispatch(rows);
                    // Nothing to claim: look again shortly, not on every result that comes back.
                    if (claimed == 0) nextClaim = now + Math.min(IDLE_POLL_MILLIS, nextDueIn(now));
                }
                boolean idle = outstanding == 0;
                long wait = idle ? Math.max(0, nextClaim - now) : 50;
                if (!buffer.isEmpty()) wait = Math.min(wait, lastFlush + settings.flushInterval().toMillis() - now);
                wait = Math.min(wait, lastBeat + settings.heartbeat().toMillis() - now);
                DeliveryResult r = results.poll(Math.max(1, wait), TimeUnit.MILLISECONDS);
                if (r == WAKE) {
                    nextClaim = 0;
                    lastRefresh = 0;
                } else if (r != null) {
                    buffer.add(r);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // The store failed (disk full, locked too long): results stay in the buffer; try again shortly.
                log.error("broadcast worker: {}; retrying in 1 s", e.getMessage());
                sleepQuietly(1000);
            }
        }
        if (outstanding == 0) lease.release();
        leader = false;
    }

    private void beat() {
        int[] requeued = {0};
        boolean was = leader;
        if (lease.parallel()) lease.beatWorker();
        leader = lease.acquireOrRenew(requeued);
        if (leader && was && lease.parallel()) {
            int dead = lease.requeueDead();
            if (dead > 0) log.warn("broadcast: {} rows of a worker gone silent go out again", dead);
        }
        if (leader && !was) {
            log.info("broadcast worker {} is sending{}", lease.owner(),
                    requeued[0] > 0 ? "; " + requeued[0] + " rows of a stopped worker go out again" : "");
        } else if (!leader && was) {
            log.warn("broadcast worker lost its lease (stalled longer than {} ms); another worker took over",
                    settings.leaseTimeout().toMillis());
        }
    }

    /** Millis until the earliest waiting retry is due (a long time when none waits). */
    private long nextDueIn(long now) {
        OptionalLong due = queue.nextDue(transports.keySet());
        return due.isPresent() ? Math.max(1, due.getAsLong() - now) : Long.MAX_VALUE;
    }

    private void drain(List<DeliveryResult> buffer) {
        List<DeliveryResult> got = new ArrayList<>();
        results.drainTo(got);
        for (DeliveryResult r : got) if (r != WAKE) buffer.add(r);
    }

    /** Learns which jobs run now: texts of new ones, and which stopped (cancelled elsewhere, e.g. from the CLI). */
    private void refreshJobs() {
        Set<Long> running = ConcurrentHashMap.newKeySet();
        for (Job j : store.running()) {
            running.add(j.id());
            texts.putIfAbsent(j.id(), j.text());
            stopped.remove(j.id());
        }
        for (Long id : texts.keySet()) {
            if (!running.contains(id)) {
                stopped.add(id);
                texts.remove(id);
            }
        }
    }

    /** Hands rows to the senders; a row that cannot be handed over goes back to pending, never stays claimed. */
    private void dispatch(List<Delivery> rows) {
        for (Delivery d : rows) {
            try {
                String text = texts.computeIfAbsent(d.jobId(), id -> store.job(id).map(Job::text).orElse(null));
                senders.execute(() -> results.offer(deliver(d, text)));
            } catch (RuntimeException e) {
                log.error("broadcast worker: row {} could not be handed to a sender ({}); it is sent later", d.id(),
                        e.getMessage());
                results.offer(DeliveryResult.released(d));
            }
        }
    }

    /** Sends one row; never throws, so every claimed row comes back as a result. */
    private DeliveryResult deliver(Delivery d, String text) {
        if (text == null || stopped.contains(d.jobId())) return DeliveryResult.skipped(d);
        if (stopping) return DeliveryResult.released(d);
        if (pace != null) {
            try {
                pace.await(d.transport());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DeliveryResult.released(d);
            } catch (RuntimeException e) {
                return DeliveryResult.released(d); // the store failed: the row goes back to pending, sent later
            }
        }
        return sender.send(d, text);
    }

    private void report() {
        if (!leader) return;
        try {
            notifier.tick();
        } catch (RuntimeException e) {
            log.warn("broadcast progress: {}", e.getMessage());
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
