package ir.peyk.adapter;

import ir.peyk.metrics.Metrics;
import ir.peyk.store.Leadership;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transport's receive loop: poll → store in the inbox (in one transaction) → poll again from the next offset.
 * The dispatcher handles what was stored. Network trouble backs off and goes on; a refused token or a 409 conflict
 * ends this transport with one line for the operator; end of input (the console) ends it quietly.
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
    /** The longest a poller waits for the reply to a lone update before it polls again ({@link Dispatcher#awaitLone}). */
    private static final Duration LONE_MAX = Duration.ofMillis(2);
    private final Listener listener;
    private final Leadership leadership;
    private volatile boolean running = true;
    /** What {@link Dispatcher#expect} said when this poll's answer began to arrive ({@link PollArrival}); null: not yet. */
    private Boolean expected;
    private Thread thread;

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
        thread = new Thread(this, "peyk-poll-" + transport.name());
        thread.setDaemon(false);
        thread.start();
    }

    @Override
    public void run() {
        String name = transport.name();
        String offset = null;
        boolean leading = false;
        boolean announced = false;
        long backoff = 500;
        End end = End.STOPPED;
        String message = null;
        while (running) {
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
                expected = null;
                Batch batch = PollArrival.poll(transport, offset, () -> expected = dispatcher.expect());
                String next = batch.nextOffset() != null ? batch.nextOffset() : offset;
                if (!batch.items().isEmpty() || (next != null && !next.equals(offset))) {
                    boolean idle = !batch.items().isEmpty() && (expected != null ? expected : dispatcher.expect());
                    inbox.submit(name, new Batch(batch.items(), next));
                    if (idle && batch.items().size() == 1) dispatcher.awaitLone(name, LONE_MAX);
                    for (int i = 0; i < batch.items().size(); i++) Metrics.updateReceived(name, "polling");
                    offset = next;
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
                if (!pause(backoff)) break;
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
        leadership.close();
        listener.ended(this, end, message);
    }

    private boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Asks the loop to end and aborts a long poll in progress. */
    void stop() {
        running = false;
        transport.stopPolling();
        if (thread != null) thread.interrupt();
    }

    void join(Duration timeout) throws InterruptedException {
        if (thread != null && thread != Thread.currentThread()) thread.join(timeout.toMillis());
    }
}
