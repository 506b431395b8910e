package ir.peyk.store;

import java.util.concurrent.TimeUnit;

/**
 * Whether one row that work on other threads runs ahead of was stored. On SQLite a polled update reaches its worker
 * before the transaction storing it has committed, so its handler runs meanwhile; whatever the handler does that
 * outlives the process — a reply, a write to this store — waits for the row's gate ({@link #awaitCurrent}, called by
 * {@link Database}'s writes and by the transport the handler is given). So a reply is never sent, nor a write kept,
 * for an update that was not stored (a duplicate, or a transaction that rolled back); and a batch's commit does not
 * come before its handling starts. (A poller running a lone update itself does so after the commit.)
 *
 * <p>A gate is decided once: {@link #committed} or {@link #rolledBack}. A thread waiting for it spins for a short
 * while first (the commit is due within a fraction of a millisecond; parking would add a thread wake-up).
 */
public final class CommitGate {
    private static final ThreadLocal<CommitGate> CURRENT = new ThreadLocal<>();
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(300);
    private static final int PENDING = 0;
    private static final int COMMITTED = 1;
    private static final int ROLLED_BACK = 2;
    private volatile int state = PENDING;

    public void committed() {
        decide(COMMITTED);
    }

    public void rolledBack() {
        decide(ROLLED_BACK);
    }

    /** The first outcome stands (a row's gate shut as a duplicate stays shut when its transaction commits). */
    private synchronized void decide(int outcome) {
        if (state != PENDING) return;
        state = outcome;
        notifyAll();
    }

    /** Whether it is not decided yet. */
    public boolean pending() {
        return state == PENDING;
    }

    /** Waits until the transaction ends; true when it committed. An interrupt is kept for the caller. */
    public boolean await() {
        long end = System.nanoTime() + SPIN_NANOS;
        while (state == PENDING && System.nanoTime() - end < 0) Thread.onSpinWait();
        if (state == PENDING) {
            boolean interrupted = false;
            synchronized (this) {
                while (state == PENDING) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the commit is moments away: finish waiting, then pass the interrupt on
                    }
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
        return state == COMMITTED;
    }

    /** Makes this the gate of the current thread's work until {@link #leave}. */
    public void enter() {
        CURRENT.set(this);
    }

    public static void leave() {
        CURRENT.remove();
    }

    /** The current thread's gate, or null. */
    public static CommitGate current() {
        return CURRENT.get();
    }

    /**
     * Before an effect: waits for the current thread's gate, if it has one; fails when that transaction rolled back
     * (the update being handled was not stored, and the platform will send it again).
     */
    public static void awaitCurrent() {
        CommitGate g = CURRENT.get();
        if (g != null) g.require("the update being handled was not stored (a duplicate, or its transaction failed), "
                + "so nothing it does is kept");
    }

    /** Waits for the transaction; fails with {@code notStored} when it rolled back. */
    public void require(String notStored) {
        if (!await()) throw new StoreException(notStored, null);
    }
}
