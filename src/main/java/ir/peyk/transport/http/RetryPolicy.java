package ir.peyk.transport.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for 5xx and network errors; 429s wait what the platform asked.
 *
 * @param maxAttempts    attempts in all (first try included) before giving up on transient errors
 * @param baseDelay      first backoff
 * @param maxDelay       backoff cap
 * @param maxRetryAfter  a retry_after longer than this is not waited out inside one call (it fails UNAVAILABLE)
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));
    /** The start's getMe: one attempt; a transport that cannot be reached is retried in the background instead. */
    public static final RetryPolicy START =
            new RetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration backoff(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(20, attempt - 1)));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }
}
