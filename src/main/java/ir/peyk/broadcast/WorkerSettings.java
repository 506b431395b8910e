package ir.peyk.broadcast;

import java.time.Duration;

/**
 * How the broadcast worker paces itself. The message rate is not here: every send goes through the transport's
 * throttled API layer, which applies the configured limits (overall, per chat, per group) and 429 waits.
 *
 * @param concurrency      sends in flight at once (across different chats)
 * @param window           rows one worker may hold claimed but not yet recorded — the most duplicates a crash can
 *                         cause (see {@link DeliveryQueue})
 * @param flushEvery       results recorded per commit, at most
 * @param flushInterval    a result waits at most this long for its commit
 * @param maxAttempts      sends of one row that ended UNAVAILABLE (the API layer's own retries already spent) before
 *                         the row is failed
 * @param retryDelay       wait before the second attempt; doubled for each further one
 * @param heartbeat        how often the worker renews its lease and looks for new jobs when idle
 * @param leaseTimeout     an unrenewed lease older than this is taken over (its holder died)
 * @param progressInterval how often the admin's progress message is edited
 */
public record WorkerSettings(int concurrency, int window, int flushEvery, Duration flushInterval, int maxAttempts,
                             Duration retryDelay, Duration heartbeat, Duration leaseTimeout,
                             Duration progressInterval) {
    public static final WorkerSettings DEFAULT = new WorkerSettings(8, 100, 50, Duration.ofSeconds(1), 3,
            Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(3));

    public WorkerSettings {
        if (concurrency < 1 || window < 1 || flushEvery < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("concurrency, window, flushEvery and maxAttempts must be at least 1");
        }
        if (leaseTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("leaseTimeout must be at least two heartbeats");
        }
    }

    public WorkerSettings withConcurrency(int n) {
        return new WorkerSettings(n, Math.max(window, n * 2), flushEvery, flushInterval, maxAttempts, retryDelay,
                heartbeat, leaseTimeout, progressInterval);
    }

    public WorkerSettings withRetry(int attempts, Duration delay) {
        return new WorkerSettings(concurrency, window, flushEvery, flushInterval, attempts, delay, heartbeat,
                leaseTimeout, progressInterval);
    }

    public WorkerSettings withLease(Duration beat, Duration timeout) {
        return new WorkerSettings(concurrency, window, flushEvery, flushInterval, maxAttempts, retryDelay, beat,
                timeout, progressInterval);
    }

    public WorkerSettings withProgressInterval(Duration d) {
        return new WorkerSettings(concurrency, window, flushEvery, flushInterval, maxAttempts, retryDelay, heartbeat,
                leaseTimeout, d);
    }
}
