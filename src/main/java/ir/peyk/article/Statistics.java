package ir.peyk.article;

import ir.peyk.text.PersianText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes {@link ArticleStats}.
 *
 * <p>SKELETON: the foundation issue adds keywords, numbers, dates and relative times.
 */
public final class Statistics {
    private Statistics() {}

    public static ArticleStats of(Article article) {
        List<Sentence> body = article.body();
        int words = 0;
        int chars = 0;
        Set<String> unique = new HashSet<>();
        Set<Integer> paragraphs = new HashSet<>();
        for (Sentence s : body) {
            List<String> w = PersianText.words(s.key());
            words += w.size();
            unique.addAll(w);
            chars += s.text().length();
            paragraphs.add(s.paragraph());
        }
        return new ArticleStats(words, unique.size(), body.size(), paragraphs.size(), chars,
                (int) Math.ceil(words / 200.0 * 60), List.of(), List.of(), List.of(), List.of());
    }
}
