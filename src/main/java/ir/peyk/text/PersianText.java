package ir.peyk.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Persian normalizer. Everything that compares text (ingestion, statistics, question answering, quote search,
 * inline queries) goes through {@link #key(String)}; the original string is always kept for display.
 *
 * <p>The key space: NFKC; Arabic ي ى → ی, ك → ک, ة ۀ ہ ە ھ → ه, أ إ ٱ → ا (آ kept), ؤ → و, ئ → ی; diacritics,
 * tatweel, ZWJ, bidi marks, soft hyphen and BOM removed; Persian and Arabic-Indic digits → ASCII (٫ → . and ٬ → ,);
 * ZWNJ deleted (so پیام‌رسان, پیامرسان and — after token joining — پیام رسان meet); Latin lower-cased; white space
 * collapsed to one space.
 */
public final class PersianText {
    public static final char ZWNJ = '\u200C';

    private PersianText() {}

    /** The matching key of {@code s}: see the class comment. Never null; null in gives "". */
    public static String key(String s) {
        if (s == null || s.isEmpty()) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        boolean pendingSpace = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            char m = map(c);
            if (m == 0) continue;                       // deleted
            if (m == ' ') { pendingSpace = b.length() > 0; continue; }
            if (pendingSpace) { b.append(' '); pendingSpace = false; }
            b.append(m);
        }
        return b.toString();
    }

    /**
     * {@link #map} of every character below {@value #TABLED}, computed once: every text the bot compares goes through
     * {@link #key}, and the Unicode property look-ups for each Persian letter were a tenth of a reply's CPU. 24 KB.
     */
    private static final int TABLED = 0x3000;
    private static final char[] MAPPED = new char[TABLED];

    static {
        for (int c = 0; c < TABLED; c++) MAPPED[c] = compute((char) c);
    }

    /** Maps one character into the key space: 0 deletes it, ' ' is any white space. */
    static char map(char c) {
        return c < TABLED ? MAPPED[c] : compute(c);
    }

    private static char compute(char c) {
        switch (c) {
            case 'ي': case 'ى': case 'ے': case 'ۍ': case 'ئ': return 'ی';
            case 'ك': case 'ڪ': return 'ک';
            case 'ة': case 'ۀ': case 'ہ': case 'ە': case 'ھ': return 'ه';
            case 'أ': case 'إ': case 'ٱ': return 'ا';
            case 'ؤ': return 'و';
            case '٫': return '.';
            case '٬': return ',';
            case 'ـ': case ZWNJ: case '\u200D': case '\u200E': case '\u200F': case '\u00AD': case '\uFEFF':
            case '\u202A': case '\u202B': case '\u202C': case '\u202D': case '\u202E':
            case '\u2066': case '\u2067': case '\u2068': case '\u2069': case '\u061C':
                return 0;
            default:
        }
        if (c >= '۰' && c <= '۹') return (char) ('0' + (c - '۰'));
        if (c >= '٠' && c <= '٩') return (char) ('0' + (c - '٠'));
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0654' || c == '\u0655') return 0;
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return ' ';
        if (Character.isISOControl(c)) return ' ';
        if (c >= 'A' && c <= 'Z') return (char) (c + 32);
        if (c < 128) return c;
        return Character.toLowerCase(c);
    }

    /** Whether the character counts as part of a word (letters, digits, combining marks) in the key space. */
    public static boolean isWordChar(char c) {
        return c < TABLED ? WORD_CHAR[c] : Character.isLetterOrDigit(c);
    }

    /** {@link #isWordChar} below {@value #TABLED}, computed once (asked for every character of every text read). */
    private static final boolean[] WORD_CHAR = new boolean[TABLED];

    static {
        for (int c = 0; c < TABLED; c++) WORD_CHAR[c] = Character.isLetterOrDigit((char) c);
    }

    /**
     * The words of a key-space string, in order: maximal runs of letters and digits. A decimal or grouped number
     * ({@code 3.5}, {@code 20,000}) and a slash date ({@code 1382/10/17}) stay one token.
     */
    public static List<String> words(String key) {
        List<KeyedText.Token> tokens = KeyedText.tokens(key);
        List<String> out = new ArrayList<>(tokens.size());
        for (KeyedText.Token t : tokens) out.add(t.text());
        return out;
    }

    /** Convenience: {@code words(key(s))}. */
    public static List<String> keyWords(String s) {
        return words(key(s));
    }

    /** Persian/Arabic-Indic digits of {@code s} as ASCII, nothing else changed (for parsing numbers from display text). */
    public static String asciiDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '۰' && c <= '۹') c = (char) ('0' + (c - '۰'));
            else if (c >= '٠' && c <= '٩') c = (char) ('0' + (c - '٠'));
            b.append(c);
        }
        return b.toString();
    }
}
