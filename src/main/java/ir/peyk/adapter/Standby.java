package ir.peyk.adapter;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One worker woken ahead of the rows a poll is about to store, so waking it overlaps the store's commit. A quiet bot's
 * update otherwise pays for both one after the other: the commit, then a parked worker's wake-up (50–70 µs on a busy
 * two-core machine). The woken worker spins for a short while; when the store hands it a chat ({@link #hand}) it
 * handles it at once, else it goes back to the pool. Every row is still stored, committed, before its handler runs:
 * only the waiting overlaps.
 */
final class Standby {
    /** How long a woken worker waits for rows before it gives up (a store that failed, or a slow commit). */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(
            Long.getLong("peyk.dispatch.standbyMicros", 1_000));
    private static final Object WAITING = new Object();
    /** null: none woken; {@link #WAITING}: one woken (or about to be) and waiting; a String: the chat handed to it. */
    private final AtomicReference<Object> slot = new AtomicReference<>();

    /** Whether the caller should wake a worker to run {@link #await}: none is waiting yet. */
    boolean arm() {
        return slot.compareAndSet(null, WAITING);
    }

    /** The worker woken after {@link #arm} could not be started. */
    void disarm() {
        slot.compareAndSet(WAITING, null);
    }

    /** Gives the chat {@code key} to the waiting worker; false when none waits (start a worker as usual). */
    boolean hand(String key) {
        return slot.compareAndSet(WAITING, key);
    }

    /** On the woken worker: the chat handed to it within {@link #SPIN_NANOS}, or null. */
    String await() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (true) {
            Object s = slot.get();
            if (s instanceof String key) {
                slot.set(null);
                return key;
            }
            if (System.nanoTime() - deadline < 0) {
                Thread.onSpinWait();
            } else if (slot.compareAndSet(WAITING, null)) {
                return null;
            } // else a chat was handed just now: the next turn takes it
        }
    }
}
