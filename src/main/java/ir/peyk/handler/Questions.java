package ir.peyk.handler;

import ir.peyk.adapter.TransportException;
import ir.peyk.answer.Answer;
import ir.peyk.answer.AnswerEngine;
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

    Questions(AnswerEngine engine) {
        this.engine = engine;
    }

    void ask(Turn turn, String raw) throws TransportException {
        String q = SafeText.clean(raw);
        if (q.length() > MAX_QUESTION) {
            turn.reply(turn.t("ask.tooLong", "max", MAX_QUESTION, "length", q.length()));
            return;
        }
        if (PersianText.keyWords(q).isEmpty()) {
            turn.reply(turn.t("ask.empty"));
            return;
        }
        Answer a = engine.ask(q);
        if (!a.answered() || a.answer() == null || a.answer().isBlank()) {
            turn.reply(turn.t("ask.declined"));
            return;
        }
        String text = turn.t("ask.answer", "answer", a.answer().strip());
        List<Integer> sentences = a.evidence().stream().map(Evidence::sentence).distinct().toList();
        if (sentences.isEmpty()) {
            turn.reply(text);
        } else if (turn.buttons()) {
            String data = new CallbackData.ShowEvidence(tag(), sentences).encode();
            turn.reply(text, List.of(new Turn.Offer(turn.t("btn.evidence"), data, null)));
        } else {
            turn.reply(text + "\n\n" + evidenceText(turn, a.evidence()));
        }
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
