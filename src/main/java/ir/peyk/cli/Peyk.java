package ir.peyk.cli;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleParser;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.ArticleRepository;
import ir.peyk.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every command opens: the config, the store and the articles in it. When the store holds no article, the
 * configured default article is ingested on first use.
 */
public final class Peyk implements AutoCloseable {
    private final PeykConfig config;
    private final Database db;
    private final ArticleRepository articles;
    /** A scratch folder holding the store of a reading command run without one; deleted at close. */
    private final Path scratch;

    private Peyk(PeykConfig config, Database db, Path scratch) {
        this.config = config;
        this.db = db;
        this.articles = new ArticleRepository(db);
        this.scratch = scratch;
    }

    /** Opens the configured store, creating it when absent (the bot, ingest, broadcasts: they keep state). */
    public static Peyk open(PeykConfig config) {
        return open(config, Database.Migrate.YES);
    }

    public static Peyk open(PeykConfig config, Database.Migrate migrate) {
        return new Peyk(config, Database.open(config.storeLocation(), migrate), null);
    }

    /**
     * For commands that only read (stats, ask, summary, quotes, articles, bench): the configured store when it
     * exists (or is a server); otherwise a scratch store in the temporary folder, holding the default article and
     * removed at close — so {@code java -jar peyk.jar stats} in any folder answers and leaves nothing behind.
     */
    public static Peyk openForReading(PeykConfig config) {
        if (config.store() == null || Files.exists(config.store())) return open(config);
        Path dir;
        try {
            dir = Files.createTempDirectory("peyk-");
        } catch (IOException e) {
            throw new Main.UserError("no store at " + config.store() + " and no temporary folder for a scratch one ("
                    + e.getMessage() + "); pass --db FILE");
        }
        return new Peyk(config, Database.open(dir.resolve("peyk.db")), dir);
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
            byte[] bytes = defaultArticleBytes();
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

    /**
     * The configured article file; when the config names the default one and it is not on disk (the jar runs outside
     * the repository), the copy inside the jar.
     */
    private byte[] defaultArticleBytes() throws IOException {
        Path file = config.article();
        boolean isDefault = file.equals(config.baseDir().resolve(PeykConfig.DEFAULT_ARTICLE));
        if (isDefault && !Files.exists(file)) {
            String resource = "/peyk/articles/" + Path.of(PeykConfig.DEFAULT_ARTICLE).getFileName();
            try (InputStream in = Peyk.class.getResourceAsStream(resource)) {
                if (in != null) return in.readAllBytes();
            }
        }
        return Files.readAllBytes(file);
    }

    @Override
    public void close() {
        db.close();
        if (scratch != null) deleteQuietly(scratch);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A scratch folder left in the temporary folder is the system's to clean; not worth failing the command.
        }
    }
}
