package ir.peyk.console;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Service;
import ir.peyk.broadcast.BroadcastService;
import ir.peyk.config.ConfigException;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.transport.web.WebTransport;
import ir.peyk.webhook.HealthBoard;
import ir.peyk.webhook.Mount;
import ir.peyk.webhook.WebhookService;
import java.util.Map;

/**
 * The Peyk Console inside the bot: its pages are {@linkplain #mount() mounted} on the webhook server under
 * {@code /console}, and its chat is the {@link WebTransport}, which the bot runs like any messenger. Wiring in the run
 * command:
 * <pre>{@code
 * ConsoleService console = new ConsoleService(config, db, subscribers, web, broadcast, health, articles, env);
 * bot.transport(web, BotApp.Receive.WEBHOOK).service(console);
 * webhookService.mount(console.mount());
 * }</pre>
 */
public final class ConsoleService implements Service {
    /** A fixed login token for scripted set-ups; the one-time links of {@code peyk console link} need none. */
    public static final String TOKEN_ENV = "PEYK_CONSOLE_TOKEN";

    private final Console console;
    private final ConsoleHandler handler;

    /**
     * @throws ConfigException when the console would listen off loopback without TLS termination or an explicit
     *                         setting, or PEYK_CONSOLE_TOKEN is too short to be a secret
     */
    public ConsoleService(PeykConfig config, Database db, Subscribers subscribers, WebTransport web,
                          BroadcastService broadcasts, HealthBoard health, ArticleSwitch articles,
                          Map<String, String> env) throws ConfigException {
        config.console().checkExposure(WebhookService.host(config));
        String token = env.get(TOKEN_ENV);
        if (token != null && !token.isBlank() && token.strip().length() < 24) {
            throw new ConfigException(TOKEN_ENV + " must be at least 24 characters (a random secret, e.g. "
                    + "`openssl rand -base64 32`), or unset it and log in with `peyk console link`");
        }
        this.console = new Console(config, db, subscribers, web, broadcasts, health, articles, token);
        this.handler = new ConsoleHandler(console);
    }

    /** The pages, for {@link WebhookService#mount}. */
    public Mount mount() {
        return new Mount("/console", handler);
    }

    @Override
    public void start(BotApp app) {
        console.started(app);
    }

    @Override
    public void stop() {
        // Event streams end by themselves when the server stops; sessions live in memory and go with the process.
    }

    @Override
    public String name() {
        return "console";
    }
}
