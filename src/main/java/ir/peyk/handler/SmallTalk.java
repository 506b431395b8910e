package ir.peyk.handler;

import ir.peyk.text.KeyedText;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Greetings, thanks, "who are you" and goodbyes: a message made only of such phrases (small-talk.txt) is chat, and
 * gets a short friendly reply with a hint instead of "the article does not say". Matched on the whole message, so a
 * question that starts with a greeting ("سلام، وزیر ارتباطات کیه؟") is still a question: the greeting is dropped.
 */
final class SmallTalk {
    /** What a chat message is; earlier kinds win when a message mixes them ("hi, who are you?" asks who). */
    enum Kind { IDENTITY, THANKS, BYE, GREETING }

    private record Phrase(Kind kind, String[] words) {}

    private static final List<Phrase> PHRASES = load();
    /** The phrases by their first word, each list in file order: only those can match at a word. */
    private static final Map<String, List<Phrase>> BY_FIRST = byFirst(PHRASES);
    private static final int MAX_WORDS = 12;

    private SmallTalk() {}

    /** The kind of chat {@code text} is when every word of it is a small-talk phrase; null for anything else. */
    static Kind kind(String text) {
        List<KeyedText.Token> w = words(text);
        if (w.isEmpty() || w.size() > MAX_WORDS) return null;
        Kind best = null;
        int i = 0;
        while (i < w.size()) {
            Phrase p = longestAt(w, i);
            if (p == null) return null;
            if (best == null || p.kind().ordinal() < best.ordinal()) best = p.kind();
            i += p.words().length;
        }
        return best;
    }

    /** The friendly reply to chat of {@code kind}, with a hint of what to ask. */
    static String reply(Turn turn, Kind kind, String title) {
        return turn.t("chat." + kind.name().toLowerCase(Locale.ROOT), "title", title);
    }

    /** {@code text} without the greetings it starts with ("سلام، وزیر کیه؟" → "وزیر کیه؟"); the text itself if none. */
    static String withoutGreeting(String text) {
        String key = PersianText.key(text);
        List<KeyedText.Token> w = KeyedText.tokens(key);
        List<KeyedText.Token> lowered = lower(w);
        int i = 0;
        while (i < w.size()) {
            Phrase p = longestAt(lowered, i);
            if (p == null || p.kind() != Kind.GREETING) break;
            i += p.words().length;
        }
        if (i == 0 || i >= w.size()) return text;
        return key.substring(w.get(i).start());
    }

    private static Phrase longestAt(List<KeyedText.Token> w, int i) {
        Phrase best = null;
        for (Phrase p : BY_FIRST.getOrDefault(w.get(i).text(), List.of())) {
            if (i + p.words().length > w.size() || best != null && p.words().length <= best.words().length) continue;
            boolean all = true;
            for (int k = 0; k < p.words().length && all; k++) all = p.words()[k].equals(w.get(i + k).text());
            if (all) best = p;
        }
        return best;
    }

    private static List<KeyedText.Token> words(String text) {
        return lower(KeyedText.tokens(PersianText.key(text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text)));
    }

    /** "what's" is one word of the phrases; KeyedText splits at the apostrophe, so the phrases are split the same way. */
    private static List<KeyedText.Token> lower(List<KeyedText.Token> t) {
        List<KeyedText.Token> out = new ArrayList<>(t.size());
        for (KeyedText.Token x : t) out.add(new KeyedText.Token(x.text().toLowerCase(Locale.ROOT), x.start(), x.end()));
        return out;
    }

    private static Map<String, List<Phrase>> byFirst(List<Phrase> phrases) {
        Map<String, List<Phrase>> out = new HashMap<>();
        for (Phrase p : phrases) out.computeIfAbsent(p.words()[0], k -> new ArrayList<>()).add(p);
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    private static List<Phrase> load() {
        List<Phrase> out = new ArrayList<>();
        for (String line : Lexicon.lines("small-talk.txt")) {
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalStateException("small-talk.txt: no '=' in: " + line);
            Kind kind = Kind.valueOf(line.substring(0, eq).strip().toUpperCase(Locale.ROOT));
            String[] words = words(line.substring(eq + 1)).stream().map(KeyedText.Token::text).toArray(String[]::new);
            if (words.length > 0) out.add(new Phrase(kind, words));
        }
        return List.copyOf(out);
    }
}
