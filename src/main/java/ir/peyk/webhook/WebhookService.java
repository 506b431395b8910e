package ir.peyk.webhook;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Service;
import ir.peyk.adapter.StartListener;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook server as a {@link BotApp} service: install it on every run ({@code bot.service(new
 * WebhookService(config, db, System.getenv()))}). BotApp starts services after the transports and the dispatcher and
 * before the pollers, so at {@link #start}:
 * <ol>
 *   <li>every Telegram-family transport that will <em>poll</em> has its webhook deleted first (getUpdates fails with
 *       409 while one is set — this is the "switching back to polling" step);</li>
 *   <li>{@code /health} learns each transport's state and mode, and the inbox's pending count;</li>
 *   <li>when {@code webhook.enabled}, the server starts with one route per transport in webhook mode, posting into
 *       {@link BotApp#inbox()} (the dispatcher handles them with the same dedupe and per-chat order as polling), and
 *       registers each route with its platform.</li>
 * </ol>
 * A transport in webhook mode while {@code webhook.enabled} is false is a configuration error: the start fails with
 * a line saying so, rather than running a bot that can never receive.
 */
public final class WebhookService implements Service {
    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

    private final PeykConfig config;
    private final Database db;
    private final Map<String, String> env;
    private final HealthBoard health;
    private final List<Mount> mounts = new ArrayList<>();
    private WebhookServer.Limits limits;
    private WebhookServer server;

    public WebhookService(PeykConfig config, Database db, Map<String, String> env) {
        this(config, db, env, new HealthBoard());
    }

    /** With a board others also write into (e.g. the broadcaster's pending count). */
    public WebhookService(PeykConfig config, Database db, Map<String, String> env, HealthBoard health) {
        this.config = config;
        this.db = db;
        this.env = env;
        this.health = health;
        this.limits = WebhookServer.Limits.defaults(config.webhook().maxBodyBytes());
    }

    /** Where {@code broadcastPending} on /health and the peyk_broadcast_pending gauge come from. */
    public WebhookService broadcastPending(LongSupplier pending) {
        health.broadcastPending(pending);
        return this;
    }

    /** Pages served by the same server (the console); the server then runs even when webhook.enabled is false. */
    public WebhookService mount(Mount mount) {
        mounts.add(mount);
        return this;
    }

    /**
     * Where the server listens: {@code webhook.host} when webhooks are on; loopback when only pages (the console) need
     * the server, so turning the console on never exposes it by itself.
     */
    public static String host(PeykConfig config) {
        return config.webhook().enabled() ? config.webhook().host() : "127.0.0.1";
    }

    public WebhookService limits(WebhookServer.Limits limits) {
        this.limits = limits;
        return this;
    }

    @Override
    public void start(BotApp app) throws Exception {
        health.inboxPending(() -> app.inbox().pendingCount(null));
        app.listen(new StartListener() {
            @Override
            public void retrying(String transport, String mode, String detail) {
                health.set(transport, TransportStatus.State.STARTING, mode, detail);
            }

            @Override
            public void ended(String transport, String mode, boolean started, String detail) {
                Transport t = app.transport(transport);
                if (started && server != null && t != null && webhookMode(transport)) {
                    server.addRoute(t, Registrations.of(t)); // running once its platform knows the URL
                } else {
                    health.set(transport, started ? TransportStatus.running(mode) : TransportStatus.failed(mode, detail));
                }
            }
        });
        List<String> hookedLater = new ArrayList<>();
        List<Transport> hooked = new ArrayList<>();
        for (TransportConfig tc : config.enabledTransports()) {
            Transport t = app.transport(tc.name());
            if (t == null) {
                String why = app.retrying(tc.name());
                health.set(tc.name(), why != null ? new TransportStatus(TransportStatus.State.STARTING, tc.mode(), why)
                        : TransportStatus.failed(tc.mode(), "did not start (see the log)"));
                if (why != null && tc.webhook()) hookedLater.add(tc.name());
            } else if (tc.webhook() && t.capabilities().webhook()) {
                hooked.add(t);
            } else if (t.capabilities().polling()) {
                release(t);
                health.set(t.name(), TransportStatus.running("polling"));
            } else {
                health.set(t.name(), TransportStatus.running(t.capabilities().receives() ? tc.mode() : "send-only"));
            }
        }
        if (!config.webhook().enabled()) {
            List<String> webhookMode = new ArrayList<>(hooked.stream().map(Transport::name).toList());
            webhookMode.addAll(hookedLater);
            if (!webhookMode.isEmpty()) {
                throw new WebhookException(webhookMode + " run in webhook mode but "
                        + "webhook.enabled is false in the config: enable the webhook server, or set their mode to polling");
            }
            if (mounts.isEmpty()) return;
        }
        PeykConfig.WebhookConfig wc = config.webhook();
        WebhookServer.Builder b = WebhookServer.builder(new PeykConfig.WebhookConfig(true, host(config), wc.port(),
                        wc.publicUrl(), wc.maxBodyBytes()), app.inbox())
                .secrets(WebhookSecrets.load(db, env)).health(health).limits(limits).retry(app.startRetry());
        for (Transport t : hooked) b.route(t, Registrations.of(t));
        mounts.forEach(b::mount);
        server = b.build();
        server.start();
    }

    private boolean webhookMode(String transport) {
        return config.enabledTransports().stream().anyMatch(tc -> tc.name().equals(transport) && tc.webhook());
    }

    private void release(Transport t) {
        try {
            Registrations.releaseForPolling(t);
        } catch (TransportException e) {
            // Polling will then fail with a 409 that names the problem; nothing more to do here.
            log.warn("{}: could not delete a webhook before polling: {}", t.name(), e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (server != null) server.close();
        for (String name : health.transports().keySet()) health.stopped(name);
    }

    /** The running server, or null when webhook.enabled is false (or before start). */
    public WebhookServer server() {
        return server;
    }

    public HealthBoard health() {
        return health;
    }

    @Override
    public String name() {
        return "webhook server";
    }
}
