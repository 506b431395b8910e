package ir.peyk.handler;

/**
 * User text made safe to process and to echo. Users send anything: megabytes, NULs, bidi overrides that flip the rest
 * of our message, lone surrogates. Matching goes through {@link ir.peyk.text.PersianText#key} anyway; this is for what
 * we pass on and show back.
 */
public final class SafeText {
    private SafeText() {}

    /**
     * {@code s} without control characters (newlines and tabs become spaces), bidi embedding/override/isolate marks
     * and lone surrogates; white space collapsed and stripped. ZWNJ (Persian half-space) and RLM/LRM are kept: they
     * are ordinary in Persian typing.
     */
    public static String clean(String s) {
        if (s == null || s.isEmpty()) return "";
        StringBuilder b = new StringBuilder(Math.min(s.length(), 1 << 16));
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (space && b.length() > 0) b.append(' ');
                    space = false;
                    b.append(c).append(s.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c) || isBidiControl(c) || c == '\uFEFF') continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) b.append(' ');
            space = false;
            b.append(c);
        }
        return b.toString();
    }

    /** {@link #clean} and cut to at most {@code max} UTF-16 units (never inside a surrogate pair), "…" marking a cut. */
    public static String display(String s, int max) {
        return cut(clean(s), max);
    }

    /** {@code s} cut to at most {@code max} UTF-16 units (never inside a surrogate pair), "…" marking a cut. */
    public static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "…";
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u061C';
    }
}
