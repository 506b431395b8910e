package ir.peyk.broadcast;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Service;
import ir.peyk.adapter.Transport;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Dialect;
import ir.peyk.store.Subscribers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broadcasts inside the bot: the admin commands (a middleware, to be placed before the router) and the worker (a
 * service, started with the bot on the transports that started, stopped before them). Wiring in the run command:
 * <pre>{@code
 * BroadcastService broadcast = new BroadcastService(peyk.db(), subscribers, peyk.config());
 * bot.use(broadcast.commands()).service(broadcast);
 * }</pre>
 */
public final class BroadcastService implements Service, WorkerSignals {
    private final Broadcasts broadcasts;
    private final Subscribers subscribers;
    private final WorkerSettings settings;
    private final double sharedPerSecond;
    private final BroadcastCommands commands;
    private volatile BroadcastWorker worker;

    /**
     * On PostgreSQL (replicas share the store) broadcast sends are paced by a schedule in the store at
     * {@code throttle.overallPerSecond}, so all replicas together keep the platform's rate.
     */
    public BroadcastService(Database db, Subscribers subscribers, PeykConfig config) {
        this(new Broadcasts(new BroadcastStore(db), subscribers, config), subscribers, WorkerSettings.DEFAULT,
                db.dialect() == Dialect.POSTGRESQL ? config.throttle().overallPerSecond() : 0);
    }

    public BroadcastService(Broadcasts broadcasts, Subscribers subscribers, WorkerSettings settings) {
        this(broadcasts, subscribers, settings, 0);
    }

    /** @param sharedPerSecond see {@link BroadcastWorker}; 0 leaves the pace to the transports' throttles */
    public BroadcastService(Broadcasts broadcasts, Subscribers subscribers, WorkerSettings settings,
                            double sharedPerSecond) {
        this.sharedPerSecond = sharedPerSecond;
        this.broadcasts = broadcasts;
        this.subscribers = subscribers;
        this.settings = settings;
        this.commands = new BroadcastCommands(broadcasts, this);
    }

    /** The middleware: /broadcast, /broadcast_status, /broadcast_cancel, /broadcast_confirm and the bc: buttons. */
    public BroadcastCommands commands() {
        return commands;
    }

    public Broadcasts broadcasts() {
        return broadcasts;
    }

    @Override
    public void start(BotApp app) {
        Map<String, Transport> transports = new LinkedHashMap<>();
        for (Transport t : app.transports()) transports.put(t.name(), t);
        BroadcastWorker w = new BroadcastWorker(broadcasts.store(), subscribers, transports, settings,
                sharedPerSecond);
        w.start();
        worker = w;
    }

    @Override
    public void stop() {
        BroadcastWorker w = worker;
        if (w != null) w.stop(Duration.ofSeconds(10));
    }

    @Override
    public String name() {
        return "broadcast worker";
    }

    @Override
    public void wake() {
        BroadcastWorker w = worker;
        if (w != null) w.wake();
    }

    @Override
    public void cancelled(long jobId) {
        BroadcastWorker w = worker;
        if (w != null) w.cancelled(jobId);
    }
}
