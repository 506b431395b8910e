package ir.peyk.transport.http;

import java.time.Duration;
import java.util.Optional;

/** Per-platform: turns an HTTP status and body into an {@link Outcome}. */
@FunctionalInterface
public interface ResponseReader {
    Outcome read(int httpStatus, String body, String retryAfterHeader);

    /**
     * The pause a response's status line and headers already call for, before its body is read: reading the body
     * hands the connection to the next call, so the token's other calls must be stopped first. By default a 429 with
     * a {@code Retry-After} in seconds; {@link #read} may lengthen the pause once the body says more.
     */
    default Optional<Duration> pauseBeforeBody(int httpStatus, String retryAfterHeader) {
        return httpStatus == 429 ? Responses.retryAfter(retryAfterHeader) : Optional.empty();
    }
}
