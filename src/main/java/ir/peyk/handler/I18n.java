package ir.peyk.handler;

import ir.peyk.text.PersianText;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's UI strings, from the resource bundles {@code peyk/i18n/messages_fa.properties} and
 * {@code messages_en.properties} (UTF-8). Placeholders are named — {@code {n}}, {@code {bot}} — rather than
 * {@link java.text.MessageFormat}'s positional ones, whose quoting rules turn every English apostrophe into a bug.
 * In Persian, numbers we format ourselves are written with Persian digits; article text is never touched.
 */
public final class I18n {
    /** The languages a chat can choose with /lang; the first is the default. */
    public static final Set<String> LANGUAGES = Set.of("fa", "en");
    public static final String DEFAULT = "fa";

    private static final Map<String, I18n> CACHE = new ConcurrentHashMap<>();

    private final String lang;
    private final ResourceBundle bundle;

    private I18n(String lang) {
        this.lang = lang;
        // No fallback to the JVM's default locale: an English-speaking server must not answer Persian users in English.
        this.bundle = ResourceBundle.getBundle("peyk.i18n.messages", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The strings of {@code lang}; anything but a supported language gets the default (Persian). */
    public static I18n of(String lang) {
        return CACHE.computeIfAbsent(normalize(lang), I18n::new);
    }

    /** "en" for en, EN, en-US …; otherwise the default. */
    public static String normalize(String lang) {
        if (lang == null) return DEFAULT;
        String l = lang.strip().toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        if (dash > 0) l = l.substring(0, dash);
        return LANGUAGES.contains(l) ? l : DEFAULT;
    }

    public String lang() {
        return lang;
    }

    public Set<String> keys() {
        return bundle.keySet();
    }

    /**
     * The string {@code key} with placeholders filled from {@code args}, given as name/value pairs:
     * {@code t("summary.title", "n", 3)}. Numbers are localized; a missing key shows as itself (tests catch it).
     */
    public String t(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            s = key;
        }
        if (args.length == 0 || s.indexOf('{') < 0) return s;
        StringBuilder b = new StringBuilder(s.length() + 32);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = c == '{' ? s.indexOf('}', i) : -1;
            if (close > i) {
                String name = s.substring(i + 1, close);
                int at = indexOf(name, args);
                if (at >= 0) {
                    Object value = args[at];
                    b.append(value == null ? "" : value instanceof Number n ? number(n) : String.valueOf(value));
                    i = close + 1;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    /**
     * Like {@link #t}, for a text about {@code count} things: the key {@code KEY.one} is used when the count is one
     * (English says "1 sentence", not "1 sentences").
     */
    public String plural(String key, long count, Object... args) {
        String k = count == 1 && bundle.containsKey(key + ".one") ? key + ".one" : key;
        return t(k, args);
    }

    /** The index of the value named {@code name} in name/value pairs, or -1. */
    private static int indexOf(String name, Object[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) if (name.equals(args[i])) return i + 1;
        return -1;
    }

    /** A number as this language writes it (Persian digits in Persian). */
    public String number(Number n) {
        String s = (n instanceof Double || n instanceof Float) ? trim(n.doubleValue()) : String.valueOf(n.longValue());
        return digits(s);
    }

    /** ASCII digits of {@code s} as this language writes them (dates, times we format). */
    public String digits(String s) {
        if (!"fa".equals(lang) || s == null) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append((char) ('۰' + (c - '0')));
            else if (c == '.' && i > 0 && Character.isDigit(s.charAt(i - 1))) b.append('٫');
            else b.append(c);
        }
        return b.toString();
    }

    /**
     * {@code s} with every digit in this language's script: Persian digits in Persian (ASCII and Arabic-Indic ones
     * converted), ASCII in English. For text the bot composes from the article (an answer such as a date), so one
     * reply never mixes {@code 21 تیر 1402} with {@code ۲۱ تیر ۱۴۰۲}; quotations of the article are left as written.
     */
    public String localDigits(String s) {
        if (s == null) return null;
        String ascii = PersianText.asciiDigits(s);
        if (!"fa".equals(lang)) return ascii;
        StringBuilder b = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            boolean decimalPoint = c == '.' && i > 0 && i + 1 < ascii.length() && isAscii(ascii.charAt(i - 1))
                    && isAscii(ascii.charAt(i + 1)); // a sentence's final "." after a number stays a full stop
            b.append(isAscii(c) ? (char) ('۰' + (c - '0')) : decimalPoint ? '٫' : c);
        }
        return b.toString();
    }

    private static boolean isAscii(char c) {
        return c >= '0' && c <= '9';
    }

    private static String trim(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf((long) d);
        return String.valueOf(d);
    }
}
