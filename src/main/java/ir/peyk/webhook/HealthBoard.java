package ir.peyk.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A thread-safe {@link HealthSource} that the running parts write into: the adapter marks each transport running,
 * failed or stopped; the inbox and the broadcaster plug in their pending counts as suppliers (read only when
 * {@code /health} or {@code /metrics} is asked).
 */
public final class HealthBoard implements HealthSource {
    private final Map<String, TransportStatus> transports = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile LongSupplier inboxPending = () -> -1;
    private volatile LongSupplier broadcastPending = () -> -1;

    public HealthBoard set(String transport, TransportStatus status) {
        transports.put(transport, status);
        return this;
    }

    public HealthBoard set(String transport, TransportStatus.State state, String mode, String detail) {
        return set(transport, new TransportStatus(state, mode, detail));
    }

    /** Marks a transport stopped, keeping its mode. */
    public HealthBoard stopped(String transport) {
        synchronized (transports) {
            TransportStatus s = transports.get(transport);
            transports.put(transport, new TransportStatus(TransportStatus.State.STOPPED, s == null ? null : s.mode(), null));
        }
        return this;
    }

    public HealthBoard inboxPending(LongSupplier supplier) {
        this.inboxPending = supplier;
        return this;
    }

    public HealthBoard broadcastPending(LongSupplier supplier) {
        this.broadcastPending = supplier;
        return this;
    }

    @Override
    public Map<String, TransportStatus> transports() {
        synchronized (transports) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(transports));
        }
    }

    @Override
    public long inboxPending() {
        return inboxPending.getAsLong();
    }

    @Override
    public long broadcastPending() {
        return broadcastPending.getAsLong();
    }
}
