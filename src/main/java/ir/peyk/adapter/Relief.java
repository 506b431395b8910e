package ir.peyk.adapter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounds how long a poller's own handling of a lone update ({@link Dispatcher#keepLone}) holds up its polling: a
 * handler may wait for a chat's send throttle, retry a failed send, or fetch a page. When one run lasts longer than
 * {@code max}, a watcher thread calls {@code successor} — which starts another thread polling — and the run's thread
 * learns at its end ({@link #end}) that it is no longer the poller.
 *
 * <p>The watcher sleeps while no run is on; a run wakes it once, and it sleeps until that run's deadline.
 */
final class Relief implements AutoCloseable {
    /** One lone update being handled, since {@code startNanos}. */
    static final class Run {
        private final long startNanos = System.nanoTime();
        /** Set by the watcher once it took the run: whether another thread polls now. */
        private volatile Boolean relieved;
    }

    private final long maxNanos;
    private final Runnable successor;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private final Thread watcher;
    /** The watcher is parked with no deadline: a run must wake it. */
    private volatile boolean asleep;
    private volatile boolean closed;

    Relief(String name, Duration max, Runnable successor) {
        this.maxNanos = max.toNanos();
        this.successor = successor;
        this.watcher = new Thread(this::watch, name);
        watcher.setDaemon(true);
        watcher.start();
    }

    /** A run starts on this thread. */
    Run begin() {
        Run run = new Run();
        current.set(run);
        if (asleep) LockSupport.unpark(watcher);
        return run;
    }

    /** The run ended; false when it was relieved (another thread polls now). */
    boolean end(Run run) {
        if (current.compareAndSet(run, null)) return true;
        // The watcher took the run just now and is starting the successor: its verdict comes in a moment.
        while (run.relieved == null) Thread.yield();
        return !run.relieved;
    }

    private void watch() {
        while (!closed) {
            Run run = current.get();
            if (run == null) {
                asleep = true;
                // checked again after saying so: begin() sets the run before it looks whether to wake us
                if (current.get() == null && !closed) LockSupport.park(this);
                asleep = false;
                continue;
            }
            long left = run.startNanos + maxNanos - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(this, left);
            } else if (current.compareAndSet(run, null)) {
                try {
                    successor.run();
                    run.relieved = true;
                } catch (RuntimeException | Error e) {
                    // The run's thread goes on polling when it ends: polling waits for it, nothing is lost.
                    run.relieved = false;
                    org.slf4j.LoggerFactory.getLogger(Relief.class).error("could not start a relief poller: {}",
                            e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(watcher);
    }
}
