package ir.peyk.adapter;

/**
 * Tells a poller that the answer to its poll has begun to arrive — the status line and headers are in, the body not
 * read yet — so that it can wake a worker while the body is read, parsed and stored ({@link Dispatcher#expect}).
 * A worker's wake-up (50–70 µs on a busy two-core machine) then overlaps that work instead of following it.
 *
 * <p>The signal travels on the polling thread: a transport's poll makes its calls on the thread that called it, and
 * the HTTP layer that reads them ({@code ApiCaller}) says {@link #arriving()} for a successful answer. It is only a
 * hint: an answer with no updates wakes a worker that waits a moment and goes back (once per long-poll timeout on a
 * quiet bot), and a transport that never says it costs only the overlap.
 */
public final class PollArrival {
    private static final ThreadLocal<Runnable> LISTENER = new ThreadLocal<>();

    private PollArrival() {}

    /** Polls {@code transport} on this thread with {@code onArrival} told, at most once, when its answer begins to arrive. */
    static Batch poll(Transport transport, String offset, Runnable onArrival) throws TransportException {
        LISTENER.set(onArrival);
        try {
            return transport.poll(offset);
        } finally {
            LISTENER.remove();
        }
    }

    /** An answer is arriving on this thread: tells the poll waiting for it, if there is one, the first time. */
    public static void arriving() {
        Runnable r = LISTENER.get();
        if (r == null) return;
        LISTENER.remove();
        r.run();
    }
}
