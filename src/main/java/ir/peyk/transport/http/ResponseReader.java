package ir.peyk.transport.http;

/** Per-platform: turns an HTTP status and body into an {@link Outcome}. */
@FunctionalInterface
public interface ResponseReader {
    Outcome read(int httpStatus, String body, String retryAfterHeader);
}
