package ir.peyk.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A string together with its {@link PersianText#key key} and a map from every key character back to the original
 * characters it came from. Extractors match in key space (so ZWNJ, Arabic letters and Persian digits don't matter)
 * and report spans in the original text, so callers can cut the exact words from the display text.
 *
 * <p>The key is built exactly like {@link PersianText#key}, but NFKC is applied per grapheme cluster (a base character
 * and its combining marks) instead of to the whole string, which is what lets each output character remember its
 * source. For real text the two keys are identical (tests compare them).
 */
public final class KeyedText {
    private final String original;
    private final String key;
    /** For key char i: the original range [from[i], to[i]) it came from. */
    private final int[] from;
    private final int[] to;

    private KeyedText(String original, String key, int[] from, int[] to) {
        this.original = original;
        this.key = key;
        this.from = from;
        this.to = to;
    }

    /** A word (maximal run as in {@link PersianText#words}) of the key, with its key offsets [start, end). */
    public record Token(String text, int start, int end) {}

    public static KeyedText of(String original) {
        String s = original == null ? "" : original;
        Builder b = new Builder(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isStable(c) && (i + 1 >= s.length() || !isCombining(s.codePointAt(i + 1)))) {
                b.add(PersianText.map(c), i, i + 1);                   // the common case: no string built
                i++;
                continue;
            }
            int clusterEnd = i + Character.charCount(s.codePointAt(i));
            while (clusterEnd < s.length() && isCombining(s.codePointAt(clusterEnd))) {
                clusterEnd += Character.charCount(s.codePointAt(clusterEnd));
            }
            String cluster = s.substring(i, clusterEnd);
            String nf = Normalizer.isNormalized(cluster, Normalizer.Form.NFKC) ? cluster
                    : Normalizer.normalize(cluster, Normalizer.Form.NFKC);
            for (int j = 0; j < nf.length(); j++) b.add(PersianText.map(nf.charAt(j)), i, clusterEnd);
            i = clusterEnd;
        }
        return b.build();
    }

    /** Appends mapped characters the way {@link PersianText#key} does (white space collapsed, none at the ends). */
    private static final class Builder {
        private final String s;
        private final StringBuilder key;
        private int[] from;
        private int[] to;
        private boolean pendingSpace;

        Builder(String s) {
            this.s = s;
            this.key = new StringBuilder(s.length());
            this.from = new int[s.length() + 1];
            this.to = new int[s.length() + 1];
        }

        void add(char m, int start, int end) {
            if (m == 0) return;                                           // deleted
            if (m == ' ') { pendingSpace = key.length() > 0; return; }
            if (pendingSpace) {
                int ws = start;                                           // the space stands for the gap before
                while (ws > 0 && isSpaceLike(s.charAt(ws - 1))) ws--;
                put(' ', ws, start);
                pendingSpace = false;
            }
            put(m, start, end);
        }

        private void put(char c, int start, int end) {
            int n = key.length();
            if (n >= from.length) {
                from = Arrays.copyOf(from, n * 2 + 1);
                to = Arrays.copyOf(to, n * 2 + 1);
            }
            key.append(c);
            from[n] = start;
            to[n] = end;
        }

        KeyedText build() {
            int n = key.length();
            return new KeyedText(s, key.toString(), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
        }
    }

    /** Characters below U+0800 that NFKC leaves alone on their own (most of Latin, Arabic script): a fast path. */
    private static final boolean[] STABLE = new boolean[0x800];

    static {
        for (char c = 0; c < STABLE.length; c++) {
            STABLE[c] = Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFKC);
        }
    }

    private static boolean isStable(char c) {
        return c < STABLE.length && STABLE[c];
    }

    private static boolean isCombining(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static boolean isSpaceLike(char c) {
        return PersianText.map(c) == ' ' || PersianText.map(c) == 0;
    }

    public String original() {
        return original;
    }

    public String key() {
        return key;
    }

    /** Original offset where the key character at {@code keyIndex} starts ({@code original().length()} at the end). */
    public int originalStart(int keyIndex) {
        return keyIndex >= key.length() ? original.length() : from[keyIndex];
    }

    /** Original offset just after the key range ending (exclusive) at {@code keyEnd}. */
    public int originalEnd(int keyEnd) {
        return keyEnd <= 0 ? 0 : to[Math.min(keyEnd, key.length()) - 1];
    }

    /** The original text behind the key range [keyStart, keyEnd). */
    public String originalSpan(int keyStart, int keyEnd) {
        if (keyEnd <= keyStart) return "";
        return original.substring(originalStart(keyStart), originalEnd(keyEnd));
    }

    /** The words of the key with their key offsets (same tokenization as {@link PersianText#words}). */
    public List<Token> tokens() {
        return tokens(key);
    }

    /** Words of any key-space string with offsets: runs of letters and digits; {@code 3.5 20,000 1382/10/17 00:09} stay whole. */
    public static List<Token> tokens(String key) {
        List<Token> out = new ArrayList<>();
        int n = key.length();
        int i = 0;
        while (i < n) {
            while (i < n && !PersianText.isWordChar(key.charAt(i))) i++;
            int start = i;
            while (i < n) {
                char c = key.charAt(i);
                if (PersianText.isWordChar(c)) { i++; continue; }
                boolean joiner = (c == '.' || c == ',' || c == '/' || c == ':') && i > start && i + 1 < n
                        && Character.isDigit(key.charAt(i - 1)) && Character.isDigit(key.charAt(i + 1));
                if (joiner) { i++; continue; }
                break;
            }
            if (i > start) out.add(new Token(key.substring(start, i), start, i));
        }
        return out;
    }
}
