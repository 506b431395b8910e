package ir.peyk.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of the dispatcher's handling marks: the started mark of a row before its handler runs, the done or
 * failed mark after. Marks queue up and are written in ONE transaction per batch, by whichever worker finds no write
 * in progress; the others add to the queue and go on (a done mark) or wait for the commit that carries theirs (a
 * started mark; and a done mark's worker, before it starts a row that needs no started mark: {@link #await}). So on
 * a busy bot one commit carries the marks of several rows, and on a quiet one a mark is
 * committed at once, as before: a reply is never held back for a batch to fill.
 *
 * <p>Marks are written in the order queued, so the commit of a row's started mark also commits every mark queued
 * before it (the previous row of the same chat was marked done first). When the store fails, a started mark fails
 * to its waiter (the row stays pending and is tried again) and done/failed marks stay queued, written by the next
 * batch or by {@link #flush} (the dispatcher's loop calls it whenever it wakes).
 */
final class InboxMarks {
    private static final Logger log = LoggerFactory.getLogger(InboxMarks.class);

    enum Kind { STARTED, DONE, FAILED }

    /** One mark; {@code at} is when the row finished (done, failed). */
    record Mark(long id, Kind kind, String error, long at) {}

    /** A mark's waiter: told when the commit carrying it ended, and how. */
    static final class Waiter {
        boolean settled;
        RuntimeException error;
    }

    private final Inbox inbox;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private List<Mark> queue = new ArrayList<>();
    private List<Waiter> waiters = new ArrayList<>();
    private boolean writing;
    /** Whether the last write failed: logged once when the store goes, once when it is back. */
    private boolean failing;

    InboxMarks(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Queues row {@code id}'s started mark and returns once it is committed; throws when the store failed. */
    void started(long id) {
        Waiter w = enqueue(new Mark(id, Kind.STARTED, null, 0));
        await(w);
        if (w.error != null) throw w.error;
    }

    /**
     * Queues a finished row's mark ({@code error} null: done); written at once unless a write is in progress. The
     * waiter returned settles when the commit carrying it ended ({@link #await}; when that failed, the mark stays
     * queued for the next write).
     */
    Waiter finished(long id, String error) {
        return enqueue(new Mark(id, error == null ? Kind.DONE : Kind.FAILED, error, System.currentTimeMillis()));
    }

    /** Queues {@code m}, written at once unless a write is in progress; its waiter settles with that commit. */
    private Waiter enqueue(Mark m) {
        Waiter w = new Waiter();
        lock.lock();
        try {
            queue.add(m);
            waiters.add(w);
            if (!writing) writeQueued();
            return w;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the commit carrying {@code w}'s mark ended, writing the queue itself when no one else is. */
    void await(Waiter w) {
        lock.lock();
        try {
            while (!w.settled) {
                if (!writing) writeQueued();
                else settled.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is queued (marks left by a failed write); false when some are still not written. */
    boolean flush() {
        lock.lock();
        try {
            while (writing) settled.awaitUninterruptibly();
            writeQueued();
            return queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} (the claims' renewal) while no marks are written. On PostgreSQL a batch of marks and the
     * renewal each lock several of this process's rows, in no common order: run side by side they could deadlock,
     * and the renewal aborted for it would let the claims lapse. Marks queued meanwhile are written right after.
     */
    <T> T exclusively(java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            while (writing) settled.awaitUninterruptibly();
            writing = true;
        } finally {
            lock.unlock();
        }
        try {
            return work.get();
        } finally {
            lock.lock();
            try {
                writing = false;
                settled.signalAll();
                if (!queue.isEmpty()) writeQueued();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Marks queued and not yet written. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes batches while marks are queued; called with the lock held and no write in progress. The lock is let go
     * during the transaction, so other workers queue their marks meanwhile; they go into the next batch.
     */
    private void writeQueued() {
        writing = true;
        try {
            while (!queue.isEmpty()) {
                List<Mark> batch = queue;
                List<Waiter> batchWaiters = waiters;
                queue = new ArrayList<>();
                waiters = new ArrayList<>();
                RuntimeException failure = null;
                lock.unlock();
                try {
                    inbox.apply(batch);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.lock();
                }
                for (Waiter w : batchWaiters) {
                    w.settled = true;
                    w.error = failure;
                }
                if (failure == null && failing) {
                    failing = false;
                    log.info("inbox marks recorded after the store came back");
                }
                if (failure != null) {
                    if (!failing) {
                        failing = true;
                        log.error("handled updates cannot be marked in the store ({}); retrying until it is back",
                                failure.getMessage());
                    }
                    // Started marks are dropped (their rows are tried again); finished ones go back first in line.
                    List<Mark> keep = new ArrayList<>();
                    for (Mark m : batch) if (m.kind() != Kind.STARTED) keep.add(m);
                    keep.addAll(queue);
                    queue = keep;
                    for (Waiter w : waiters) { // queued meanwhile: fail too, rather than retry against a failing store
                        w.settled = true;
                        w.error = failure;
                    }
                    waiters = new ArrayList<>();
                    queue.removeIf(m -> m.kind() == Kind.STARTED);
                    return;
                }
            }
        } finally {
            writing = false;
            settled.signalAll();
        }
    }
}
