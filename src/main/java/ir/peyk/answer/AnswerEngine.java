package ir.peyk.answer;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.Section;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions, summaries and quotes over one article. Built once per article (its indexes are prepared in the
 * constructor) and then shared: every method is thread-safe and never throws on any input.
 *
 * <p>Answers are extractive: the span of the asked type (a name with its title, a number with its unit and qualifier,
 * a date, a list, a reason clause, a quote) plus the sentence it comes from, with the evidence sentences and a
 * confidence. The engine declines ({@code answered == false}) rather than guess: when the question's key words are not
 * in the article, when too few of its words are, or when no span of the asked type stands near them.
 */
public final class AnswerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerEngine.class);
    /** What the bot says when the article does not answer (Persian and English). */
    public static final String DECLINE_FA = "در متن خبر به این موضوع اشاره نشده است.";
    public static final String DECLINE_EN = "The article does not say.";
    static final double MIN_COVERAGE = 0.6;
    static final int MAX_SEARCH_CHARS = 200;

    private final Article article;
    private final ArticleIndex index;
    private final People people;
    private final QuoteExtractor quotes;
    private final Summarizer summarizer;
    private final QuestionAnalyzer analyzer;
    private final Ranker ranker;

    public AnswerEngine(Article article) {
        this.article = article;
        this.index = new ArticleIndex(article);
        this.people = new People(index);
        this.quotes = new QuoteExtractor(index, people);
        this.summarizer = new Summarizer(index, people);
        this.analyzer = new QuestionAnalyzer(index.matcher);
        this.ranker = new Ranker(index, people);
    }

    public Article article() {
        return article;
    }

    /** The sentence to show for a decline, in the question's language. */
    public static String declineMessage(String question) {
        String k = PersianText.key(question == null ? "" : question.length() > 200 ? question.substring(0, 200) : question);
        long latin = k.chars().filter(ch -> ch >= 'a' && ch <= 'z').count();
        long other = k.chars().filter(ch -> Character.isLetter(ch) && !(ch >= 'a' && ch <= 'z')).count();
        return latin > 0 && latin >= other ? DECLINE_EN : DECLINE_FA;
    }

    public Answer ask(String question) {
        String q = question == null ? "" : question;
        try {
            return answer(q);
        } catch (RuntimeException e) {
            LOG.warn("question not answered because of an internal error: {}", e.toString());
            return Answer.decline(q.length() > QuestionAnalyzer.MAX_CHARS ? q.substring(0, QuestionAnalyzer.MAX_CHARS) : q);
        }
    }

    private Answer answer(String question) {
        Question q = analyzer.analyze(question);
        if (q.type() == AnswerType.SOURCE && q.terms().size() <= 1) return source(q).orElse(Answer.decline(q.raw()));
        if (q.type() == AnswerType.PUBLISHED && q.terms().size() <= 1) return published(q).orElse(Answer.decline(q.raw()));
        if (q.terms().isEmpty() || q.requiredMissing() || q.nounMissing() || q.articleCoverage() < MIN_COVERAGE) {
            return Answer.decline(q.raw());
        }
        Ctx c = new Ctx(q, index, people, ranker.rank(q, false));
        if (c.ranked.isEmpty()) return Answer.decline(q.raw());
        Optional<Answer> a = byType(q.type(), c);
        if (a.isEmpty() && q.fallback() != null) a = byType(q.fallback(), c);
        return a.orElse(Answer.decline(q.raw()));
    }

    private Optional<Answer> byType(AnswerType type, Ctx c) {
        Question q = c.q;
        boolean titleHead = q.head() != null && Lang.TITLES.contains(q.head().text());
        return switch (type) {
            case PERSON -> PersonAnswers.person(c, quotes);
            case SPEAKER -> PersonAnswers.speaker(c, quotes);
            case QUOTE -> PersonAnswers.quote(c, quotes);
            case NUMBER -> QuantityAnswers.number(c);
            case DATE -> QuantityAnswers.date(c);
            case LOCATION -> SpanAnswers.location(c);
            case REASON -> SpanAnswers.reason(c);
            case MANNER -> SpanAnswers.manner(c);
            case LIST, WHICH -> titleHead ? PersonAnswers.person(c, quotes) : SpanAnswers.which(c, type == AnswerType.LIST);
            case YESNO -> SpanAnswers.yesNo(c);
            case SOURCE, PUBLISHED, DEFINITION -> SpanAnswers.clause(c, MIN_COVERAGE);
            default -> SpanAnswers.sentence(c, 0.75);
        };
    }

    /** The outlet (and wire agency) of the news, with the footer's credit line as evidence. */
    private Optional<Answer> source(Question q) {
        ArticleMeta m = article.meta();
        boolean agencyAsked = false;
        for (String w : q.words()) agencyAsked |= w.startsWith("خبرگزاری") || w.equals("agency");
        String name = agencyAsked && m.agency() != null ? m.agency() : m.outlet() != null ? m.outlet() : m.agency();
        if (name == null) return Optional.empty();
        String nameKey = PersianText.key(name);
        List<Evidence> ev = new ArrayList<>();
        for (Doc d : index.docs) {
            if (d.section() == Section.FOOTER && d.sentence.key().contains(nameKey)) { ev.add(Ctx.evidence(d)); break; }
        }
        if (ev.isEmpty() && name.equals(m.agency())) {
            for (Doc d : index.docs) {                   // "به گزارش خبرگزاری مهر، …" stays in the sentence
                if (d.section() == Section.BODY && d.sentence.key().contains(nameKey)) { ev.add(Ctx.evidence(d)); break; }
            }
            String line = ev.isEmpty() ? rawLineStartingWith(name) : null;   // "ایسنا: …" was cut from it
            if (line != null) ev.add(new Evidence(firstBodyIndex(), line));
        }
        if (ev.isEmpty() && name.equals(m.outlet()) && datelineText() != null) ev.add(new Evidence(-1, datelineText()));
        String text = name;
        if (!agencyAsked && m.agency() != null && !m.agency().equals(name)) text += " (به نقل از " + m.agency() + ")";
        if (!ev.isEmpty()) text += " — «" + ev.get(0).text() + "»";
        return Optional.of(new Answer(q.raw(), true, text, ev, ev.isEmpty() ? 0.8 : 0.95));
    }

    /** The publication date from the dateline (evidence index −1: the dateline is not a sentence). */
    private Optional<Answer> published(Question q) {
        ArticleMeta m = article.meta();
        if (m.published() == null) return Optional.empty();
        String date = m.published().day() + " " + m.published().monthName() + " " + m.published().year()
                + " (" + m.publishedIso() + ")" + (m.time() == null ? "" : "، ساعت " + m.time());
        String dateline = datelineText();
        String text = dateline == null ? date : date + " — «" + dateline + "»";
        return Optional.of(new Answer(q.raw(), true, text, List.of(new Evidence(-1, dateline == null ? date : dateline)), 0.95));
    }

    private int firstBodyIndex() {
        for (Doc d : index.docs) if (d.section() == Section.BODY) return d.index();
        return 0;
    }

    private String rawLineStartingWith(String prefix) {
        for (String line : article.raw().split("\\R")) {
            String t = line.strip();
            if (t.startsWith(prefix) && t.length() > prefix.length()) return t;
        }
        return null;
    }

    private String datelineText() {
        String outlet = article.meta().outlet();
        for (String line : article.raw().split("\\R")) {
            String t = line.strip();
            if (outlet != null && t.startsWith(outlet) && !t.equals(article.title())) return t;
        }
        return null;
    }

    /** {@code n} sentences (clamped to 1..10), in article order, from the body only; plus a one-line gist. */
    public Summary summary(int n) {
        try {
            return summarizer.summary(n, article.title());
        } catch (RuntimeException e) {
            LOG.warn("summary failed: {}", e.toString());
            return new Summary(List.of(), article.title() == null ? "" : article.title());
        }
    }

    public List<Quote> quotes() {
        return quotes.quotes();
    }

    /**
     * Quotes whose words, speaker or title contain every content word of {@code words} (any spelling: ZWNJ, Arabic
     * letters and digits do not matter). Only function words given: every quote matches on them instead.
     */
    public List<Quote> searchQuotes(String words) {
        try {
            String s = words == null ? "" : words.length() > MAX_SEARCH_CHARS ? words.substring(0, MAX_SEARCH_CHARS) : words;
            List<String> all = PersianText.words(PersianText.key(s));
            List<String> content = all.stream().filter(w -> !Lang.isFunctionWord(w)).toList();
            List<String> want = content.isEmpty() ? all : content;
            if (want.isEmpty()) return List.of();
            List<Quote> out = new ArrayList<>();
            for (Quote q : quotes.quotes()) {
                String hay = compact(q.text() + " " + q.speaker() + " " + (q.title() == null ? "" : q.title()));
                boolean every = true;
                for (String w : want) every &= hay.contains(w);
                if (every) out.add(q);
            }
            return out;
        } catch (RuntimeException e) {
            LOG.warn("quote search failed: {}", e.toString());
            return List.of();
        }
    }

    private static String compact(String s) {
        return PersianText.key(s).replace(" ", "");
    }

    public Optional<Quote> randomQuote(Random random) {
        List<Quote> all = quotes();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(random.nextInt(all.size())));
    }
}
