package ir.peyk.article;

import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a paragraph into sentences. Breaks after {@code . ! ? ؟ …} (and a closing quote or bracket) followed by white
 * space. Never breaks on a colon (a quote opened by {@code گفت:} belongs to its sentence), on {@code ؛} or inside a closed
 * {@code «…»} quote; never inside
 * {@code 1382/10/17}, {@code 00:09} or {@code 3.5} (no space follows); never after an initial or a listed abbreviation.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Lexicon.keySet("abbreviations.txt");
    private static final String ENDERS = ".!?؟…";
    private static final String CLOSERS = "»\"')]”’";

    private SentenceSplitter() {}

    public static List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        int n = paragraph.length();
        int lastClose = paragraph.lastIndexOf('»');
        int start = 0;
        int i = 0;
        int depth = 0;      // «…» nesting from the sentence start up to {@code scanned}
        int scanned = 0;
        while (i < n) {
            char c = paragraph.charAt(i);
            if (ENDERS.indexOf(c) < 0) { i++; continue; }
            int end = i;
            while (end < n && ENDERS.indexOf(paragraph.charAt(end)) >= 0) end++;
            while (end < n && CLOSERS.indexOf(paragraph.charAt(end)) >= 0) end++;
            for (; scanned < end; scanned++) {
                char q = paragraph.charAt(scanned);
                if (q == '«') depth++;
                else if (q == '»' && depth > 0) depth--;
            }
            // Inside a «…» quote that closes later, a quoted statement of several sentences stays one unit with its
            // speaker (گفت: «ما آماده‌ایم. مسافران نگران نباشند.»). An unclosed « is ignored.
            boolean inQuote = depth > 0 && lastClose >= end;
            boolean atSpace = end >= n || Character.isWhitespace(paragraph.charAt(end));
            if (atSpace && !inQuote && !(c == '.' && isAbbreviation(paragraph, start, i))) {
                add(out, paragraph.substring(start, end));
                start = end;
                depth = 0;
            }
            i = end;
        }
        add(out, paragraph.substring(start));
        return out;
    }

    /** True when the word before the period at {@code dot} is an initial or a known abbreviation. */
    private static boolean isAbbreviation(String p, int from, int dot) {
        int w = dot;
        while (w > from && !Character.isWhitespace(p.charAt(w - 1))) w--;
        String word = PersianText.key(p.substring(w, dot));
        if (word.isEmpty()) return false;
        if (word.codePointCount(0, word.length()) == 1 && Character.isLetter(word.codePointAt(0))) return true;
        return ABBREVIATIONS.contains(word);
    }

    private static void add(List<String> out, String s) {
        String t = s.strip();
        if (t.isEmpty()) return;
        boolean hasWord = t.chars().anyMatch(Character::isLetterOrDigit);
        if (!hasWord && !out.isEmpty()) {       // stray punctuation: glue it to the previous sentence
            String gap = Character.isWhitespace(s.charAt(0)) ? " " : "";
            out.set(out.size() - 1, out.get(out.size() - 1) + gap + t);
        } else if (hasWord) {
            out.add(t);
        }
    }
}
