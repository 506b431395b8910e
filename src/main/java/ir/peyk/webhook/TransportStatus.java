package ir.peyk.webhook;

/**
 * One transport's state as {@code /health} shows it.
 *
 * @param state  where it is in its life
 * @param mode   "polling", "webhook" or "send-only"
 * @param detail why it failed (token-free, one line), or null
 */
public record TransportStatus(State state, String mode, String detail) {
    public enum State { STARTING, RUNNING, FAILED, STOPPED }

    public static TransportStatus running(String mode) {
        return new TransportStatus(State.RUNNING, mode, null);
    }

    public static TransportStatus failed(String mode, String detail) {
        return new TransportStatus(State.FAILED, mode, detail);
    }
}
