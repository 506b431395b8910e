package ir.peyk.adapter;

/**
 * Hears about transports that could not be reached at start and are retried in the background (for /health).
 */
public interface StartListener {
    /** Not running yet: {@code detail} says why and when the next try is. */
    void retrying(String transport, String mode, String detail);

    /** It runs ({@code started}), or it was given up with {@code detail}, the operator's line. */
    void ended(String transport, String mode, boolean started, String detail);
}
