package ir.peyk.handler;

import ir.peyk.metrics.Metrics;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.TransportException;
import ir.peyk.answer.Answer;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.EnglishQuestions;
import ir.peyk.answer.QuestionCues;
import ir.peyk.answer.Quote;
import ir.peyk.answer.Summary;
import ir.peyk.article.Sentence;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * "@bot text" in any chat: the answer to the text as a question (when the article answers it), the quotes that match,
 * the summary, then the article's sentences that mention the words. An empty query lists the summary and the quotes.
 * Results are paged ten at a time ({@code next_offset} = index of the next result) and cached briefly by language
 * and normalized query, because clients re-send the same query for every page and as the user types.
 */
final class InlineAnswers {
    static final int PAGE = 10;
    /** Telegram takes up to 50 results per answer; we list at most this many in all. */
    static final int MAX_RESULTS = 50;
    /** Telegram's inline query limit; longer text is not from a real client. */
    static final int MAX_QUERY = 256;
    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final int SUMMARY_SENTENCES = 3;

    private final AnswerEngine engine;
    private final TtlCache<String, List<InlineResult>> cache;

    InlineAnswers(AnswerEngine engine, LongSupplier nanoClock) {
        this.engine = engine;
        this.cache = new TtlCache<>(256, TTL_NANOS, nanoClock);
    }

    TtlCache<String, List<InlineResult>> cache() {
        return cache;
    }

    void answer(Turn turn, InlineQuery q) throws TransportException {
        String query = SafeText.display(q.query(), MAX_QUERY);
        String key = turn.transport() + '\u0000' + turn.lang() + '\u0000' + PersianText.key(query);
        List<InlineResult> all = cache.get(key, k -> build(turn, query));
        int offset = offset(q.offset(), all.size());
        int end = Math.min(all.size(), offset + PAGE);
        String next = end < all.size() ? String.valueOf(end) : "";
        turn.ctx().transport().answerInline(q, List.copyOf(all.subList(offset, end)), next);
    }

    /** The page start a client sent back: our own decimal offset, or 0 for anything else. */
    static int offset(String s, int size) {
        if (s == null || s.isEmpty() || s.length() > 4 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return 0;
        return Math.min(Integer.parseInt(s), size);
    }

    private List<InlineResult> build(Turn turn, String query) {
        List<InlineResult> out = new ArrayList<>();
        List<String> words = PersianText.keyWords(query);
        if (words.isEmpty()) {
            summary(turn, out);
            quotes(turn, engine.quotes(), out);
        } else {
            if (EnglishQuestions.script(query) == EnglishQuestions.Script.ENGLISH) turn.switchLanguage("en");
            long started = System.nanoTime();
            Answer a = engine.ask(query);
            Metrics.answer(a.answered(), System.nanoTime() - started);
            if (a.answered() && a.answer() != null && !a.answer().isBlank()) out.add(answer(turn, query, inEnglish(turn, a)));
            else if (QuestionCues.present(query)) out.add(declined(turn, query));   // said first, before the matches
            quotes(turn, engine.searchQuotes(query), out);
            summary(turn, out);
            sentences(turn, words, out);
        }
        return List.copyOf(out.subList(0, Math.min(MAX_RESULTS, out.size())));
    }

    private InlineResult answer(Turn turn, String query, Answer a) {
        Questions.Presented p = Questions.present(a);
        String answer = turn.i18n().localDigits(p.answer());
        String text = p.evidence().isEmpty()
                ? turn.t("inline.answer.textOnly", "question", query, "answer", answer, "title", engine.article().title())
                : turn.t("inline.answer.text", "question", query, "answer", answer,
                        "evidence", p.evidence().get(0).text().strip(), "title", engine.article().title());
        return result(turn, "a", turn.t("inline.answer.title"), answer, text);
    }

    /** In English, the answer's figures in English with the article's words quoted ({@link EnglishAnswers#inline}). */
    private Answer inEnglish(Turn turn, Answer a) {
        if (!"en".equals(turn.lang())) return a;
        Questions.Presented p = Questions.present(a);
        String text = EnglishAnswers.inline(turn, p.answer(), engine.article().meta().published());
        return new Answer(a.question(), true, text, p.evidence(), a.confidence(), a.kind());
    }

    /** A question the article does not answer: saying so comes before the quotes and sentences that merely match. */
    private InlineResult declined(Turn turn, String query) {
        String text = turn.t("inline.declined.text", "question", query, "title", engine.article().title());
        return result(turn, "n", turn.t("inline.declined.title"), turn.t("inline.declined.description", "question", query), text);
    }

    private void summary(Turn turn, List<InlineResult> out) {
        Summary s = engine.summary(SUMMARY_SENTENCES);
        if (s.sentences().isEmpty()) return;
        String text = Summaries.render(turn, engine.article().title(), s);
        out.add(result(turn, "s", turn.t("inline.summary.title"), s.gist(), text));
    }

    private void quotes(Turn turn, List<Quote> quotes, List<InlineResult> out) {
        List<Set<String>> shown = new ArrayList<>();
        for (int i = 0; i < quotes.size() && out.size() < MAX_RESULTS; i++) {
            Quote q = quotes.get(i);
            // An article may repeat a statement under another verb ("گفت" … "تاکید کرد"): one result is enough.
            Set<String> words = Set.copyOf(PersianText.keyWords(q.text()));
            if (shown.stream().anyMatch(w -> nearlySame(w, words))) continue;
            shown.add(words);
            String who = q.speaker() == null || q.speaker().isBlank() ? turn.t("quote.unknownSpeaker") : q.speaker();
            String text = Quotes.format(turn, q) + "\n\n" + turn.t("inline.from", "title", engine.article().title());
            out.add(result(turn, "q" + q.sentence() + "_" + i, turn.t("inline.quote.title", "who", who), q.text(), text));
        }
    }

    /** Two texts whose words overlap by at least 80% (Jaccard): the same statement, give or take a word. */
    static boolean nearlySame(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return a.equals(b);
        long common = a.stream().filter(b::contains).count();
        return common * 5 >= (a.size() + b.size() - common) * 4L;
    }

    /** Sentences with every word of the query; the last word may be a prefix, since the user may still be typing. */
    private void sentences(Turn turn, List<String> words, List<InlineResult> out) {
        String last = words.get(words.size() - 1);
        List<String> whole = words.subList(0, words.size() - 1);
        for (Sentence s : engine.article().body()) {
            if (out.size() >= MAX_RESULTS) break;
            List<String> sw = PersianText.words(s.key());
            if (!sw.containsAll(whole) || sw.stream().noneMatch(w -> w.startsWith(last))) continue;
            String text = s.text().strip() + "\n\n" + turn.t("inline.from", "title", engine.article().title());
            out.add(result(turn, "x" + s.index(), turn.t("inline.sentence.title"), s.text(), text));
        }
    }

    private static InlineResult result(Turn turn, String id, String title, String description, String text) {
        int max = turn.caps().maxTextLength();
        String body = max > 0 ? SafeText.cut(text, max) : text;
        return new InlineResult(id, SafeText.display(title, 100), SafeText.display(description, 200), body);
    }
}
