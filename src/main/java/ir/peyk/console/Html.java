package ir.peyk.console;

/**
 * The one HTML escaper: every string that did not come from this package's own literals passes through
 * {@link #esc}, in text and in attribute values alike (quotes included), so article text, questions and broadcast
 * texts are shown as text, never as markup. Text of unknown direction is wrapped in {@code <bdi>} so a bidi control
 * character inside it cannot reorder the page around it.
 */
final class Html {
    private Html() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\u0000' -> b.append('\uFFFD');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Escaped text isolated from its surroundings' direction. */
    static String bdi(String s) {
        return "<bdi>" + esc(s) + "</bdi>";
    }

    /** A hidden CSRF field. */
    static String csrf(Sessions.Session s) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(s.csrf()) + "\">";
    }
}
