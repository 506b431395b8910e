package ir.peyk.handler;

import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.TransportException;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.Quote;
import ir.peyk.text.PersianText;
import java.util.List;
import java.util.Random;

/** /quote [word] and its "another quote" button. */
final class Quotes {
    /** Search words longer than this are not words; they are echoed back cut to this. */
    static final int MAX_WORD = 60;

    private final AnswerEngine engine;
    private final Random random;

    Quotes(AnswerEngine engine, Random random) {
        this.engine = engine;
        this.random = random;
    }

    void command(Turn turn, String args) throws TransportException {
        String word = SafeText.clean(args);
        int pick = 0;
        // "/quote word 2": the second match — how platforms without buttons get "another quote" of a search.
        int space = word.lastIndexOf(' ');
        if (space > 0) {
            String tail = PersianText.asciiDigits(word.substring(space + 1));
            if (tail.matches("\\d{1,3}")) {
                pick = Math.max(0, Integer.parseInt(tail) - 1);
                word = word.substring(0, space).strip();
            }
        }
        if (word.isEmpty()) {
            List<Quote> all = engine.quotes();
            if (all.isEmpty()) {
                turn.reply(turn.t("quote.none"));
                return;
            }
            int i = random.nextInt(all.size());
            turn.reply(random(turn, all, i));
            return;
        }
        if (word.length() > MAX_WORD) {
            turn.reply(turn.t("quote.noMatch", "word", SafeText.display(word, MAX_WORD)));
            return;
        }
        List<Quote> matches = engine.searchQuotes(word);
        if (matches.isEmpty()) {
            turn.reply(turn.t("quote.noMatch", "word", word));
            return;
        }
        if (pick >= matches.size()) {
            // "/quote word 2" with one match: say so, rather than silently showing match 1 again.
            Reply first = matching(turn, matches, 0, word);
            String note = turn.plural("quote.fewer", matches.size(), "asked", pick + 1, "count", matches.size(), "word", word);
            turn.reply(new Reply(note + "\n\n" + first.text(), first.buttons()));
            return;
        }
        turn.reply(matching(turn, matches, pick, word));
    }

    /** The notice for an "another quote" press when the article has none, else null. */
    String check(Turn turn) {
        return engine.quotes().isEmpty() ? turn.t("quote.none") : null;
    }

    /** The notice for an "another quote" press after a search that no longer matches, else null. */
    String check(Turn turn, CallbackData.NextMatchingQuote data) {
        return engine.searchQuotes(data.word()).isEmpty() ? turn.t("button.stale") : null;
    }

    /** "Another quote" after a random one: a different random quote (when there is another). */
    String next(Turn turn, CallbackData.NextQuote data, ButtonPress press) throws TransportException {
        List<Quote> all = engine.quotes();
        if (all.isEmpty()) return turn.t("quote.none");
        int i = random.nextInt(all.size());
        if (all.size() > 1 && i == data.current()) i = (i + 1 + random.nextInt(all.size() - 1)) % all.size();
        show(turn, press, random(turn, all, i));
        return null;
    }

    /** "Another quote" after a search: the next match, round and round. */
    String nextMatching(Turn turn, CallbackData.NextMatchingQuote data, ButtonPress press) throws TransportException {
        List<Quote> matches = engine.searchQuotes(data.word());
        if (matches.isEmpty()) return turn.t("button.stale");
        int i = (data.current() + 1) % matches.size();
        show(turn, press, matching(turn, matches, i, data.word()));
        return null;
    }

    private static void show(Turn turn, ButtonPress press, Reply reply) throws TransportException {
        if (!turn.tryEdit(press, reply)) turn.reply(reply);
    }

    private Reply random(Turn turn, List<Quote> all, int i) {
        List<Turn.Offer> offers = all.size() > 1
                ? List.of(new Turn.Offer(turn.t("btn.anotherQuote"), new CallbackData.NextQuote(i).encode(),
                        turn.t("hint.anotherQuote")))
                : List.of();
        return turn.compose(format(turn, all.get(i)), offers);
    }

    private Reply matching(Turn turn, List<Quote> matches, int i, String word) {
        String text = format(turn, matches.get(i));
        if (matches.size() == 1) return turn.compose(text, List.of());
        text = turn.t("quote.match", "i", i + 1, "count", matches.size(), "word", word) + "\n\n" + text;
        // A long search word may not fit in 64 bytes of callback data: then the hint stands in for the button.
        String data = new CallbackData.NextMatchingQuote(i, word).encode();
        return turn.compose(text, List.of(new Turn.Offer(turn.t("btn.anotherQuote"), data,
                turn.t("hint.anotherMatch", "word", word, "n", (i + 1) % matches.size() + 1))));
    }

    static String format(Turn turn, Quote q) {
        String speaker = q.speaker() == null || q.speaker().isBlank() ? turn.t("quote.unknownSpeaker") : q.speaker();
        String who = q.title() == null || q.title().isBlank() ? speaker
                : turn.t("quote.speakerWithTitle", "speaker", speaker, "title", q.title());
        if (q.verb() == null || q.verb().isBlank()) return turn.t("quote.formatNoVerb", "text", q.text().strip(), "who", who);
        return turn.t("quote.format", "text", q.text().strip(), "who", who, "verb", q.verb().strip());
    }
}
