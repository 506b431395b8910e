package ir.peyk.store;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleParser;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stored articles. The raw text is the record of truth; the parsed form is rebuilt on load (parsing takes well under a
 * millisecond), so a parser improvement applies to old articles too. Ids are content hashes: storing the same text
 * twice is a no-op.
 */
public final class ArticleRepository {
    /** A row of the article list. */
    public record Listing(String id, String title, String outlet, String published, boolean isDefault, long storedAt) {}

    private final Database db;

    public ArticleRepository(Database db) {
        this.db = db;
    }

    /**
     * Stores {@code article} (idempotent by id). When {@code makeDefault} is set, or no default exists yet, it becomes
     * the default. Returns true when it was new.
     */
    public boolean save(Article article, boolean makeDefault) {
        return db.tx(c -> {
            boolean isNew;
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO articles(id, title, outlet, published, raw, stored_at) VALUES(?,?,?,?,?,?) "
                            + "ON CONFLICT DO NOTHING")) {
                p.setString(1, article.id());
                p.setString(2, article.meta().title());
                p.setString(3, article.meta().outlet());
                p.setString(4, article.meta().publishedIso() == null ? null : article.meta().publishedIso().toString());
                p.setString(5, article.raw());
                p.setLong(6, System.currentTimeMillis());
                isNew = p.executeUpdate() == 1;
            }
            boolean hasDefault;
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM articles WHERE is_default=1");
                 ResultSet r = p.executeQuery()) {
                hasDefault = r.next();
            }
            if (makeDefault || !hasDefault) {
                try (PreparedStatement p = c.prepareStatement("UPDATE articles SET is_default = CASE WHEN id = ? THEN 1 ELSE 0 END")) {
                    p.setString(1, article.id());
                    p.executeUpdate();
                }
            }
            return isNew;
        });
    }

    public Optional<Article> find(String id) {
        return load("SELECT raw FROM articles WHERE id = ?", id);
    }

    public Optional<Article> defaultArticle() {
        return load("SELECT raw FROM articles WHERE is_default = 1");
    }

    public boolean isEmpty() {
        return list().isEmpty();
    }

    public List<Listing> list() {
        return db.read(c -> {
            List<Listing> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, title, outlet, published, is_default, stored_at FROM articles ORDER BY stored_at, rowid");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Listing(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getInt(5) == 1, r.getLong(6)));
                }
            }
            return out;
        });
    }

    private Optional<Article> load(String sql, Object... args) {
        Optional<String> raw = db.text(sql, args);
        if (raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(ArticleParser.parse(raw.get().getBytes(StandardCharsets.UTF_8)));
        } catch (ArticleException e) {
            throw new StoreException("stored article could not be read back: " + e.getMessage(), e);
        }
    }
}
