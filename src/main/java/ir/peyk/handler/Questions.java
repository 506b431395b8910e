package ir.peyk.handler;

import ir.peyk.metrics.Metrics;
import ir.peyk.adapter.TransportException;
import ir.peyk.answer.Answer;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.EnglishQuestions;
import ir.peyk.answer.Evidence;
import ir.peyk.article.Article;
import ir.peyk.article.Sentence;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions: /ask and free text. An answer comes with a "show the evidence" button (or, without buttons, the evidence
 * inline); a decline says the article does not say — the bot never guesses.
 */
final class Questions {
    /** Longer "questions" are pasted text, not questions; refusing them keeps the engine's work bounded. */
    static final int MAX_QUESTION = 500;

    private final AnswerEngine engine;
    /**
     * What each recent question asks, by its cleaned text ({@link #understand}): readers ask the same questions again
     * and again, and everything but the framing for the chat depends on the text alone. Sized as the engine's cache.
     */
    private final TtlCache<String, Understood> understood = TtlCache.lru(AnswerEngine.cacheSize());

    Questions(AnswerEngine engine) {
        this.engine = engine;
    }

    /**
     * A question as the article answers it, apart from who asks: whether it is English, small talk ({@code chat}),
     * without key words ({@code answer} null), or the engine's answer and how it is shown ({@code presented} null
     * for a decline; {@code evidenceButton} the data of its "show the evidence" button, null when its evidence is
     * shown at once).
     */
    private record Understood(boolean english, SmallTalk.Kind chat, Answer answer, Presented presented,
                              String evidenceButton) {}

    private Understood understand(String q) {
        boolean english = EnglishQuestions.script(q) == EnglishQuestions.Script.ENGLISH;
        SmallTalk.Kind chat = SmallTalk.kind(q);
        if (chat != null) return new Understood(english, chat, null, null, null);
        String asked = SmallTalk.withoutGreeting(q);
        if (PersianText.keyWords(asked).isEmpty()) return new Understood(english, null, null, null, null);
        Answer a = engine.ask(asked);
        if (!a.answered() || a.answer() == null || a.answer().isBlank()) return new Understood(english, null, a, null, null);
        Presented p = present(a);
        List<Integer> sentences = p.evidence().stream().map(Evidence::sentence).distinct().toList();
        int size = engine.article().sentences().size();
        // Evidence that is not an article sentence (the dateline) has no button: it is shown right away.
        boolean indexed = !sentences.isEmpty() && sentences.stream().allMatch(i -> i >= 0 && i < size);
        return new Understood(english, null, a, p,
                indexed ? new CallbackData.ShowEvidence(tag(), sentences).encode() : null);
    }

    void ask(Turn turn, String raw) throws TransportException {
        String q = SafeText.clean(raw);
        if (q.length() > MAX_QUESTION) {
            turn.reply(turn.t("ask.tooLong", "max", MAX_QUESTION, "length", q.length()));
            return;
        }
        long started = System.nanoTime();
        Understood u = understood.get(q, this::understand);
        // English asked in a Persian chat is answered in English (Finglish is Persian: the chat's language stays)
        if (u.english()) turn.switchLanguage("en");
        if (u.chat() != null) {
            turn.reply(SmallTalk.reply(turn, u.chat(), engine.article().title()));
            return;
        }
        if (u.answer() == null) {
            turn.reply(turn.t("ask.empty"));
            return;
        }
        Answer a = u.answer();
        Metrics.answer(a.answered(), System.nanoTime() - started);
        if (u.presented() == null) {
            turn.reply(turn.t("ask.declined"));
            return;
        }
        Presented p = u.presented();
        String text = turn.t("ask.answer", "answer", turn.i18n().localDigits(p.answer()));
        if (p.evidence().isEmpty()) {
            turn.reply(framed(turn, p, text));
        } else if (turn.buttons() && u.evidenceButton() != null) {
            turn.reply(framed(turn, p, text), List.of(new Turn.Offer(turn.t("btn.evidence"), u.evidenceButton(), null)));
        } else {
            // No buttons, or evidence that is not an article sentence (the dateline): show it right away.
            turn.reply(framed(turn, p, text) + "\n\n" + evidenceText(turn, p.evidence()));
        }
    }

    /** In English, the answer framed with its figures in English and the article's words quoted; else {@code text}. */
    private String framed(Turn turn, Presented p, String text) {
        return "en".equals(turn.lang()) ? EnglishAnswers.frame(turn, p.answer(), engine.article().meta().published()) : text;
    }

    /** An answer as the bot shows it: the answering words, and the evidence still to show (none if already shown). */
    record Presented(String answer, List<Evidence> evidence) {}

    /**
     * Separates the answer from its evidence. The engine may already quote the supporting sentence after the span
     * ("SPAN — «SENTENCE»"), or answer with the sentence itself ("«SENTENCE»"); the sentence then goes behind the
     * evidence button rather than being shown twice. Only a quotation that matches an evidence sentence is moved.
     */
    static Presented present(Answer a) {
        String text = a.answer().strip();
        List<Evidence> evidence = a.evidence();
        if (!text.endsWith("»")) return new Presented(text, evidence);
        // The first «, from the left, whose quotation up to the final » is an evidence sentence (which may itself
        // contain «»).
        int cut = -1;
        String quoted = null;
        List<String> keys = new ArrayList<>(evidence.size()); // each evidence sentence keyed once, not once per «
        for (Evidence e : evidence) keys.add(PersianText.key(e.text()));
        for (int i = text.indexOf('«'); i >= 0 && cut < 0; i = text.indexOf('«', i + 1)) {
            String k = PersianText.key(text.substring(i + 1, text.length() - 1));
            if (keys.contains(k)) {
                cut = i;
                quoted = k;
            }
        }
        if (cut < 0) return new Presented(text, evidence);
        String span = text.substring(0, cut).strip();
        if (span.endsWith("—")) span = span.substring(0, span.length() - 1).strip();
        if (!span.isEmpty()) return new Presented(span, evidence);
        // The answer is the sentence itself: only other evidence (if any) is left to show.
        List<Evidence> rest = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) if (!keys.get(i).equals(quoted)) rest.add(evidence.get(i));
        return new Presented(text, List.copyOf(rest));
    }

    /** The notice for a "show the evidence" press whose data is stale (another article, indexes out of range). */
    String check(Turn turn, CallbackData.ShowEvidence data) {
        int size = engine.article().sentences().size();
        boolean ok = data.article().equals(tag()) && data.sentences().stream().allMatch(i -> i >= 0 && i < size);
        return ok ? null : turn.t("button.stale");
    }

    /**
     * The "show the evidence" button: the sentences, quoted. Returns null when shown, or the notice for the button
     * answer when the data is stale (another article is loaded now, or the indexes are out of range).
     */
    String showEvidence(Turn turn, CallbackData.ShowEvidence data) throws TransportException {
        Article article = engine.article();
        if (!data.article().equals(tag())) return turn.t("button.stale");
        List<Evidence> evidence = new ArrayList<>();
        for (int i : data.sentences()) {
            if (i >= article.sentences().size()) return turn.t("button.stale");
            Sentence s = article.sentences().get(i);
            evidence.add(new Evidence(s.index(), s.text()));
        }
        turn.reply(evidenceText(turn, evidence));
        return null;
    }

    private String evidenceText(Turn turn, List<Evidence> evidence) {
        StringBuilder b = new StringBuilder(turn.t("evidence.title", "title", engine.article().title()));
        for (Evidence e : evidence) b.append("\n\n").append(turn.t("evidence.line", "text", e.text().strip()));
        return b.toString();
    }

    private String tag() {
        return CallbackData.articleTag(engine.article().id());
    }
}
