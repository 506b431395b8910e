package ir.peyk.article;

import ir.peyk.text.JalaliDate;
import ir.peyk.text.KeyedText;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates in a text and gives each in both calendars:
 * <ul>
 *   <li>Jalali "day month [year]": {@code ۲۱ تیر ۱۴۰۲}, {@code ۲۱ تیرماه ۱۴۰۲}, {@code ۱۳ دی‌ماه سال ۱۴۰۴}; without a
 *       year, the reference date's year is used (when there is none, the date is skipped);</li>
 *   <li>numeric {@code yyyy/mm/dd}, {@code yyyy-mm-dd} or {@code dd/mm/yyyy}: years 1300–1420 are Jalali, 1900–2100
 *       Gregorian, anything else is not read as a date;</li>
 *   <li>Gregorian month names in Persian or English: {@code ۱۲ ژوئیه ۲۰۲۳}, {@code 12 July 2023},
 *       {@code July 12, 2023}, {@code Saturday, 03 January 2026}.</li>
 * </ul>
 * Matching runs in key space; spans are offsets in the original text. Month names are data files
 * (months-jalali.txt, months-gregorian.txt).
 */
public final class DateExtractor {
    /**
     * A date found in a text.
     *
     * @param text      the original words
     * @param start     start offset in the original text
     * @param end       end offset (exclusive)
     * @param jalali    the date in the Jalali calendar
     * @param gregorian the same day in the Gregorian calendar
     * @param calendar  the calendar it was written in: "jalali" or "gregorian"
     */
    public record DateMatch(String text, int start, int end, JalaliDate jalali, LocalDate gregorian, String calendar) {}

    private static final Map<String, Integer> JALALI_MONTHS = months("months-jalali.txt");
    private static final Map<String, Integer> GREGORIAN_MONTHS = months("months-gregorian.txt");

    private static final String NOT_DIGIT_BEFORE = "(?<![\\d.,/:\\-])";
    private static final String NOT_DIGIT_AFTER = "(?![\\d/:]|[.,\\-]\\d)";
    private static final String END_OF_WORD = "(?![\\p{L}\\d])";

    /** Day, month name and year, apart by spaces or, as some pages write them, slashes or dashes (15/فروردین/1400). */
    private static final Pattern JALALI = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{1,2})(?:\\s*|\\s*[/\\-]\\s*)(" + alternation(JALALI_MONTHS)
            + ")(?:\\s*ماه)?" + END_OF_WORD + "(?:\\s*[،,/\\-]?\\s*(?:سال\\s*)?(\\d{4})" + NOT_DIGIT_AFTER
            + "(?:\\s*(?:هجری\\s*شمسی|هجری\\s*خورشیدی|شمسی|خورشیدی|ه\\.\\s?ش\\.?))?)?");
    /** The day as an ordinal word before the month name ("سوم دی ماه", "بیست و یکم خرداد ۱۴۰۲"): day-ordinals.txt. */
    private static final Map<String, Integer> DAY_ORDINALS = months("day-ordinals.txt");
    private static final Pattern JALALI_ORDINAL = Pattern.compile("(?<![\\p{L}\\d])(" + alternation(DAY_ORDINALS) + ")\\s+("
            + alternation(JALALI_MONTHS) + ")(?:\\s*ماه)?" + END_OF_WORD + "(?:\\s*[،,]?\\s*(?:سال\\s*)?(\\d{4})" + NOT_DIGIT_AFTER + ")?");
    private static final Pattern GREGORIAN_DMY = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{1,2})\\s*("
            + alternation(GREGORIAN_MONTHS) + ")\\.?" + END_OF_WORD + "\\s*[،,]?\\s*(\\d{4})" + NOT_DIGIT_AFTER
            + "(?:\\s*میلادی)?");
    /** Month first: any word is captured and checked against the month list in code (an alternation here would be
     * tried at every word of the text). */
    private static final Pattern GREGORIAN_MDY = Pattern.compile("(?<![\\p{L}])(\\p{L}{3,12})\\.?\\s+(\\d{1,2})"
            + "(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})" + NOT_DIGIT_AFTER);
    private static final Pattern YMD = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{4})([/\\-])(\\d{1,2})\\2(\\d{1,2})"
            + NOT_DIGIT_AFTER);
    private static final Pattern DMY = Pattern.compile(NOT_DIGIT_BEFORE + "(\\d{1,2})([/\\-])(\\d{1,2})\\2(\\d{4})"
            + NOT_DIGIT_AFTER);

    private DateExtractor() {}

    /** Dates in {@code text}; a Jalali day and month without a year take {@code reference}'s year (null: skipped). */
    public static List<DateMatch> extract(String text, JalaliDate reference) {
        return extract(KeyedText.of(text), reference);
    }

    public static List<DateMatch> extract(KeyedText kt, JalaliDate reference) {
        return extract(kt, reference, false);
    }

    /**
     * As {@link #extract(KeyedText, JalaliDate)}; with {@code keepYearless}, a day and month that no year completes (an
     * article that gives no date of its own) is kept too, with {@code jalali} and {@code gregorian} null: "۲۶ اسفند"
     * still answers "چه روزی".
     */
    public static List<DateMatch> extract(KeyedText kt, JalaliDate reference, boolean keepYearless) {
        if (!mayHoldDate(kt.key())) return List.of();
        List<DateMatch> out = new ArrayList<>();
        for (Found f : find(kt.key())) {
            JalaliDate j = f.date;
            if (j == null && f.yearlessMonth > 0 && reference != null) {
                j = jalali(reference.year(), f.yearlessMonth, f.yearlessDay);
            }
            boolean yearless = j == null && keepYearless && reference == null && f.yearlessMonth > 0;
            if (j == null && !yearless) continue;
            int s = kt.originalStart(f.start);
            int e = kt.originalEnd(f.end);
            out.add(new DateMatch(kt.original().substring(s, e), s, e, j, j == null ? null : j.toGregorian(), f.calendar));
        }
        return out;
    }

    /**
     * The first date of a text, which may be a day and month without a year ("۱۵ خرداد"): exactly one of {@code date}
     * and {@code dayMonth} is set. Offsets are in the original text.
     */
    public record FirstDate(String text, int start, int end, JalaliDate date, String calendar, DayMonth dayMonth) {}

    /** The first date of {@code text} in any form, a day and month without a year included; empty when there is none. */
    public static Optional<FirstDate> first(String text) {
        KeyedText kt = KeyedText.of(text);
        if (!mayHoldDate(kt.key())) return Optional.empty();
        for (Found f : find(kt.key())) {
            if (f.date == null && f.yearlessMonth == 0) continue;
            int s = kt.originalStart(f.start);
            int e = kt.originalEnd(f.end);
            return Optional.of(new FirstDate(kt.original().substring(s, e), s, e, f.date, f.calendar,
                    f.date == null ? new DayMonth(f.yearlessMonth, f.yearlessDay) : null));
        }
        return Optional.empty();
    }

    /** Key-space spans of everything that reads as a date, valid or not (so numbers inside them are not numbers). */
    static List<int[]> keySpans(KeyedText kt) {
        if (!mayHoldDate(kt.key())) return List.of();
        return find(kt.key()).stream().map(f -> new int[] {f.start, f.end}).toList();
    }

    /**
     * A date-like span in key space. {@code date} is null when the text is not a valid date, or when no year was written
     * (then {@code yearlessMonth}/{@code yearlessDay} hold what was).
     */
    private record Found(int start, int end, JalaliDate date, String calendar, int yearlessMonth, int yearlessDay) {
        Found(int start, int end, JalaliDate date, String calendar) {
            this(start, end, date, calendar, 0, 0);
        }
    }

    private static List<Found> find(String key) {
        List<Found> all = new ArrayList<>();
        Matcher m = JALALI.matcher(key);
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            int month = JALALI_MONTHS.get(m.group(2));
            if (m.group(3) != null) {
                all.add(new Found(m.start(), m.end(), jalali(Integer.parseInt(m.group(3)), month, day), "jalali"));
            } else {
                boolean plausible = day >= 1 && day <= JalaliDate.monthLength(1403, month); // 1403: a leap year
                all.add(new Found(m.start(), m.end(), null, "jalali", plausible ? month : 0, day));
            }
        }
        m = JALALI_ORDINAL.matcher(key);
        while (m.find()) {
            int day = DAY_ORDINALS.get(m.group(1));
            int month = JALALI_MONTHS.get(m.group(2));
            if (m.group(3) != null) all.add(new Found(m.start(), m.end(), jalali(Integer.parseInt(m.group(3)), month, day), "jalali"));
            else all.add(new Found(m.start(), m.end(), null, "jalali", day <= JalaliDate.monthLength(1403, month) ? month : 0, day));
        }
        m = GREGORIAN_DMY.matcher(key);
        while (m.find()) {
            all.add(new Found(m.start(), m.end(), gregorian(Integer.parseInt(m.group(3)),
                    GREGORIAN_MONTHS.get(m.group(2)), Integer.parseInt(m.group(1))), "gregorian"));
        }
        m = GREGORIAN_MDY.matcher(key);
        while (m.find()) {
            if (!GREGORIAN_MONTHS.containsKey(m.group(1))) continue;
            all.add(new Found(m.start(), m.end(), gregorian(Integer.parseInt(m.group(3)),
                    GREGORIAN_MONTHS.get(m.group(1)), Integer.parseInt(m.group(2))), "gregorian"));
        }
        m = YMD.matcher(key);
        while (m.find()) all.add(numeric(m.start(), m.end(), m.group(1), m.group(3), m.group(4)));
        m = DMY.matcher(key);
        while (m.find()) all.add(numeric(m.start(), m.end(), m.group(4), m.group(3), m.group(1)));
        // Keep the earliest, then longest, of overlapping matches.
        all.sort(Comparator.comparingInt(Found::start).thenComparingInt(f -> -(f.end - f.start)));
        List<Found> out = new ArrayList<>();
        int lastEnd = -1;
        for (Found f : all) {
            if (f.start >= lastEnd) {
                out.add(f);
                lastEnd = f.end;
            }
        }
        return out;
    }

    /**
     * Every date form has digits but the ordinal one ("سوم دی"), which has a month name after a word ending in م or
     * ل: a text with neither is skipped at once.
     */
    private static boolean mayHoldDate(String key) {
        for (int i = 0; i < key.length(); i++) if (Character.isDigit(key.charAt(i))) return true;
        return ORDINAL_HINT.matcher(key).find();
    }

    private static final Pattern ORDINAL_HINT = Pattern.compile("[مل]\\s+(?:" + alternation(JALALI_MONTHS) + ")");

    /** A numeric date; the year decides the calendar (1300–1420 Jalali, 1900–2100 Gregorian). */
    private static Found numeric(int start, int end, String y, String mo, String d) {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(mo);
        int day = Integer.parseInt(d);
        if (year >= 1300 && year <= 1420) return new Found(start, end, jalali(year, month, day), "jalali");
        if (year >= 1900 && year <= 2100) return new Found(start, end, gregorian(year, month, day), "gregorian");
        return new Found(start, end, null, null);
    }

    private static JalaliDate jalali(int year, int month, int day) {
        if (year < 1200 || year > 1500) return null;
        try {
            return new JalaliDate(year, month, day);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JalaliDate gregorian(int year, int month, int day) {
        if (year < 1800 || year > 2200) return null;
        try {
            return JalaliDate.fromGregorian(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Map<String, Integer> months(String file) {
        Map<String, Integer> m = new HashMap<>();
        for (String line : Lexicon.lines(file)) {
            int eq = line.indexOf('=');
            if (eq < 0) throw new IllegalStateException(file + ": expected NAME = NUMBER, got " + line);
            m.put(PersianText.key(line.substring(0, eq).strip()), Integer.parseInt(line.substring(eq + 1).strip()));
        }
        return Map.copyOf(m);
    }

    /** Regex alternation of the names, longest first (so اردیبهشت is tried before shorter names). */
    private static String alternation(Map<String, Integer> names) {
        return String.join("|", names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).toList());
    }
}
