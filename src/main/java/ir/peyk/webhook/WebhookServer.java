package ir.peyk.webhook;

import ir.peyk.adapter.StartRetry;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.adapter.UpdateSink;
import ir.peyk.config.PeykConfig;
import ir.peyk.metrics.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server for every messenger that pushes updates, plus {@code /health} and {@code /metrics}. Jetty 12's
 * core handler API (no servlets): bounded threads and connections, an idle timeout for slow clients, capped bodies,
 * and a graceful stop that lets in-flight posts finish storing before the port closes.
 *
 * <p>Routes: {@code POST /hook/<transport>/<secret>} (see {@link HookHandler} for the status policy), Rubika also at
 * {@code .../receiveUpdate} and {@code .../receiveInlineMessage}; {@code GET /health}; {@code GET /metrics}; pages
 * {@linkplain Builder#mount mounted} under a prefix (the console under {@code /console}); anything else 404.
 *
 * <p>{@link #start()} listens first and then registers each route with its platform (a platform may post as soon as
 * it is told the URL). A platform that cannot be reached is asked again in the background with the bot's
 * {@link StartRetry} waits ({@code /health} says "starting" meanwhile, a WARN at most once a minute); a refusal marks
 * the transport failed. A messenger that starts late gets its route then ({@link #addRoute}). The others keep running.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

    /**
     * @param maxBodyBytes   longest accepted body (413 above)
     * @param idleTimeout    a connection silent this long is closed (slow clients, half-sent bodies)
     * @param maxThreads     request threads (posts block while the inbox stores them)
     * @param maxConnections open connections beyond this wait in the accept queue
     * @param stopTimeout    how long a stop waits for in-flight posts
     */
    public record Limits(long maxBodyBytes, Duration idleTimeout, int maxThreads, int maxConnections,
                         Duration stopTimeout) {
        public static Limits defaults(long maxBodyBytes) {
            return new Limits(maxBodyBytes, Duration.ofSeconds(30), 32, 512, Duration.ofSeconds(10));
        }

        public Limits withIdleTimeout(Duration d) {
            return new Limits(maxBodyBytes, d, maxThreads, maxConnections, stopTimeout);
        }
    }

    private final PeykConfig.WebhookConfig config;
    /** Shared with the {@link HookHandler}: a route added late is served at once. Copy it to iterate. */
    private final Map<String, Route> routes;
    private final WebhookSecrets secrets;
    private final Registrar registrar;
    private final HealthBoard health;
    private final List<Mount> mounts;
    private final Server server;
    private final ServerConnector connector;

    private WebhookServer(Builder b) {
        this.config = b.config;
        this.routes = Collections.synchronizedMap(new LinkedHashMap<>(b.routes)); // registered in config order
        this.secrets = b.secrets;
        this.registrar = new Registrar(b.health, b.retry, Route.base(config.publicUrl()));
        this.health = b.health;
        this.mounts = List.copyOf(b.mounts);
        Metrics.pendingSources(health::inboxPending, health::broadcastPending);

        QueuedThreadPool pool = new QueuedThreadPool(Math.max(b.limits.maxThreads(), 8), 2);
        pool.setName("peyk-webhook");
        pool.setDaemon(true); // a forgotten stop must never keep the JVM alive
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(8 * 1024);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(b.limits.idleTimeout().toMillis());
        // At a stop, idle keep-alive connections (platforms hold them open) are closed after this, not after 1 s.
        connector.setShutdownIdleTimeout(200);
        server.addConnector(connector);
        server.addBean(new ConnectionLimit(b.limits.maxConnections(), server));
        server.setStopTimeout(b.limits.stopTimeout().toMillis());

        HookHandler hook = new HookHandler(routes, b.sink, b.limits.maxBodyBytes());
        StatusHandler status = new StatusHandler(health);
        server.setHandler(new GracefulHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                if (path.startsWith("/hook/")) hook.handle(path.substring(6), request, response, callback);
                else if (path.equals("/health") || path.equals("/metrics")) status.handle(path, request, response, callback);
                else if (!mounted(path, request, response, callback)) Http.reply(response, callback, null, 404, "not found");
                return true;
            }
        }));
        for (Route r : List.copyOf(routes.values())) health.set(r.name(), TransportStatus.State.STARTING, "webhook", null);
    }

    private boolean mounted(String path, Request request, Response response, Callback callback) throws Exception {
        for (Mount m : mounts) if (m.matches(path)) return m.handle(request, response, callback);
        return false;
    }

    public static Builder builder(PeykConfig.WebhookConfig config, UpdateSink sink) {
        return new Builder(config, sink);
    }

    /** Listens, then registers every route with its platform. */
    public synchronized void start() {
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            throw new WebhookException("the webhook server cannot listen on " + config.host() + ":" + config.port()
                    + " (" + e.getMessage() + "); free the port or set webhook.port / PEYK_WEBHOOK_PORT", e);
        } catch (Exception e) {
            stopQuietly();
            throw new WebhookException("the webhook server did not start: " + e.getMessage(), e);
        }
        log.info("webhook server listening on {}:{}; routes: {}", config.host(), port(),
                List.copyOf(routes.values()).stream().map(Route::redactedPath).toList());
        for (Route r : List.copyOf(routes.values())) registrar.register(r, publicUrl(r.name()));
    }

    /**
     * Serves {@code transport} from now on and registers its route: a messenger that could not be reached at start
     * and came up later. {@code registration} null = the URL is set by hand (Gap).
     */
    public synchronized void addRoute(Transport transport, Registration registration) {
        Route r = Builder.route(transport, registration, secrets);
        if (registration != null && (config.publicUrl() == null || config.publicUrl().isBlank())) {
            String why = "set webhook.publicUrl (or PEYK_WEBHOOK_URL): its platform must be told where to post";
            log.error("{}: {}", r.name(), why);
            health.set(r.name(), TransportStatus.failed("webhook", why));
            return;
        }
        routes.put(r.name(), r);
        health.set(r.name(), TransportStatus.State.STARTING, "webhook", null);
        registrar.register(r, publicUrl(r.name()));
    }

    /** The port listened on (the ephemeral one when configured as 0); -1 before start. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Transports with a route. */
    public Set<String> routes() {
        synchronized (routes) {
            return new java.util.LinkedHashSet<>(routes.keySet());
        }
    }

    /** The route's path ({@code /hook/<name>/<secret>}), or null. Contains the secret: never log it. */
    public String path(String transport) {
        Route r = routes.get(transport);
        return r == null ? null : r.path();
    }

    /** The full public URL platforms post to, or null when no publicUrl is configured. Contains the secret. */
    public String publicUrl(String transport) {
        Route r = routes.get(transport);
        if (r == null || config.publicUrl() == null || config.publicUrl().isBlank()) return null;
        return Route.url(config.publicUrl(), r.name(), r.pathSecret());
    }

    public HealthBoard health() {
        return health;
    }

    /** Stops accepting, lets in-flight posts finish storing (up to the stop timeout), closes the port. */
    @Override
    public synchronized void close() {
        registrar.close();
        stopQuietly();
        for (Route r : List.copyOf(routes.values())) health.stopped(r.name());
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("webhook server stop: {}", e.toString());
        }
    }

    /** Collects the routes; {@link #build()} checks them. */
    public static final class Builder {
        private final PeykConfig.WebhookConfig config;
        private final UpdateSink sink;
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private final List<Mount> mounts = new java.util.ArrayList<>();
        private WebhookSecrets secrets;
        private HealthBoard health = new HealthBoard();
        private Limits limits;
        private StartRetry retry = StartRetry.DEFAULT;

        private Builder(PeykConfig.WebhookConfig config, UpdateSink sink) {
            this.config = config;
            this.sink = sink;
            this.limits = Limits.defaults(config.maxBodyBytes());
        }

        public Builder secrets(WebhookSecrets secrets) {
            this.secrets = secrets;
            return this;
        }

        public Builder health(HealthBoard health) {
            this.health = health;
            return this;
        }

        /** Serves {@code mount}'s pages beside the hooks (the console). */
        public Builder mount(Mount mount) {
            mounts.add(mount);
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        /** The waits between tries to register a route whose platform cannot be reached (the bot's start retries). */
        public Builder retry(StartRetry retry) {
            this.retry = retry;
            return this;
        }

        /** Adds {@code transport}'s route; {@code registration} null = the URL is set by hand (Gap). */
        public Builder route(Transport transport, Registration registration) {
            if (secrets == null) throw new IllegalStateException("set the secrets before adding routes");
            if (routes.containsKey(transport.name())) throw new WebhookException("two webhook routes for " + transport.name());
            routes.put(transport.name(), route(transport, registration, secrets));
            return this;
        }

        static Route route(Transport transport, Registration registration, WebhookSecrets secrets) {
            String name = transport.name();
            if (!transport.capabilities().webhook()) {
                throw new WebhookException(name + " cannot receive webhooks; set transports." + name + ".mode: polling");
            }
            return new Route(transport, Platform.of(name), secrets.pathSecret(name), secrets.headerSecret(name),
                    registration);
        }

        public WebhookServer build() {
            if (limits.maxBodyBytes() <= 0) throw new WebhookException("webhook.maxBodyBytes must be positive");
            boolean noUrl = config.publicUrl() == null || config.publicUrl().isBlank();
            List<String> needUrl = routes.values().stream().filter(r -> r.registration() != null).map(Route::name).toList();
            if (noUrl && !needUrl.isEmpty()) {
                throw new WebhookException("set webhook.publicUrl (or PEYK_WEBHOOK_URL) to the public https address: "
                        + needUrl + " tell their platform where to post at start");
            }
            return new WebhookServer(this);
        }
    }
}
