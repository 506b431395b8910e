package ir.peyk.eval;

import java.text.Normalizer;
import java.util.List;

/**
 * Whether an answer passes, as the shared real-article scorer judges it: at most {@link #MAX_CHARS} characters after
 * normalization, and for every expect-group one alternative inside the normalized answer. The normalization is the
 * scorer's, deliberately narrower than Peyk's own key space ("90هزار" does not match "90 هزار").
 */
public final class Judge {
    public static final int MAX_CHARS = 450;

    private Judge() {}

    public static boolean passes(String answer, List<List<String>> expect) {
        if (answer == null) return false;
        String a = norm(answer);
        if (a.length() > MAX_CHARS) return false;
        for (List<String> group : expect) {
            boolean any = false;
            for (String alt : group) any |= a.contains(norm(alt));
            if (!any) return false;
        }
        return true;
    }

    static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            if (ch == '\u200c' || ch == '\u200e' || ch == '\u200f') continue;
            if (ch >= '\u064b' && ch <= '\u065f' || ch == '\u0670') continue;   // Arabic diacritics
            char c = switch (ch) {
                case '\u00a0' -> ' ';
                case 'ي' -> 'ی';
                case 'ك' -> 'ک';
                case 'ة', 'ۀ' -> 'ه';
                case '٬' -> ',';
                default -> ch >= '۰' && ch <= '۹' ? (char) ('0' + ch - '۰') : ch >= '٠' && ch <= '٩' ? (char) ('0' + ch - '٠') : ch;
            };
            b.append(c);
        }
        return b.toString().replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
