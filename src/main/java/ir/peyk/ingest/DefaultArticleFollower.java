package ir.peyk.ingest;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.Middleware;
import ir.peyk.adapter.Service;
import ir.peyk.article.Article;
import ir.peyk.store.ArticleRepository;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bot on the store's default article: a middleware that hands every update to the handler built for the
 * current default article, and a service that looks every few seconds whether the default changed (an admin's
 * {@code /ingest}, or {@code peyk ingest --default} from another process) and, when it did, builds the handler for the
 * new article and swaps it in. No restart; an update already being handled finishes with the old article.
 *
 * <p>It reads the store through {@link ArticleRepository#list()} only (the default's id), so a poll costs one small
 * query; the article is parsed only when the id changed.
 */
public final class DefaultArticleFollower implements Middleware, Service {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultArticleFollower.class);
    public static final Duration EVERY = Duration.ofSeconds(2);

    private record Current(String articleId, Middleware handler) {}

    private final ArticleRepository articles;
    private final Function<Article, Middleware> handlerFor;
    private final Duration every;
    private volatile Current current;
    private ScheduledExecutorService timer;

    /**
     * @param first      the article the bot starts with (the store's default)
     * @param handlerFor builds the handler (the router) for an article
     */
    public DefaultArticleFollower(ArticleRepository articles, Article first, Function<Article, Middleware> handlerFor,
                                  Duration every) {
        this.articles = articles;
        this.handlerFor = handlerFor;
        this.every = every;
        this.current = new Current(first.id(), handlerFor.apply(first));
    }

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        current.handler().handle(ctx, next);
    }

    /** The id of the article the bot answers about now. */
    public String articleId() {
        return current.articleId();
    }

    /**
     * Switches to the store's default article when it is not the current one. Returns true when it switched. Never
     * throws: a store that cannot be read now is read again at the next look.
     */
    public synchronized boolean checkNow() {
        try {
            String id = articles.list().stream().filter(ArticleRepository.Listing::isDefault)
                    .map(ArticleRepository.Listing::id).findFirst().orElse(null);
            if (id == null || id.equals(current.articleId())) return false;
            Article a = articles.find(id).orElse(null);
            if (a == null) return false;
            current = new Current(a.id(), handlerFor.apply(a));
            LOG.info("default article is now {} ({})", a.id(), a.title());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not look for a new default article: {}", e.toString());
            return false;
        }
    }

    @Override
    public void start(BotApp app) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "default-article");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkNow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) timer.shutdownNow();
    }
}
