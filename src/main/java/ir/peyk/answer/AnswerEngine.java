package ir.peyk.answer;

import ir.peyk.article.Article;
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
 * <p>Answers are extractive and graded ({@link Answer.Kind}): a typed reader's span of the asked type (a name with its
 * title, a number with its unit and qualifier, a date, a list, a reason clause, a quote) with the sentence it comes
 * from; else the best-matching sentence(s), as what the article says, when the decision model ({@link AnswerModel})
 * finds the question well matched; else a decline. English and Finglish questions are asked in Persian first.
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
    private final NewsAnswers news;
    private final SentenceAnswers sentences;
    private final EnglishQuestions english;
    private final AnswerCache cache;

    public AnswerEngine(Article article) {
        this(article, AnswerModel.shipped());
    }

    /** An engine that decides with {@code model} (training and evaluation compare models on the same article). */
    public AnswerEngine(Article article, AnswerModel model) {
        this(article, model, 0);
    }

    /**
     * The bot's engine: the shipped model, and the last answers kept ({@link AnswerCache}, sized by
     * {@code -Dpeyk.answers.cache}). The command line's engines keep none: `peyk bench` measures answering itself.
     */
    public static AnswerEngine forBot(Article article) {
        return new AnswerEngine(article, AnswerModel.shipped(), AnswerCache.configuredSize());
    }

    /** How many answers the bot keeps ({@code -Dpeyk.answers.cache}, {@link AnswerCache}); 0: none. */
    public static int cacheSize() {
        return AnswerCache.configuredSize();
    }

    private AnswerEngine(Article article, AnswerModel model, int cacheSize) {
        this.cache = new AnswerCache(cacheSize);
        this.article = article;
        this.index = new ArticleIndex(article);
        this.people = new People(index);
        this.quotes = new QuoteExtractor(index, people);
        this.summarizer = new Summarizer(index, people);
        this.analyzer = new QuestionAnalyzer(index.matcher);
        this.ranker = new Ranker(index, people);
        this.news = new NewsAnswers(article, index);
        this.sentences = new SentenceAnswers(index, people, model);
        this.english = new EnglishQuestions(article);
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
        return cache.get(question == null ? "" : question, this::answerAny);
    }

    private Answer answerAny(String q) {
        try {
            return EnglishQuestions.asked(q, answer(english.toPersian(q)));   // English / Finglish: asked in Persian
        } catch (RuntimeException e) {
            LOG.warn("question not answered because of an internal error: {}", e.toString());
            return Answer.decline(q.length() > QuestionAnalyzer.MAX_CHARS ? q.substring(0, QuestionAnalyzer.MAX_CHARS) : q);
        }
    }

    /**
     * Retrieve → read → decide: a typed reader's span when one is sure of it; else the best-matching sentence when
     * the decision model finds the question well matched; else a decline.
     */
    private Answer answer(String question) {
        Question q = analyzer.analyze(question);
        if (q.news() != null) return news.answer(q).orElse(Answer.decline(q.raw()));
        Typed typed = typed(q);
        if (typed.answer().isPresent()) return typed.answer().get();
        if (q.terms().isEmpty()) return Answer.decline(q.raw());
        return sentences.answer(q, readerDeclined(q), typed.vetoed());
    }

    /** What evaluation and training see of one question: the typed answer if any, and the graded decision. */
    public record Trace(Answer typed, double[] features, double probability, Answer sentence, List<String> unmatched,
                        String type) {}

    /** Runs both paths on {@code question} without choosing (for `peyk eval` and `peyk train`). */
    public Trace trace(String question) {
        question = english.toPersian(question);                  // English / Finglish: asked in Persian
        Question q = analyzer.analyze(question == null ? "" : question);
        Typed t = q.news() != null ? new Typed(news.answer(q), false) : typed(q);
        Answer typed = t.answer().orElse(Answer.decline(q.raw()));
        List<String> unmatched = q.terms().stream().filter(x -> !x.matched()).map(Question.Term::text).toList();
        if (q.news() != null || q.terms().isEmpty()) {
            return new Trace(typed, null, 0, Answer.decline(q.raw()), unmatched, q.type().name());
        }
        SentenceAnswers.Decision d = sentences.decide(q, !typed.answered() && readerDeclined(q), t.vetoed());
        Answer s = d.candidate() == null ? Answer.decline(q.raw()) : sentences.toAnswer(q, d);
        return new Trace(typed, d.features(), d.probability(), s, unmatched, q.type().name());
    }

    /** The question's key words are all in the article, so the typed readers looked, and found no span. */
    private static boolean readerDeclined(Question q) {
        return !keyWordsMissing(q);
    }

    private static boolean keyWordsMissing(Question q) {
        return q.terms().isEmpty() || q.requiredMissing() || q.nounMissing() || q.articleCoverage() < MIN_COVERAGE;
    }

    /** What the typed readers made of a question: their span, and whether a guard turned a candidate down. */
    private record Typed(Optional<Answer> answer, boolean vetoed) {}

    /** The typed readers: a span of the asked type, only when the question's key words are all in the article. */
    private Typed typed(Question q) {
        if (keyWordsMissing(q)) return new Typed(Optional.empty(), false);
        Ctx c = new Ctx(q, index, people, ranker.rank(q, false));
        if (c.ranked.isEmpty()) return new Typed(Optional.empty(), false);
        Optional<Answer> a = read(q, c);
        return new Typed(a, c.vetoes > 0);
    }

    private Optional<Answer> read(Question q, Ctx c) {
        Optional<Answer> a = byType(q.type(), c);
        if (a.isEmpty() && q.fallback() == AnswerType.QUOTE) {
            a = PersonAnswers.quote(c, quotes, true);            // "X را چطور می‌بیند": only when X's speaker is asked
        } else if (a.isEmpty() && q.fallback() != null) {
            a = byType(q.fallback(), c);
        }
        return a.filter(x -> !c.veto(!pairsSaid(q.raw(), x)));
    }

    private static final java.util.regex.Pattern DASH_PAIR =
            java.util.regex.Pattern.compile("([\\p{L}\\p{N}]+) ?[-\u2010-\u2015] ?([\\p{L}\\p{N}]+)");

    /**
     * A pair the question joins with a dash (a route "A - B", a match, a range) is in the evidence as that pair:
     * "خط میدان ساعت - فرودگاه" is not confirmed by a sentence naming "میدان ساعت - X" and "فرودگاه - Y".
     */
    private static boolean pairsSaid(String question, Answer a) {
        boolean dash = false;
        for (int i = 0; i < question.length() && !dash; i++) {
            char ch = question.charAt(i);
            dash = ch == '-' || ch >= '\u2010' && ch <= '\u2015';
        }
        if (!dash) return true;
        java.util.regex.Matcher m = DASH_PAIR.matcher(PersianText.key(question));
        if (!m.find()) return true;
        StringBuilder ev = new StringBuilder();
        for (Evidence e : a.evidence()) ev.append(dashed(e.text())).append('\n');
        do {
            if (ev.indexOf(dashed(m.group(1) + "-" + m.group(2))) < 0) return false;
        } while (m.find());
        return true;
    }

    /** Key space without spaces, every dash as '-': "ائل‌گلی" and "ائل گلی", "A – B" and "A-B" compare equal. */
    private static String dashed(String s) {
        return PersianText.key(s).replaceAll("[\u2010-\u2015]", "-").replace(" ", "");
    }

    private Optional<Answer> byType(AnswerType type, Ctx c) {
        Question q = c.q;
        boolean titleHead = q.head() != null && Lang.TITLES.contains(q.head().text());
        return switch (type) {
            case PERSON -> PersonAnswers.person(c, quotes);
            case SPEAKER -> PersonAnswers.speaker(c, quotes);
            case QUOTE -> PersonAnswers.quote(c, quotes, false);
            case NUMBER -> QuantityAnswers.number(c);
            case DATE -> DateAnswers.date(c);
            case LOCATION -> PlaceAnswers.location(c);
            case REASON -> SpanAnswers.reason(c);
            case MANNER -> SpanAnswers.manner(c);
            case LIST, WHICH -> titleHead ? PersonAnswers.person(c, quotes) : ListAnswers.which(c, type == AnswerType.LIST);
            case YESNO -> SpanAnswers.yesNo(c);
            case SOURCE, PUBLISHED, DEFINITION -> SpanAnswers.clause(c, MIN_COVERAGE);   // "منبع این آمار …": the story's
            default -> SpanAnswers.sentence(c, 0.75);
        };
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
