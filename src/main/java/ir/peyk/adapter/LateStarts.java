package ir.peyk.adapter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transports of a {@link BotApp} that could not be reached at start, each tried again in the background with a
 * doubling wait while the others run: a messenger that is down for a while is not dropped for good. A WARN at most
 * once a minute says one is still down; a refusal (token, conflict) ends its retries with the operator's line.
 */
final class LateStarts {
    /** What the bot does with an outcome. */
    interface Bot {
        void started(Transport t, BotApp.Receive receive);

        void gaveUp(Transport t, String line);
    }

    private static final Logger log = LoggerFactory.getLogger(LateStarts.class);
    private static final long WARN_EVERY_MS = 60_000;

    private final StartedTransports running;
    private final StartRetry waits;
    private final Bot bot;
    /** Why each transport being retried is not running yet; gone once it starts or is given up. */
    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    private final List<StartListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    LateStarts(StartedTransports running, StartRetry waits, Bot bot) {
        this.running = running;
        this.waits = waits;
        this.bot = bot;
    }

    /** Counts {@code t} as waiting (before {@link #start}), so the bot knows a receiver may still come. */
    void expect(Transport t, String problem) {
        waiting.put(t.name(), problem);
    }

    /** Starts the background tries of {@code t}. */
    void start(Transport t, BotApp.Receive receive) {
        Thread thread = new Thread(() -> retry(t, receive), "peyk-start-" + t.name());
        thread.setDaemon(true); // a bot that stops must not wait for a messenger that never came up
        threads.add(thread);
        waitingFor(t, receive, waiting.get(t.name()), waits.first());
        thread.start();
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    String why(String transport) {
        return waiting.get(transport);
    }

    void listen(StartListener l) {
        listeners.add(l);
    }

    /** Ends the retries; a start in progress is interrupted. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) t.join(5_000);
    }

    private void retry(Transport t, BotApp.Receive receive) {
        Duration wait = waits.first();
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
            StartedTransports.Attempt a = running.start(t, receive.label());
            if (stopped) return;
            if (a.started() || !a.retry()) {
                waiting.remove(t.name());
                if (a.started()) bot.started(t, receive);
                else bot.gaveUp(t, a.problem());
                listeners.forEach(l -> l.ended(t.name(), receive.label(), a.started(), a.problem()));
                return;
            }
            wait = waits.next(wait);
            long now = System.currentTimeMillis();
            if (now - lastWarn >= WARN_EVERY_MS) {
                log.warn("{}: still not started after {} attempts ({}); next try in {} s", t.name(), attempt,
                        a.problem(), wait.toSeconds());
                lastWarn = now;
            }
            waitingFor(t, receive, a.problem(), wait);
        }
    }

    private void waitingFor(Transport t, BotApp.Receive receive, String problem, Duration next) {
        String detail = "not reachable (" + problem + "); next try in " + Math.max(1, next.toSeconds()) + " s";
        waiting.put(t.name(), detail);
        listeners.forEach(l -> l.retrying(t.name(), receive.label(), detail));
    }
}
