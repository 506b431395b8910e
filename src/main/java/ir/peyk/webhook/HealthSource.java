package ir.peyk.webhook;

import java.util.Map;

/**
 * What {@code GET /health} reports. {@link HealthBoard} is the ready-made, thread-safe implementation the adapter,
 * the inbox and the broadcaster write into; anything else can implement this directly.
 */
public interface HealthSource {
    /** Each transport's state, by name (config order). */
    Map<String, TransportStatus> transports();

    /** Updates stored in the inbox and not yet handled; -1 when unknown. */
    default long inboxPending() {
        return -1;
    }

    /** Broadcast deliveries still queued; -1 when unknown (or no broadcaster). */
    default long broadcastPending() {
        return -1;
    }
}
