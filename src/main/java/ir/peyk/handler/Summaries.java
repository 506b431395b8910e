package ir.peyk.handler;

import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.TransportException;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.Evidence;
import ir.peyk.answer.Summary;
import ir.peyk.text.PersianText;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** /summary [n] and its "more of the summary" button. */
final class Summaries {
    static final int MIN = 1;
    static final int MAX = 10;
    static final int DEFAULT = 3;
    /** How many sentences "more" adds. */
    static final int STEP = 3;

    private final AnswerEngine engine;

    Summaries(AnswerEngine engine) {
        this.engine = engine;
    }

    void command(Turn turn, String args) throws TransportException {
        String a = PersianText.asciiDigits(SafeText.clean(args));
        int n = DEFAULT;
        boolean clamped = false;
        if (!a.isEmpty()) {
            if (!a.matches("[-+]?\\d+")) {
                turn.reply(turn.t("summary.badN", "arg", SafeText.display(args, 40), "min", MIN, "max", MAX));
                return;
            }
            boolean negative = a.startsWith("-");
            String digits = a.replaceFirst("^[-+]", "").replaceFirst("^0+(?=\\d)", "");
            int v = digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            int wanted = negative ? -v : v;
            n = Math.max(MIN, Math.min(MAX, wanted));
            clamped = n != wanted;
        }
        Summary s = engine.summary(n);
        if (s.sentences().isEmpty()) {
            turn.reply(turn.t("summary.none"));
            return;
        }
        // The note names what is shown: a short article may have fewer sentences than the clamped number.
        int shown = s.sentences().size();
        String note = clamped ? turn.t("summary.clamped", "min", MIN, "max", MAX, "n", shown)
                : shown < n ? turn.t("summary.short", "n", shown) : null;
        String text = (note == null ? "" : note + "\n\n") + full(turn, s);
        turn.reply(text, offers(turn, s.sentences().size()));
    }

    /** The notice for a "more" press when there is no more to show, else null. */
    String check(Turn turn, CallbackData.MoreSummary data) {
        int shown = Math.min(data.shown(), MAX);
        if (shown >= MAX) return turn.t("summary.complete");
        int before = engine.summary(shown).sentences().size();
        return engine.summary(Math.min(MAX, shown + STEP)).sentences().size() <= before ? turn.t("summary.complete") : null;
    }

    /** "More of the summary": the message grows in place where edits work, else the new sentences follow. */
    String more(Turn turn, CallbackData.MoreSummary data, ButtonPress press) throws TransportException {
        int shown = Math.min(data.shown(), MAX);
        Summary before = engine.summary(shown);
        int next = Math.min(MAX, shown + STEP);
        Summary after = engine.summary(next);
        if (shown >= MAX || after.sentences().size() <= before.sentences().size()) return turn.t("summary.complete");
        List<Turn.Offer> offers = offers(turn, after.sentences().size());
        Reply grown = turn.compose(full(turn, after), offers);
        if (turn.tryEdit(press, grown)) return null;
        Set<Integer> old = before.sentences().stream().map(Evidence::sentence).collect(Collectors.toSet());
        List<Evidence> added = after.sentences().stream().filter(e -> !old.contains(e.sentence())).toList();
        if (added.isEmpty()) return turn.t("summary.complete");
        String text = turn.plural("summary.continued", added.size(), "from", before.sentences().size() + 1, "to",
                after.sentences().size()) + "\n\n" + sentences(added);
        turn.reply(text, offers);
        return null;
    }

    private String full(Turn turn, Summary s) {
        return render(turn, engine.article().title(), s);
    }

    /** A summary as the bot shows it: a heading, then the sentences as bullets. */
    static String render(Turn turn, String title, Summary s) {
        int n = s.sentences().size();
        return turn.plural("summary.title", n, "n", n, "title", title) + "\n\n" + sentences(s.sentences());
    }

    private static String sentences(List<Evidence> list) {
        return list.stream().map(e -> "• " + e.text().strip()).collect(Collectors.joining("\n\n"));
    }

    /** The "more" offer, when more can be shown: a button, or the command to send. */
    private List<Turn.Offer> offers(Turn turn, int shown) {
        if (shown >= MAX || engine.summary(shown + 1).sentences().size() <= shown) return List.of();
        int next = Math.min(MAX, shown + STEP);
        return List.of(new Turn.Offer(turn.t("btn.moreSummary"), new CallbackData.MoreSummary(shown).encode(),
                turn.t("hint.moreSummary", "n", next)));
    }
}
