package ir.peyk.console;

import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotApp;
import ir.peyk.broadcast.BroadcastService;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.ArticleRepository;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.transport.web.WebTransport;
import ir.peyk.webhook.HealthBoard;

/**
 * What the console's views work with: the bot (known once it started), its store, the web transport, the
 * broadcaster, the health board and the switch that changes the article the chat answers from.
 */
final class Console {
    private final PeykConfig config;
    private final Database db;
    private final Subscribers subscribers;
    private final WebTransport web;
    private final BroadcastService broadcasts;
    private final HealthBoard health;
    private final ArticleSwitch articles;
    private final LoginTokens tokens;
    private final String staticToken;
    private final java.util.concurrent.Semaphore streams = new java.util.concurrent.Semaphore(EventStream.SLOTS);
    private volatile BotApp app;

    Console(PeykConfig config, Database db, Subscribers subscribers, WebTransport web, BroadcastService broadcasts,
            HealthBoard health, ArticleSwitch articles, String staticToken) {
        this.config = config;
        this.db = db;
        this.subscribers = subscribers;
        this.web = web;
        this.broadcasts = broadcasts;
        this.health = health;
        this.articles = articles;
        this.tokens = new LoginTokens(db);
        this.staticToken = staticToken == null || staticToken.isBlank() ? null : staticToken.strip();
    }

    /** A live-event stream drawing on the console's one pool of stream slots. */
    EventStream events() {
        return new EventStream(streams);
    }

    void started(BotApp app) {
        this.app = app;
    }

    boolean ready() {
        return app != null;
    }

    PeykConfig config() {
        return config;
    }

    Database db() {
        return db;
    }

    WebTransport web() {
        return web;
    }

    BroadcastService broadcasts() {
        return broadcasts;
    }

    HealthBoard health() {
        return health;
    }

    ArticleSwitch articles() {
        return articles;
    }

    ArticleRepository repository() {
        return articles.repository();
    }

    /** Stores a web update in the bot's inbox, the path every messenger's updates take. */
    void submit(Batch batch) throws Exception {
        app.inbox().submit(WebTransport.NAME, batch);
    }

    long inboxPending() {
        return app == null ? -1 : app.inbox().pendingCount(null);
    }

    /** The page language: the web chat's, as /lang set it. */
    String language(String chatId) {
        return subscribers.language(WebTransport.NAME, chatId).orElse("fa");
    }

    /** A one-time token from `peyk console link`, or PEYK_CONSOLE_TOKEN (compared in constant time). */
    boolean tokenValid(String token) {
        if (staticToken != null && ConsoleHandler.same(token, staticToken)) return true;
        return tokens.redeem(token);
    }
}
