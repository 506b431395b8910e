package ir.peyk.adapter;

import ir.peyk.metrics.Metrics;
import ir.peyk.store.Leadership;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transport's receive loop: poll → store in the inbox (in one transaction) → poll again from the next offset.
 * The dispatcher handles what was stored — except a lone update into a dispatcher with nothing to do, which the
 * polling thread handles itself once it is stored ({@link Dispatcher#keepLone}), polling again when it is answered
 * or, if that takes longer than {@link #LONE_MAX}, on a successor thread ({@link Relief}). Network trouble backs off
 * and goes on; a refused token or a 409 conflict ends this transport with one line for the operator; end of input
 * (the console) ends it quietly.
 *
 * <p>Only the leader polls ({@link Leadership}): with replicas on one PostgreSQL exactly one polls each token, and
 * when it dies another takes over within about a second, from the offset the inbox stored last.
 */
final class Poller implements Runnable {
    /** How a poller ended. */
    enum End { EXHAUSTED, FATAL, STOPPED }

    interface Listener {
        void ended(Poller poller, End how, String message);
    }

    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final Transport transport;
    private final Inbox inbox;
    private final Dispatcher dispatcher;
    /** The most updates one poll is expected to return (the Bot API's limit): room the dispatcher keeps for them. */
    private static final int BATCH = 100;
    /** The longest a lone update handled by the poller itself holds up polling ({@link Relief}). */
    static final Duration LONE_MAX = Duration.ofMillis(Long.getLong("peyk.poll.loneMaxMillis", 2));
    private final Listener listener;
    private final Leadership leadership;
    private volatile boolean running = true;
    /** The thread polling now; after a {@link Relief}, another than the first. */
    private volatile Thread thread;
    /** Every thread that polled, for {@link #join}: a relieved one may still be finishing its update. */
    private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The thread handling a lone update now, if one is: {@link #stop} does not interrupt its handler. */
    private final java.util.concurrent.atomic.AtomicReference<Thread> handling =
            new java.util.concurrent.atomic.AtomicReference<>();
    private Relief relief;

    // The loop's state: one thread at a time runs the loop (a successor starts once its predecessor has stopped
    // writing these, after the relief's hand-over, which orders the writes before the successor's reads).
    private String offset;
    private boolean leading;
    private boolean announced;
    private long backoff = 500;
    private End end = End.STOPPED;
    private String message;

    Poller(Transport transport, Inbox inbox, Dispatcher dispatcher, Listener listener, Leadership leadership) {
        this.leadership = leadership;
        this.transport = transport;
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.listener = listener;
    }

    Transport transport() {
        return transport;
    }

    void start() {
        relief = new Relief("peyk-poll-relief-" + transport.name(), LONE_MAX, this::succeed);
        succeed();
    }

    /** Starts a thread running the loop: the first, or a successor while a lone update holds up the last one. */
    private void succeed() {
        Thread t = new Thread(this, "peyk-poll-" + transport.name());
        t.setDaemon(false);
        threads.add(t);
        thread = t;
        t.start();
    }

    @Override
    public void run() {
        if (!loop()) return; // relieved: another thread polls, and ends the loop when it ends
        leadership.close();
        relief.close();
        listener.ended(this, end, message);
    }

    /** Polls until stopped or ended; false when relieved (another thread polls now). */
    private boolean loop() {
        String name = transport.name();
        boolean relieved = false;
        while (running && !relieved) {
            if (transport.exhausted()) {
                end = End.EXHAUSTED;
                break;
            }
            try {
                if (!leadership.lead()) {
                    if (leading) log.warn("{}: lost the polling lead; another replica polls now", name);
                    else if (!announced) log.info("{}: another replica polls this token; standing by", name);
                    leading = false;
                    announced = true;
                    if (!pause(1000)) break;
                    continue;
                }
                if (!leading) {
                    offset = inbox.offset(name); // the last leader's, when there was one
                    if (announced) log.warn("{}: took over polling from offset {} (the last leader stopped)", name, offset);
                    leading = true;
                }
                dispatcher.awaitRoom(BATCH, Duration.ofSeconds(1));
                Batch batch = transport.poll(offset);
                String next = batch.nextOffset() != null ? batch.nextOffset() : offset;
                if (!batch.items().isEmpty() || (next != null && !next.equals(offset))) {
                    // One update into a dispatcher with nothing to do: this thread runs it itself, once stored.
                    boolean lone = batch.items().size() == 1 && dispatcher.quiet();
                    if (lone) dispatcher.keepLone();
                    boolean stored = false;
                    try {
                        inbox.submit(name, new Batch(batch.items(), next));
                        stored = true;
                        offset = next;
                    } finally {
                        if (lone) relieved = !answerLone();
                    }
                    // Counted once handled, when this thread handles it: the count is no part of the reply's time.
                    for (int i = 0; stored && i < batch.items().size(); i++) Metrics.updateReceived(name, "polling");
                    if (relieved) break;
                }
                backoff = 500;
                if (transport.lockstep() && !batch.items().isEmpty()) {
                    while (running && !dispatcher.awaitIdle(name, Duration.ofSeconds(1))) {
                        // keep waiting: the console reads its next line only after the reply was printed
                    }
                }
            } catch (TransportException e) {
                if (!running) break;
                if (e.kind() == TransportException.Kind.UNAUTHORIZED || e.kind() == TransportException.Kind.CONFLICT) {
                    end = End.FATAL;
                    message = e.kind() == TransportException.Kind.CONFLICT ? e.getMessage() : StartedTransports.refusedLine(name, e);
                    break;
                }
                log.warn("{}: polling failed ({}); trying again in {} ms", name, e.getMessage(), backoff);
                if (!pause(backoff)) break;
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // E.g. the store failed: the offset did not move, so the platform will send the same updates again.
                if (!running) break;
                log.error("{}: could not store polled updates ({}); trying again in {} ms", name, e.getMessage(), backoff);
                if (relieved || !pause(backoff)) break;
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
        return !relieved;
    }

    /**
     * Runs the update the dispatcher kept for this thread; false when it took longer than {@link #LONE_MAX} and a
     * successor polls now. Polling waits for it meanwhile: the platform keeps what comes for the next poll.
     */
    private boolean answerLone() {
        // A lockstep transport (the console) reads its next input only once the reply is out: no relief.
        Relief.Run run = transport.lockstep() ? null : relief.begin();
        handling.set(Thread.currentThread());
        try {
            dispatcher.runLone();
        } finally {
            handling.compareAndSet(Thread.currentThread(), null); // a successor may be handling one of its own by now
        }
        return run == null || relief.end(run);
    }

    private boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Asks the loop to end and aborts a long poll in progress; a lone update being handled finishes. */
    void stop() {
        running = false;
        transport.stopPolling();
        Thread t = thread;
        if (t != null && t != handling.get()) t.interrupt();
        if (relief != null) relief.close();
    }

    /** Waits for every thread that polled to end (a relieved one finishes its update first). */
    void join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (t != Thread.currentThread() && left > 0) t.join(left);
        }
    }
}
