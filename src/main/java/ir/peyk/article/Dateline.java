package ir.peyk.article;

import ir.peyk.text.JalaliDate;
import ir.peyk.text.KeyedText;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line under a headline that names the outlet and, where the page shows one, the date:
 * {@code کیهان، ۰۳ آبان ۱۴۰۴ - ۲۰:۳۸}, {@code ایرنا | سه شنبه ۱۵ اسفند ۱۴۰۲ | ساعت ۱۴:۳۰},
 * {@code هتل نیوز، 15/فروردین/1400}, {@code خبرگزاری جمهوری اسلامی، 2024-02-10}, {@code ۱۴:۳۰ - ۱۴۰۲/۱۲/۱۵},
 * or the outlet alone ({@code شانا}).
 *
 * <p>How it is read: the date (any form {@link DateExtractor} knows, or a day and month without a year), the times,
 * the weekday and labels such as «تاریخ انتشار» are taken out; what is left, when it is one short run of words with no
 * digit and no function word, is the outlet. A line with a date may have no outlet; a line without a date is an outlet
 * line only when it is short and does not read as a sentence.
 *
 * @param outlet   the outlet as written, or null
 * @param date     the full date, or null
 * @param dayMonth a day and month written without a year (when {@code date} is null), or null
 * @param time     "HH:mm", or null
 * @param dateText the date as the line writes it, or null
 * @param setApart the outlet and the date stand apart, by a separator (، - |) or a weekday, or one of them is missing:
 *                 a headline that ends in a date ("تعطیلی مدارس تهران ۱۵ خرداد ۱۴۰۳") is not
 */
public record Dateline(String outlet, JalaliDate date, DayMonth dayMonth, String time, String dateText, boolean setApart) {
    /** More words than this and the line is a sentence, not a dateline. */
    static final int MAX_WORDS = 16;
    static final int MAX_OUTLET_WORDS = 6;
    /** An outlet alone on its line: at most this many words and characters. */
    static final int MAX_ALONE_WORDS = 5;
    static final int MAX_ALONE_CHARS = 60;

    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:])(?:ساعت\\s*)?(\\d{1,2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*(?:[+\\-]\\d{2}:?\\d{2}|z))?(?![\\d:])");
    private static final Pattern WEEKDAY = Pattern.compile("(?<![\\p{L}])(?:" + String.join("|",
            Lexicon.keySet("weekdays.txt").stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).toList()) + ")(?![\\p{L}])");
    private static final Pattern LABELS = Pattern.compile("(?<![\\p{L}])(?:" + String.join("|",
            Lexicon.lines("dateline-labels.txt").stream().map(PersianText::key)
                    .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList())
            + ")(?![\\p{L}])(?:\\s*:?\\s*\\d+(?![\\d/:\\-]))?");
    /** ISO date-times put a T between the date and the time (key space is lower case). */
    private static final Pattern ISO_T = Pattern.compile("(?<=\\d)t(?=\\d{1,2}:)");
    private static final String SEPARATORS = " -–—ـ|،,:/()[]•·";
    /** Function words: an outlet's name has none (except و, as in صدا و سیما). */
    private static final Set<String> FUNCTION_WORDS = Lexicon.keySet("stopwords.txt");

    /** The dateline {@code line} describes, or empty when it is not one. */
    public static Optional<Dateline> parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || PersianText.keyWords(trimmed).size() > MAX_WORDS) return Optional.empty();
        char last = trimmed.charAt(trimmed.length() - 1);
        if (".!?؟…:؛«»\"".indexOf(last) >= 0) return Optional.empty(); // a sentence, a kicker or a quote
        Optional<DateExtractor.FirstDate> found = DateExtractor.first(trimmed);
        KeyedText kt = KeyedText.of(trimmed);
        String key = kt.key();
        boolean[] used = new boolean[key.length()];
        int dateFrom = -1;
        if (found.isPresent()) {
            DateExtractor.FirstDate d = found.get();
            // Map the original span back to key offsets: the date is one run in key space.
            int[] span = keySpan(kt, d.start(), d.end());
            if (span == null) return Optional.empty();
            mark(used, span[0], span[1]);
            dateFrom = span[0];
        }
        String time = null;
        Matcher m = TIME.matcher(key);
        while (m.find()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h > 23 || min > 59) return Optional.empty();
            if (time == null) time = String.format("%02d:%02d", h, min);
            mark(used, m.start(), m.end());
        }
        for (Pattern p : List.of(WEEKDAY, LABELS, ISO_T)) {
            m = p.matcher(key);
            while (m.find()) mark(used, m.start(), m.end());
        }
        // What is left: runs of words that no date, time, weekday or label took.
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < key.length()) {
            if (used[i] || SEPARATORS.indexOf(key.charAt(i)) >= 0) {
                i++;
                continue;
            }
            int s = i;
            while (i < key.length() && !used[i] && SEPARATORS.indexOf(key.charAt(i)) < 0) i++;
            words.add(new int[] {s, i});
        }
        String outlet = null;
        boolean setApart = true;
        if (!words.isEmpty()) {
            int from = words.get(0)[0];
            int to = words.get(words.size() - 1)[1];
            if (dateFrom >= 0) {
                String between = dateFrom >= to ? key.substring(to, dateFrom) : "";
                setApart = dateFrom < to || between.matches(".*[،,\\-–—|:/()].*") || WEEKDAY.matcher(between).find();
            }
            for (int k = from; k < to; k++) if (used[k]) return Optional.empty(); // the date stands inside the words
            if (words.size() > (found.isPresent() ? MAX_OUTLET_WORDS : MAX_ALONE_WORDS)) return Optional.empty();
            for (int[] w : words) {
                String word = key.substring(w[0], w[1]);
                if (word.chars().anyMatch(Character::isDigit)) return Optional.empty();
                if (!word.equals("و") && FUNCTION_WORDS.contains(word)) return Optional.empty();
            }
            outlet = trimOutlet(kt.originalSpan(from, to));
            if (outlet.isEmpty()) outlet = null;
        }
        if (found.isEmpty()) {
            if (outlet == null || trimmed.length() > MAX_ALONE_CHARS) return Optional.empty();
        } else if (outlet == null && dateFrom < 0) {
            return Optional.empty();
        }
        DateExtractor.FirstDate d = found.orElse(null);
        return Optional.of(new Dateline(outlet, d == null ? null : d.date(), d == null ? null : d.dayMonth(), time,
                d == null ? null : d.text(), setApart));
    }

    /** The dateline's date, completing a day and month with the page's year when there is a page date. */
    JalaliDate dateWith(JalaliDate pageDate) {
        if (date != null) return date;
        return dayMonth != null && pageDate != null ? dayMonth.in(pageDate) : null;
    }

    private static String trimOutlet(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && SEPARATORS.indexOf(s.charAt(a)) >= 0) a++;
        while (b > a && SEPARATORS.indexOf(s.charAt(b - 1)) >= 0) b--;
        return s.substring(a, b).strip();
    }

    private static void mark(boolean[] used, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(used.length, to); k++) used[k] = true;
    }

    /** Key offsets of the original span [start, end), or null when the key does not keep it. */
    private static int[] keySpan(KeyedText kt, int start, int end) {
        int from = -1;
        int to = -1;
        for (int k = 0; k < kt.key().length(); k++) {
            int o = kt.originalStart(k);
            if (from < 0 && o >= start) from = k;
            if (o < end) to = k + 1;
        }
        return from < 0 || to <= from ? null : new int[] {from, to};
    }
}
