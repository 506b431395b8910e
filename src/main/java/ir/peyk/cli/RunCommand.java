package ir.peyk.cli;


import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Transport;
import ir.peyk.ingest.DefaultArticleFollower;
import ir.peyk.ingest.IngestCommands;
import ir.peyk.ingest.PageFetcher;
import ir.peyk.ingest.Sources;
import ir.peyk.broadcast.BroadcastService;
import ir.peyk.metrics.MetricsMiddleware;
import ir.peyk.webhook.WebhookService;
import ir.peyk.config.ConfigException;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.store.KeypadMessages;
import ir.peyk.store.Database;
import ir.peyk.console.ArticleSwitch;
import ir.peyk.console.ConsoleService;
import ir.peyk.transport.web.WebTransport;
import ir.peyk.webhook.HealthBoard;
import ir.peyk.store.Subscribers;
import ir.peyk.transport.Transports;
import ir.peyk.transport.console.ConsoleTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Runs the bot on the enabled transports (the console when none is enabled) until end of input, SIGTERM or SIGINT.
 * Exit codes: 0 stopped normally; 1 no transport could run (e.g. every token refused); 2 bad configuration (e.g. a
 * transport enabled without its token).
 */
@Command(name = "run", description = "Run the bot on the enabled transports (the console when no token is set).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Option(names = "--no-migrate", description = "do not change the store's schema: refuse to "
            + "start when it is not current (when an operator runs `peyk db migrate` once before rolling replicas)")
    boolean noMigrate;

    @Override
    public Integer call() throws Exception {
        PeykConfig config = main.loadConfig();
        List<TransportConfig> enabled = config.enabledTransports();
        if (enabled.isEmpty()) enabled = List.of(config.transport(ConsoleTransport.NAME));
        List<Transport> transports = new ArrayList<>();
        try {
            for (TransportConfig tc : enabled) transports.add(Transports.create(tc, config));
        } catch (ConfigException e) {
            transports.forEach(Transport::close);
            throw new Main.UserError(e.getMessage());
        }
        // A configuration error, so it is said before anything starts (exit 2), not when the webhook service starts.
        List<String> hooked = transports.stream().filter(t -> config.transport(t.name()) != null
                && config.transport(t.name()).webhook() && t.capabilities().webhook()).map(Transport::name).toList();
        if (!hooked.isEmpty() && !config.webhook().enabled()) {
            transports.forEach(Transport::close);
            throw new Main.UserError(hooked + " run in webhook mode but webhook.enabled is false in the config: enable "
                    + "the webhook server, or set their mode to polling");
        }
        try (Peyk peyk = Peyk.open(config, noMigrate ? Database.Migrate.NO : Database.Migrate.YES)) {
            Subscribers subscribers = new Subscribers(peyk.db());
            Transports.keepKeypadsIn(transports, new KeypadMessages(peyk.db()));
            ArticleSwitch articles = new ArticleSwitch(peyk.articles(), subscribers, peyk.article(null));
            // Whoever types at the console runs the process, and only logged-in admins reach the web console's chat:
            // both are admins.
            BotApp.Builder bot = BotApp.builder(peyk.db())
                    .subscribers(subscribers)
                    .admins((t, user) -> config.isAdmin(t, user) || t.equals(ConsoleTransport.NAME)
                            || t.equals(WebTransport.NAME))
                    .handleSignals(true);
            for (Transport t : transports) {
                TransportConfig tc = config.transport(t.name());
                bot.transport(t, tc != null && tc.webhook() && t.capabilities().webhook()
                        ? BotApp.Receive.WEBHOOK : t.capabilities().polling() ? BotApp.Receive.POLL : BotApp.Receive.NONE);
            }
            try {
                extensions(bot, peyk, subscribers, articles);
            } catch (ConfigException e) {
                throw new Main.UserError(e.getMessage());
            }
            followDefaultArticle(bot, peyk, articles);
            BotApp app = bot.build();
            if (transports.stream().anyMatch(t -> t instanceof ConsoleTransport) && System.console() != null) {
                System.err.println("peyk: console chat — type a question or /help; /inline TEXT, /press N; Ctrl-D ends");
            }
            try {
                app.start();
            } catch (IllegalStateException e) {
                System.err.println("peyk: " + e.getMessage());
                return 1;
            }
            return app.awaitTermination();
        }
    }

    /**
     * The admins' /ingest, then the router — rebuilt for the store's default article whenever that changes, from the
     * chat or from {@code peyk ingest --default} in another process (issue #11).
     */
    private static void followDefaultArticle(BotApp.Builder bot, Peyk peyk, ArticleSwitch articles) {
        // One router holder (ArticleSwitch, which the web console also switches); the follower moves it to the
        // store's default article when another process or an admin's /ingest changed it.
        DefaultArticleFollower follower = new DefaultArticleFollower(peyk.articles(), articles.article(),
                a -> { articles.follow(a); return articles; }, DefaultArticleFollower.EVERY);
        bot.use(new IngestCommands(new Sources(new PageFetcher()), peyk.articles(), follower::checkNow));
        bot.use(follower).service(follower);
    }

    /**
     * Middlewares that run before the router, and services beside the update loop (broadcast worker and commands,
     * webhook server, the console with its web transport when {@code console.enabled}): add them here.
     */
    private static void extensions(BotApp.Builder bot, Peyk peyk, Subscribers subscribers, ArticleSwitch articles)
            throws ConfigException {
        bot.use(new MetricsMiddleware());
        BroadcastService broadcast = new BroadcastService(peyk.db(), subscribers, peyk.config());
        bot.use(broadcast.commands()).service(broadcast);
        // Always installed: besides the webhook server it deletes stale webhooks before a Telegram-family poller starts.
        HealthBoard health = new HealthBoard();
        WebhookService webhook = new WebhookService(peyk.config(), peyk.db(), System.getenv(), health)
                .broadcastPending(() -> broadcast.broadcasts().store().queue().unfinished());
        if (peyk.config().console().enabled()) {
            WebTransport web = new WebTransport();
            ConsoleService console = new ConsoleService(peyk.config(), peyk.db(), subscribers, web, broadcast, health,
                    articles, System.getenv());
            bot.transport(web, BotApp.Receive.WEBHOOK).service(console);
            webhook.mount(console.mount());
        }
        bot.service(webhook);
    }
}
