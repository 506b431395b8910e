package ir.peyk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleParser;
import ir.peyk.article.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Part of the store contract: the same tests on a SQLite file and on PostgreSQL. */
class ArticleRepositoryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void saveIsIdempotentAndSurvivesReopening(String backend) throws Exception {
        Article a = Fixtures.parse(Fixtures.DEFAULT);
        try (Backend store = Backend.of(backend)) {
            try (Database db = store.open()) {
                ArticleRepository repo = new ArticleRepository(db);
                assertTrue(repo.isEmpty());
                assertTrue(repo.save(a, false));
                assertFalse(repo.save(a, false), "the same content again is not new");
                assertFalse(repo.save(Fixtures.parse(Fixtures.DEFAULT), true));
                assertEquals(1, repo.list().size());
            }
            try (Database db = store.open()) {
                ArticleRepository repo = new ArticleRepository(db);
                ArticleRepository.Listing l = repo.list().get(0);
                assertEquals(a.id(), l.id());
                assertEquals(a.title(), l.title());
                assertEquals("دنیای اقتصاد", l.outlet());
                assertEquals("2023-07-12", l.published());
                assertTrue(l.isDefault(), "the first article becomes the default");
                Article back = repo.find(a.id()).orElseThrow();
                assertEquals(a.sentences(), back.sentences());
                assertEquals(a.meta(), back.meta());
                assertEquals(a.raw(), back.raw());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void defaultSwitching(String backend) {
        try (Backend store = Backend.of(backend); Database db = store.open()) {
            ArticleRepository repo = new ArticleRepository(db);
            Article first = Fixtures.parse(Fixtures.DEFAULT);
            Article irna = Fixtures.parse(Fixtures.IRNA);
            Article hamshahri = Fixtures.parse(Fixtures.HAMSHAHRI);
            repo.save(first, false);
            repo.save(irna, false);
            assertEquals(first.id(), repo.defaultArticle().orElseThrow().id(), "saving without --default keeps it");
            repo.save(hamshahri, true);
            assertEquals(hamshahri.id(), repo.defaultArticle().orElseThrow().id());
            repo.save(irna, true);  // already stored: only the default moves
            assertEquals(irna.id(), repo.defaultArticle().orElseThrow().id());
            assertEquals(1, repo.list().stream().filter(ArticleRepository.Listing::isDefault).count());
            assertEquals(3, repo.list().size());
            // Listed in the order they were stored, even within one millisecond.
            assertEquals(List.of(first.id(), irna.id(), hamshahri.id()),
                    repo.list().stream().map(ArticleRepository.Listing::id).toList());
            assertTrue(repo.find("000000000000").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("ir.peyk.store.Backend#both")
    void manyArticles(String backend) throws ArticleException {
        String base = Fixtures.text(Fixtures.HAMSHAHRI);
        try (Backend store = Backend.of(backend); Database db = store.open()) {
            ArticleRepository repo = new ArticleRepository(db);
            for (int i = 0; i < 200; i++) {
                repo.save(ArticleParser.parse(base.replace("۴۵۰ هزار نفر", i + " هزار نفر")), false);
            }
            List<ArticleRepository.Listing> all = repo.list();
            assertEquals(200, all.size());
            assertEquals(200, all.stream().map(ArticleRepository.Listing::id).distinct().count());
            Article some = repo.find(all.get(137).id()).orElseThrow();
            assertTrue(some.raw().contains(" هزار نفر"));
        }
    }

    @Test
    void aStorePathThatCannotBeOpenedIsOneClearLine() throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        StoreException e = assertThrows(StoreException.class, () -> Database.open(notADir.resolve("peyk.db")));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(notADir.toString()), e.getMessage());
        StoreException folder = assertThrows(StoreException.class, () -> Database.open(dir));
        assertTrue(folder.getMessage().contains("folder"), folder.getMessage());
    }
}
