package ir.peyk.adapter;

import java.time.Duration;

/**
 * The waits between tries to bring up a messenger that could not be reached at start — its getMe, and for one in
 * webhook mode also telling its platform the URL: {@code first}, doubling up to {@code max}.
 */
public record StartRetry(Duration first, Duration max) {
    public static final StartRetry DEFAULT = new StartRetry(Duration.ofSeconds(5), Duration.ofMinutes(5));

    /** The wait after {@code wait}: twice as long, at most {@code max}. */
    public Duration next(Duration wait) {
        Duration twice = wait.multipliedBy(2);
        return twice.compareTo(max) > 0 ? max : twice;
    }
}
