package ir.peyk.answer;

import ir.peyk.article.Article;
import ir.peyk.article.Section;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Questions, summaries and quotes over one article. Built once per article (its indexes are prepared in the
 * constructor) and then shared: every method is thread-safe.
 *
 * <p>SKELETON: the answer issue replaces these bodies with the real engine.
 */
public final class AnswerEngine {
    private final Article article;

    public AnswerEngine(Article article) {
        this.article = article;
    }

    public Article article() {
        return article;
    }

    public Answer ask(String question) {
        return Answer.decline(question);
    }

    /** {@code n} sentences (clamped to 1..10), in article order, from the body only. */
    public Summary summary(int n) {
        List<Evidence> lead = article.sentences().stream().filter(s -> s.section() == Section.BODY)
                .limit(Math.max(1, Math.min(10, n))).map(s -> new Evidence(s.index(), s.text())).toList();
        return new Summary(lead, lead.isEmpty() ? article.title() : lead.get(0).text());
    }

    public List<Quote> quotes() {
        return List.of();
    }

    public List<Quote> searchQuotes(String words) {
        return List.of();
    }

    public Optional<Quote> randomQuote(Random random) {
        List<Quote> all = quotes();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
    }
}
