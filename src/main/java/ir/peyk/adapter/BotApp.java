package ir.peyk.adapter;

import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: transports, the durable {@link Inbox}, a poller per polling transport, the {@link Dispatcher} and a
 * middleware chain (grammY's {@code bot.use(...)}), plus {@link Service}s that live as long as the bot.
 *
 * <pre>{@code
 * BotApp app = BotApp.builder(db).subscribers(subs).admins(config::isAdmin)
 *         .transport(telegram).transport(console)
 *         .use(logging).use(broadcastCommands).use(router)      // in this order
 *         .service(broadcastWorker).build();
 * app.start();                      // getMe on each transport; those refusing their token are dropped
 * int exit = app.awaitTermination(); // until a signal, stop(), or no receiving transport is left (console EOF)
 * }</pre>
 *
 * Shutdown (SIGTERM/SIGINT with {@link Builder#handleSignals}, {@link #stop()}, or end of input) stops polling,
 * lets in-flight handlers finish, and ends every thread the bot started; updates not yet handled stay pending in the
 * inbox for the next start. At end of input every stored update is handled first.
 */
public final class BotApp {
    /** How a transport receives. */
    public enum Receive {
        POLL("polling"), WEBHOOK("webhook"), NONE("send-only");

        private final String label;

        Receive(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BotApp.class);

    private record Entry(Transport transport, Receive receive) {}

    private final Inbox inbox;
    private final List<Entry> entries;
    private final List<Service> services;
    private final int workers;
    private final Duration retention;
    private final Duration grace;
    private final Consumer<String> operator;
    private final boolean handleSignals;
    private final StartRetry startRetry;

    private final StartedTransports running = new StartedTransports();
    private final ChainHandler handler;
    private final Receivers receivers;
    private final LateStarts late;
    private final List<Service> startedServices = new ArrayList<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private Dispatcher dispatcher;
    private Thread shutdownHook;
    private volatile boolean drainOnStop;
    private volatile int exitCode;
    private volatile boolean stopped;

    private BotApp(Builder b) {
        this.inbox = new Inbox(b.db);
        this.entries = List.copyOf(b.entries);
        this.handler = new ChainHandler(running, Middleware.compose(b.middlewares), b.admins, b.subscribers);
        this.services = List.copyOf(b.services);
        this.workers = b.workers;
        this.retention = b.retention;
        this.grace = b.grace;
        this.operator = b.operator;
        this.handleSignals = b.handleSignals;
        this.startRetry = b.startRetry;
        this.late = new LateStarts(running, b.startRetry, new LateStarts.Bot() {
            @Override
            public void started(Transport t, Receive receive) {
                receivers.lateStarted(t, receive);
            }

            @Override
            public void gaveUp(Transport t, String line) {
                receivers.lateGaveUp(t, line);
            }
        });
        this.receivers = new Receivers(b.db, inbox, b.operator, late::isEmpty, this::noneLeft);
    }

    public static Builder builder(Database db) {
        return new Builder(db);
    }

    /**
     * Starts every transport (getMe), the dispatcher, the services and the pollers. A transport whose token is
     * refused is reported in one line and left out; one that cannot be reached is reported and retried in the
     * background until it starts (one in webhook mode then gets its route from the webhook service); the others run.
     *
     * @throws IllegalStateException when no transport could start or be retried (the caller exits 1)
     */
    public void start() throws Exception {
        List<Entry> later = new ArrayList<>();
        for (Entry e : entries) {
            StartedTransports.Attempt a = running.start(e.transport(), e.receive().label());
            if (a.started()) continue;
            String name = e.transport().name();
            if (a.retry()) {
                operator.accept(name + ": could not start (" + a.problem() + "); retrying in the background");
                later.add(e);
                late.expect(e.transport(), a.problem());
            } else {
                operator.accept(a.problem()); // refused: the token, a conflict
                e.transport().close();
            }
        }
        if (running.isEmpty() && later.isEmpty()) throw new IllegalStateException("no transport could start");
        dispatcher = new Dispatcher(inbox, running.names(), handler, workers, retention);
        dispatcher.start();
        try {
            for (Service s : services) {
                s.start(this);
                startedServices.add(s);
            }
        } catch (Exception ex) {
            stop();
            throw ex;
        }
        List<Entry> started = entries.stream().filter(e -> running.contains(e.transport().name())).toList();
        receivers.start(dispatcher, started.stream().filter(e -> e.receive() == Receive.POLL).map(Entry::transport).toList(),
                (int) started.stream().filter(e -> e.receive() == Receive.WEBHOOK).count(),
                () -> later.forEach(e -> late.start(e.transport(), e.receive())));
        if (handleSignals) {
            shutdownHook = new Thread(() -> {
                log.info("signal received: stopping");
                stop();
            }, "peyk-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Nothing is left to receive from: the bot ends with {@code exit}, handling what is stored first if asked. */
    private void noneLeft(int exit, boolean drain) {
        exitCode = exit;
        if (drain) drainOnStop = true;
        stopRequested.countDown();
    }

    /** Blocks until a stop is asked for or no receiving transport is left, then stops; returns the exit code. */
    public int awaitTermination() throws InterruptedException {
        stopRequested.await();
        stop(drainOnStop);
        terminated.await();
        return exitCode;
    }

    /** Waits, up to {@code max}, until no update is being handled; false when it timed out (or not started). */
    boolean awaitIdle(Duration max) throws InterruptedException {
        return dispatcher != null && dispatcher.awaitIdle(null, max);
    }

    /** Graceful stop: polling ends, in-flight handlers finish, threads end. Idempotent; safe from any thread. */
    public void stop() {
        stop(false);
    }

    private synchronized void stop(boolean drain) {
        if (stopped) return;
        stopped = true;
        stopRequested.countDown();
        try {
            late.stop();
            receivers.stop();
            if (drain && dispatcher != null && !dispatcher.awaitIdle(null, Duration.ofMinutes(2))) {
                log.warn("some updates were not handled before stopping; they stay pending for the next start");
            }
            for (int i = startedServices.size() - 1; i >= 0; i--) {
                Service s = startedServices.get(i);
                try {
                    s.stop();
                } catch (Exception e) {
                    log.warn("{} did not stop cleanly: {}", s.name(), e.getMessage());
                }
            }
            if (dispatcher != null) dispatcher.stop(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Entry e : entries) e.transport().close();
            if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running or about to: nothing to undo
                }
            }
            terminated.countDown();
        }
    }

    /** The durable inbox: webhook servers {@link Inbox#submit} decoded batches here; the dispatcher handles them. */
    public Inbox inbox() {
        return inbox;
    }

    /** A started transport by name, or null. */
    public Transport transport(String name) {
        StartedTransports.Running r = running.get(name);
        return r == null ? null : r.transport();
    }

    /** Who the bot is on a started transport, or null. */
    public BotInfo me(String name) {
        StartedTransports.Running r = running.get(name);
        return r == null ? null : r.me();
    }

    /** The started transports, in configuration order. */
    public List<Transport> transports() {
        return running.list();
    }

    /** Why a transport that could not be reached at start is not running yet, or null (it runs, or is not retried). */
    public String retrying(String transport) {
        return late.why(transport);
    }

    /** The waits between tries to start a transport that could not be reached (and to register its webhook). */
    public StartRetry startRetry() {
        return startRetry;
    }

    /** Hears about the background start of transports that could not be reached at start (e.g. for /health). */
    public void listen(StartListener l) {
        late.listen(l);
    }

    /**
     * Handler threads unless {@code -Dpeyk.workers=N} says otherwise. Handlers mostly wait (a reply's round trip, the
     * store), so more workers than cores keep the cores busy: on two cores 16 handled a burst 20–50 % faster than 8,
     * and 32 no faster than 16 (issue 14). Also the most replies a killed process can have sent and not recorded.
     */
    public static final int DEFAULT_WORKERS = 16;

    public static final class Builder {
        private final Database db;
        private Subscribers subscribers;
        private BiPredicate<String, String> admins = (t, u) -> false;
        private final List<Entry> entries = new ArrayList<>();
        private final List<Middleware> middlewares = new ArrayList<>();
        private final List<Service> services = new ArrayList<>();
        private int workers = Math.min(256, Math.max(1, Integer.getInteger("peyk.workers", DEFAULT_WORKERS)));
        private Duration retention = Duration.ofDays(7);
        private Duration grace = Duration.ofSeconds(30);
        private Consumer<String> operator = line -> System.err.println("peyk: " + line);
        private boolean handleSignals;
        private StartRetry startRetry = StartRetry.DEFAULT;

        private Builder(Database db) {
            this.db = db;
        }

        /** Where each chat's language is kept ("fa" when none). */
        public Builder subscribers(Subscribers s) {
            this.subscribers = s;
            return this;
        }

        /** Who is an admin: (transport, userId) → true. */
        public Builder admins(BiPredicate<String, String> admins) {
            this.admins = admins;
            return this;
        }

        /** Adds a transport, polled when it can poll. */
        public Builder transport(Transport t) {
            Capabilities c = t.capabilities();
            return transport(t, c.polling() ? Receive.POLL : c.webhook() ? Receive.WEBHOOK : Receive.NONE);
        }

        /** Adds a transport receiving as said (WEBHOOK: a {@link Service} submits its updates to the inbox). */
        public Builder transport(Transport t, Receive receive) {
            for (Entry e : entries) {
                if (e.transport().name().equals(t.name())) throw new IllegalArgumentException("transport " + t.name() + " added twice");
            }
            entries.add(new Entry(t, receive));
            return this;
        }

        /** Appends a middleware; they run in the order added (add the router last). */
        public Builder use(Middleware m) {
            middlewares.add(m);
            return this;
        }

        public Builder service(Service s) {
            services.add(s);
            return this;
        }

        /** Handler threads (chats handled at once). */
        public Builder workers(int n) {
            this.workers = Math.max(1, n);
            return this;
        }

        /** How long finished inbox rows are kept (dedupe memory). */
        public Builder retention(Duration d) {
            this.retention = d;
            return this;
        }

        /** How long shutdown waits for in-flight handlers. */
        public Builder grace(Duration d) {
            this.grace = d;
            return this;
        }

        /** Where one-line messages for the operator go (default: stderr, prefixed "peyk: "). */
        public Builder operator(Consumer<String> out) {
            this.operator = out;
            return this;
        }

        /**
         * The waits between tries to start a transport that could not be reached at start: {@code first}, doubling up
         * to {@code max} (default 5 s to 5 min).
         */
        public Builder startRetry(Duration first, Duration max) {
            this.startRetry = new StartRetry(first, max);
            return this;
        }

        /** Stop gracefully on SIGTERM/SIGINT (a JVM shutdown hook). */
        public Builder handleSignals(boolean on) {
            this.handleSignals = on;
            return this;
        }

        public BotApp build() {
            return new BotApp(this);
        }
    }
}
