package ir.peyk.answer;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleParser;
import ir.peyk.text.PersianText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test articles from the classpath (copies in src/test/resources/articles) and one engine per article. */
final class Fixtures {
    static final String DEFAULT = "government-services-domestic-messengers.fa.txt";
    static final String DAMS = "tehran-dams-hamshahri.fa.txt";
    private static final Map<String, AnswerEngine> ENGINES = new ConcurrentHashMap<>();

    private Fixtures() {}

    static Article article(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) throw new IllegalStateException("missing test article " + name);
            return ArticleParser.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ir.peyk.article.ArticleException e) {
            throw new IllegalStateException(e);
        }
    }

    static AnswerEngine engine(String name) {
        return ENGINES.computeIfAbsent(name, n -> new AnswerEngine(article(n)));
    }

    /** The eval normalization: PersianText.key (ZWNJ/bidi gone, ی ک ه, ASCII digits, no diacritics, lower case, one space). */
    static String norm(String s) {
        return PersianText.key(s == null ? "" : s);
    }
}
