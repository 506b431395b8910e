package ir.peyk.webhook;

import ir.peyk.adapter.StartRetry;
import ir.peyk.adapter.TransportException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each platform where to post, as a messenger's start does its getMe: a platform that cannot be reached
 * (UNAVAILABLE: network, 5xx, rate limits) is asked again in the background with the bot's {@link StartRetry} waits,
 * {@code /health} saying "starting" with why and when the next try is, a WARN at most once a minute; any other refusal
 * is final (failed on {@code /health}, one ERROR).
 */
final class Registrar implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    private static final long WARN_EVERY_MS = 60_000;

    private final HealthBoard health;
    private final StartRetry retry;
    private final String publicBase;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peyk-webhook-register");
        t.setDaemon(true); // a forgotten close must never keep the JVM alive
        return t;
    });

    /** @param publicBase the public URL without the route's path, for log lines (it holds no secret) */
    Registrar(HealthBoard health, StartRetry retry, String publicBase) {
        this.health = health;
        this.retry = retry;
        this.publicBase = publicBase;
    }

    /** Registers {@code r} at {@code url} (its full public URL; unused for a route set by hand) until it holds. */
    void register(Route r, String url) {
        register(r, url, retry.first(), 0);
    }

    private void register(Route r, String url, Duration wait, long lastWarnMillis) {
        if (r.registration() == null) {
            health.set(r.name(), TransportStatus.running("webhook"));
            return;
        }
        try {
            r.registration().register(url, r.platform().sendsSecretHeader() ? r.headerSecret() : null);
            health.set(r.name(), TransportStatus.running("webhook"));
            log.info("{}: webhook registered at {}{}", r.name(), publicBase, r.redactedPath());
        } catch (TransportException e) {
            String why = "webhook registration failed: " + e.getMessage();
            if (e.kind() != TransportException.Kind.UNAVAILABLE) {
                failed(r, why);
                return;
            }
            long now = System.currentTimeMillis();
            boolean warn = now - lastWarnMillis >= WARN_EVERY_MS;
            long seconds = Math.max(1, wait.toSeconds());
            if (warn) log.warn("{}: {}; trying again in {} s", r.name(), why, seconds);
            health.set(r.name(), TransportStatus.State.STARTING, "webhook",
                    "not reachable (" + why + "); next try in " + seconds + " s");
            long warned = warn ? now : lastWarnMillis;
            try {
                retries.schedule(() -> register(r, url, retry.next(wait), warned), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // the server is stopping: nothing more to register
            }
        } catch (RuntimeException e) {
            failed(r, "webhook registration failed: " + e.getMessage());
        }
    }

    private void failed(Route r, String why) {
        log.error("{}: {}", r.name(), why);
        health.set(r.name(), TransportStatus.failed("webhook", why));
    }

    /** Ends the retries (the server stops). */
    @Override
    public void close() {
        retries.shutdownNow();
    }
}
