package ir.peyk.adapter;

import ir.peyk.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The bot's receiving side: a {@link Poller} per polling transport, a count of the transports that receive by
 * webhook, and the rule that ends the bot when nothing is left to receive from — every poller ended (end of input, a
 * fatal refusal) and no webhook receiver, and no transport still being retried in the background (end of input ends
 * the bot anyway). Transports that start late join here.
 */
final class Receivers {
    /** What the bot does when nothing is left to receive from. */
    interface NoneLeft {
        /** @param drain whether to handle everything stored before stopping (end of input) */
        void noneLeft(int exitCode, boolean drain);
    }

    private final Database db;
    private final Inbox inbox;
    private final Consumer<String> operator;
    private final BooleanSupplier nothingRetried;
    private final NoneLeft noneLeft;
    private final List<Poller> pollers = new CopyOnWriteArrayList<>();
    /** Guards the counts; not the bot's monitor, which its stop holds while the pollers end. */
    private final Object lock = new Object();
    private Dispatcher dispatcher;
    private int pollersAlive;
    private int webhooks;
    private boolean anyExhausted;
    private boolean stopped;

    /** @param nothingRetried whether no transport is being retried in the background (one may yet receive) */
    Receivers(Database db, Inbox inbox, Consumer<String> operator, BooleanSupplier nothingRetried, NoneLeft noneLeft) {
        this.db = db;
        this.inbox = inbox;
        this.operator = operator;
        this.nothingRetried = nothingRetried;
        this.noneLeft = noneLeft;
    }

    /**
     * Starts receiving from the transports that started; then {@code andThen} runs under the same lock (the background
     * starts begin), so a late start cannot be counted before these.
     */
    void start(Dispatcher dispatcher, List<Transport> polled, int webhookReceivers, Runnable andThen) {
        synchronized (lock) {
            this.dispatcher = dispatcher;
            for (Transport t : polled) pollers.add(poller(t));
            pollersAlive += polled.size();
            webhooks += webhookReceivers;
            pollers.forEach(Poller::start);
            andThen.run();
        }
    }

    /** A transport retried in the background started: it joins the dispatcher and, when it polls, gets its poller. */
    void lateStarted(Transport t, BotApp.Receive receive) {
        synchronized (lock) {
            if (stopped) return;
            dispatcher.addTransport(t.name());
            if (receive == BotApp.Receive.WEBHOOK) webhooks++; // its route comes from the webhook service
            if (receive == BotApp.Receive.POLL) {
                Poller p = poller(t);
                pollers.add(p);
                pollersAlive++;
                p.start();
            }
        }
    }

    /** A transport retried in the background was refused: told, closed, and the bot ends if nothing else receives. */
    void lateGaveUp(Transport t, String line) {
        operator.accept(line);
        t.close();
        boolean allGone;
        synchronized (lock) {
            allGone = pollersAlive == 0 && webhooks == 0 && nothingRetried.getAsBoolean() && !stopped;
        }
        if (allGone) noneLeft.noneLeft(1, false);
    }

    private void pollerEnded(Poller p, Poller.End how, String message) {
        if (how == Poller.End.FATAL && message != null) operator.accept(message);
        boolean allGone;
        int exit;
        synchronized (lock) {
            pollersAlive--;
            if (how == Poller.End.EXHAUSTED) anyExhausted = true;
            // A transport still being retried may yet receive; end of input (the console) ends the bot anyway.
            allGone = how != Poller.End.STOPPED && pollersAlive == 0 && webhooks == 0
                    && (nothingRetried.getAsBoolean() || how == Poller.End.EXHAUSTED);
            exit = anyExhausted ? 0 : 1;
        }
        if (allGone) noneLeft.noneLeft(exit, true); // end of input: answer everything that was read before exiting
    }

    /** Stops polling and waits for the pollers to end; nothing starts receiving after this. */
    void stop() throws InterruptedException {
        synchronized (lock) {
            stopped = true;
        }
        pollers.forEach(Poller::stop);
        for (Poller p : pollers) p.join(Duration.ofSeconds(10));
    }

    private Poller poller(Transport t) {
        return new Poller(t, inbox, dispatcher, this::pollerEnded, db.leadership("poll:" + t.name()));
    }
}
