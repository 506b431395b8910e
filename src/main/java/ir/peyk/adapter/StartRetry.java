package ir.peyk.adapter;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps trying to start a transport that could not be reached at start, in the background, with a doubling wait,
 * while the others run: a messenger that is down for a while is not dropped for good. A WARN at most once a minute
 * says it is still down; a refusal (token, conflict) ends the retries with the operator's line.
 */
final class StartRetry {
    /** What the bot does with the outcome. */
    interface Listener {
        void waiting(Transport t, String problem, Duration next);

        void started(Transport t);

        void gaveUp(Transport t, String line);
    }

    private static final Logger log = LoggerFactory.getLogger(StartRetry.class);
    private static final long WARN_EVERY_MS = 60_000;

    private final Transport transport;
    private final String receiving;
    private final StartedTransports running;
    private final Duration first;
    private final Duration max;
    private final Listener listener;
    private volatile boolean stopped;
    private Thread thread;

    StartRetry(Transport transport, String receiving, StartedTransports running, Duration first, Duration max,
               Listener listener) {
        this.transport = transport;
        this.receiving = receiving;
        this.running = running;
        this.first = first;
        this.max = max;
        this.listener = listener;
    }

    void start(String problem) {
        listener.waiting(transport, problem, first);
        thread = new Thread(() -> run(problem), "peyk-start-" + transport.name());
        thread.setDaemon(true); // a bot that stops must not wait for a messenger that never came up
        thread.start();
    }

    private void run(String firstProblem) {
        Duration wait = first;
        long lastWarn = System.currentTimeMillis(); // the start itself told the operator
        int attempt = 1;
        while (!stopped) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) return;
            attempt++;
            StartedTransports.Attempt a = running.start(transport, receiving);
            if (stopped) return;
            if (a.started()) {
                listener.started(transport);
                return;
            }
            if (!a.retry()) {
                listener.gaveUp(transport, a.problem());
                return;
            }
            wait = wait.multipliedBy(2).compareTo(max) > 0 ? max : wait.multipliedBy(2);
            long now = System.currentTimeMillis();
            if (now - lastWarn >= WARN_EVERY_MS) {
                log.warn("{}: still not started after {} attempts ({}); next try in {} s", transport.name(), attempt,
                        a.problem(), wait.toSeconds());
                lastWarn = now;
            }
            listener.waiting(transport, a.problem(), wait);
        }
    }

    /** Ends the retries; a start in progress is interrupted. */
    void stop() throws InterruptedException {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
