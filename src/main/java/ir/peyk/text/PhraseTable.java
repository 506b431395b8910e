package ir.peyk.text;

import ir.peyk.text.KeyedText.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A data file of phrases ({@code PHRASE} or {@code PHRASE = VALUE} a line) matched against the tokens of a key-space
 * text <em>with spaces ignored</em>: an entry {@code یک سال گذشته} matches {@code یکسال گذشته} and
 * {@code یک‌سال گذشته} too, because ZWNJ is gone in key space and the tokens are compared joined. Tokens must be
 * separated by white space only (a comma or a period between them breaks a phrase).
 *
 * @param <V> the parsed value of an entry
 */
public final class PhraseTable<V> {
    /** A phrase found at tokens [{@code first}, {@code end}). */
    public record Match<V>(int first, int end, String phrase, V value) {}

    private final Map<String, V> values = new HashMap<>();
    private final Map<String, String> phrases = new HashMap<>();
    private int maxTokens = 1;

    private PhraseTable() {}

    /** Loads {@code /peyk/lang/NAME}; the value is the text after {@code =}, or the phrase itself when there is none. */
    public static PhraseTable<String> load(String name) {
        return load(name, Function.identity());
    }

    /** Loads {@code /peyk/lang/NAME}, parsing each value with {@code parse} (which sees the phrase itself if no {@code =}). */
    public static <V> PhraseTable<V> load(String name, Function<String, V> parse) {
        PhraseTable<V> t = new PhraseTable<>();
        for (String line : Lexicon.lines(name)) {
            int eq = line.indexOf('=');
            String phrase = (eq < 0 ? line : line.substring(0, eq)).strip();
            String value = (eq < 0 ? phrase : line.substring(eq + 1)).strip();
            String key = PersianText.key(phrase);
            if (key.isEmpty()) continue;
            String compact = key.replace(" ", "");
            t.values.putIfAbsent(compact, parse.apply(value));
            t.phrases.putIfAbsent(compact, phrase);
            // A text may split a word the entry joins (یکسال vs یک سال): allow a few more tokens than the entry has.
            t.maxTokens = Math.max(t.maxTokens, key.split(" ").length + 2);
        }
        return t;
    }

    /** The value of a phrase given in any spelling, or null. */
    public V get(String phrase) {
        return values.get(PersianText.key(phrase).replace(" ", ""));
    }

    /** The value of a phrase already in key space (no normalization: for hot loops over tokens), or null. */
    public V getKey(String key) {
        return values.get(key.indexOf(' ') < 0 ? key : key.replace(" ", ""));
    }

    public boolean contains(String phrase) {
        return get(phrase) != null;
    }

    /** The longest entry that starts at token {@code i}. */
    public Optional<Match<V>> longestAt(String key, List<Token> tokens, int i) {
        StringBuilder joined = new StringBuilder();
        Match<V> best = null;
        for (int j = i; j < tokens.size() && j - i < maxTokens; j++) {
            if (j > i && !onlySpaceBetween(key, tokens.get(j - 1), tokens.get(j))) break;
            joined.append(tokens.get(j).text());
            V v = values.get(joined.toString());
            if (v != null) best = new Match<>(i, j + 1, phrases.get(joined.toString()), v);
        }
        return Optional.ofNullable(best);
    }

    /** The longest entry that ends just before token {@code end} (exclusive). */
    public Optional<Match<V>> longestEndingAt(String key, List<Token> tokens, int end) {
        String joined = "";
        Match<V> best = null;
        for (int j = end - 1; j >= 0 && end - j <= maxTokens; j--) {
            if (j < end - 1 && !onlySpaceBetween(key, tokens.get(j), tokens.get(j + 1))) break;
            joined = tokens.get(j).text() + joined;
            V v = values.get(joined);
            if (v != null) best = new Match<>(j, end, phrases.get(joined), v);
        }
        return Optional.ofNullable(best);
    }

    /** True when only white space separates two tokens of {@code key}. */
    public static boolean onlySpaceBetween(String key, Token a, Token b) {
        for (int k = a.end(); k < b.start(); k++) if (key.charAt(k) != ' ') return false;
        return true;
    }
}
