package ir.peyk.adapter;

import ir.peyk.store.CommitGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one inbox row on a dispatcher worker: gives up a row interrupted {@value #MAX_ATTEMPTS} times, counts the row
 * as started before its handler runs, decodes it when it came from the store, runs the handler and queues the done
 * or failed mark. A worker starts a row only once its last reply is recorded, so a crash repeats at most one reply
 * per worker.
 */
final class RowRunner {
    /** Starts after which a row is given up: it crashed the process each time. */
    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RowRunner.class);

    private final InboxMarks marks;
    private final Dispatcher.Handler handler;
    /** Each worker's last finished row's mark, until a commit carried it. */
    private final ThreadLocal<InboxMarks.Waiter> unrecorded = new ThreadLocal<>();

    RowRunner(InboxMarks marks, Dispatcher.Handler handler) {
        this.marks = marks;
        this.handler = handler;
    }

    /**
     * Handles one row; false when the store failed before the handler ran (the row stays pending and claimed, to be
     * tried again). Once the handler ran, its result is recorded even if that takes retries: the reply is not sent
     * twice because the store blinked.
     */
    boolean run(Inbox.Row row) {
        try {
            if (row.attempts() >= MAX_ATTEMPTS) {
                log.error("{}: update {} was interrupted {} times (did it crash the bot?); giving up on it",
                        row.transport(), row.key(), row.attempts());
                marks.finished(row.id(), "interrupted " + row.attempts() + " times");
                return true;
            }
            if (row.attempts() > 0) {
                log.warn("{}: resuming update {} whose handling was interrupted (attempt {})", row.transport(),
                        row.key(), row.attempts() + 1);
            }
            // A worker starts a row only once its last reply is recorded, so a crash repeats at most one reply per
            // worker: a started mark's commit carries the last done mark (written in order); a row whose started mark
            // was stored with it waits for that commit, if it has not come yet.
            InboxMarks.Waiter last = unrecorded.get();
            unrecorded.remove();
            if (!row.startStored()) marks.started(row.id());
            else if (last != null) marks.await(last);
            Update update = row.decoded();
            if (update == null) {
                try {
                    update = Inbox.decode(row.json());
                } catch (Exception e) {
                    log.warn("{}: stored update {} cannot be read back, skipped: {}", row.transport(), row.key(),
                            e.getMessage());
                    marks.finished(row.id(), "unreadable: " + e.getMessage());
                    return true;
                }
            }
            CommitGate commit = row.commit();
            if (commit != null && !commit.pending() && !commit.await()) return notStored(row);
            String why = null;
            if (commit != null) commit.enter(); // its replies and writes wait for the row's commit
            try {
                handler.handle(update);
            } catch (Exception | StackOverflowError | LinkageError e) {
                why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                if (commit == null || commit.await()) {
                    log.warn("{}: handling update {} failed, skipped: {}", row.transport(), row.key(), why);
                    log.debug("handler failure", e);
                }
            } finally {
                CommitGate.leave();
            }
            if (commit != null && !commit.await()) return notStored(row);
            // Queued, and committed at once unless another worker is committing (then its next commit carries it):
            // a failed write keeps it queued until the store is back, so the reply is not sent twice for a blink.
            unrecorded.set(marks.finished(row.id(), why));
            return true;
        } catch (RuntimeException e) {
            // The store itself failed before the handler ran; the row stays pending and is tried again.
            log.error("{}: update {} could not be marked in the store: {}", row.transport(), row.key(), e.getMessage());
            return false;
        }
    }

    /**
     * A row handed over before it was stored that then was not: a duplicate of an update received before, or its
     * transaction rolled back (the poller receives it again). No mark: it is not in the store.
     */
    private static boolean notStored(Inbox.Row row) {
        log.info("{}: update {} was not stored (a duplicate, or its transaction failed); nothing its handler did is kept",
                row.transport(), row.key());
        return true;
    }
}
