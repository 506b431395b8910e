package ir.peyk.console;

import ir.peyk.adapter.Context;
import ir.peyk.adapter.Middleware;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.Article;
import ir.peyk.handler.Router;
import ir.peyk.store.ArticleRepository;
import ir.peyk.store.Subscribers;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The router over the current default article, as the bot's last middleware. When the console makes another article
 * the default, a new engine and router replace the old ones in one step: an update being handled finishes on the
 * article it started with, the next one is answered from the new article — no restart needed.
 */
public final class ArticleSwitch implements Middleware {
    private record Current(Article article, AnswerEngine engine, Router router) {}

    private final ArticleRepository repository;
    private final Subscribers subscribers;
    private final AtomicReference<Current> current = new AtomicReference<>();

    public ArticleSwitch(ArticleRepository repository, Subscribers subscribers, Article initial) {
        this.repository = repository;
        this.subscribers = subscribers;
        use(initial);
    }

    /** Answers from {@code a} from the next update on, unless it is the article answered from already. */
    public synchronized void follow(Article a) {
        if (!current.get().article().id().equals(a.id())) use(a);
    }

    private void use(Article a) {
        AnswerEngine engine = AnswerEngine.forBot(a);
        current.set(new Current(a, engine, new Router(engine, subscribers)));
    }

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        current.get().router().handle(ctx, next);
    }

    public Article article() {
        return current.get().article();
    }

    public AnswerEngine engine() {
        return current.get().engine();
    }

    ArticleRepository repository() {
        return repository;
    }

    /** Stores {@code a}, makes it the default, and answers from it from the next update on. */
    public synchronized void makeDefault(Article a) {
        repository.save(a, true);
        use(a);
    }
}
