package ir.peyk.cli;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleParser;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.ArticleRepository;
import ir.peyk.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * What every command opens: the config, the store and the articles in it. When the store holds no article, the
 * configured default article is ingested on first use.
 */
public final class Peyk implements AutoCloseable {
    private final PeykConfig config;
    private final Database db;
    private final ArticleRepository articles;

    private Peyk(PeykConfig config, Database db) {
        this.config = config;
        this.db = db;
        this.articles = new ArticleRepository(db);
    }

    public static Peyk open(PeykConfig config) {
        return open(config, Database.Migrate.YES);
    }

    public static Peyk open(PeykConfig config, Database.Migrate migrate) {
        return new Peyk(config, Database.open(config.storeLocation(), migrate));
    }

    public PeykConfig config() {
        return config;
    }

    public Database db() {
        return db;
    }

    public ArticleRepository articles() {
        return articles;
    }

    /** The article with {@code id}, or the default one when {@code id} is null (ingesting the configured default). */
    public Article article(String id) {
        if (id != null) {
            return articles.find(id).orElseThrow(() -> new Main.UserError("no article with id " + id
                    + "; `peyk articles` lists them"));
        }
        if (articles.isEmpty()) ingestDefault();
        return articles.defaultArticle().orElseThrow(() -> new Main.UserError("no default article"));
    }

    /**
     * Before the first article an operator ingests into an empty store, the configured default goes in, so the config
     * keeps naming the default. A default that cannot be read is skipped here: the operator's own article still goes in.
     */
    public void ingestDefaultIfEmpty() {
        if (!articles.isEmpty()) return;
        try {
            ingestDefault();
        } catch (Main.UserError e) {
            // The operator's article becomes the default instead (ArticleRepository.save makes the first one default).
        }
    }

    private void ingestDefault() {
        try {
            byte[] bytes = Files.readAllBytes(config.article());
            articles.save(ArticleParser.parse(bytes), true);
        } catch (NoSuchFileException e) {
            throw new Main.UserError("the default article " + config.article()
                    + " does not exist; set `article:` in the config to an article file");
        } catch (IOException e) {
            throw new Main.UserError("the default article " + config.article() + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        } catch (ArticleException e) {
            throw new Main.UserError("the default article " + config.article() + " was refused: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
