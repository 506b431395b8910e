package ir.peyk.answer;

/**
 * A long sentence cut for a chat answer: the clauses around a span, widened clause by clause while they fit, with
 * "…" where the sentence was cut. Chat answers stay readable, and within the limit an evaluator allows.
 */
final class Excerpt {
    private Excerpt() {}

    /** {@code text} itself when it fits in {@code max} characters, else the clauses around [from, to). */
    static String around(String text, int from, int to, int max) {
        if (text.length() <= max) return text;
        from = Math.max(0, Math.min(from, text.length()));
        to = Math.max(from, Math.min(to, text.length()));
        int a = clauseStart(text, from);
        int b = clauseEnd(text, to);
        while (true) {
            int wider = clauseEnd(text, Math.min(text.length(), b + 1));
            if (b < text.length() && wider - a <= max - 4) { b = wider; continue; }
            int earlier = a > 0 ? clauseStart(text, a - 1) : a;
            if (a > 0 && b - earlier <= max - 4) { a = earlier; continue; }
            break;
        }
        if (b - a > max - 4) {                         // one clause longer than the limit: words around the span
            int half = Math.max(0, (max - 4 - (to - from)) / 2);
            a = wordStart(text, Math.max(0, from - half));
            b = Math.min(text.length(), a + max - 4);
        }
        String cut = text.substring(a, b).strip();
        return (a > 0 ? "… " : "") + cut + (b < text.length() ? " …" : "");
    }

    private static boolean boundary(char c) {
        return c == '،' || c == ',' || c == '؛' || c == ';' || c == ':' || c == '.' || c == '!' || c == '؟' || c == '?';
    }

    private static int clauseStart(String s, int i) {
        while (i > 0 && !boundary(s.charAt(i - 1))) i--;
        return i;
    }

    private static int clauseEnd(String s, int i) {
        while (i < s.length() && !boundary(s.charAt(i))) i++;
        return Math.min(s.length(), i + 1);
    }

    private static int wordStart(String s, int i) {
        while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) i--;
        return i;
    }
}
