package ir.peyk.article;

import ir.peyk.text.KeyedText;
import ir.peyk.text.KeyedText.Token;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PhraseTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the numbers a text mentions: digits in any script ({@code ۴۰}, {@code ٤٠}, {@code 40}), decimals
 * ({@code ۳.۵}, {@code ۳٫۵}, {@code ۲/۵ درصد}), grouping ({@code ۲۰٬۰۰۰}), number words ({@code بیست و پنج}), scale
 * words ({@code ۴۰ میلیون}, {@code ده هزار میلیارد}), a unit after them ({@code نفر}, {@code درصد}, {@code ٪}) and a
 * qualifier before them ({@code قریب به} → "about"). Dates ({@code 1382/10/17}, {@code 21 تیر 1402}), times
 * ({@code 00:09}), weekday names ({@code سه شنبه}) and a year named as one ({@code سال ۱۴۰۲}) are not numbers.
 *
 * <p>Matching runs in key space; every hit carries its span [start, end) in the original text given, covering the
 * qualifier, the number and the unit, so a caller can cut the exact words from the display text. The vocabularies are
 * data files: number-words.txt, scale-words.txt, units.txt, qualifiers.txt.
 */
public final class NumberExtractor {
    /**
     * A number found in a text.
     *
     * @param text        the original words of the whole match (qualifier, number, scale, unit)
     * @param start       start of {@code text} in the original string
     * @param end         end (exclusive) of {@code text} in the original string
     * @param numberStart where the number itself starts (after the qualifier)
     * @param value       the value: {@code قریب به ۴۰ میلیون نفر} → 40000000
     * @param unit        the unit's canonical name from units.txt (نفر, درصد …), or null
     * @param qualifier   "more than", "less than", "about", "at least", "at most", or null
     */
    public record NumberMatch(String text, int start, int end, int numberStart, double value, String unit,
                              String qualifier) {
        public boolean isIntegral() {
            return value == Math.rint(value) && Math.abs(value) < 9.0e15;
        }

        /** The value as a Long when it is whole (so it prints as 40000000, not 4.0E7), else a Double. */
        public Number number() {
            return isIntegral() ? (Number) (long) value : (Number) value;
        }
    }

    private record Word(double value, boolean weak) {}

    private static final PhraseTable<Word> WORDS = PhraseTable.load("number-words.txt", v -> {
        String[] p = v.split("\\s+");
        return new Word(Double.parseDouble(p[0]), p.length > 1 && p[1].equals("weak"));
    });
    private static final PhraseTable<Double> SCALES = PhraseTable.load("scale-words.txt", Double::parseDouble);
    private static final PhraseTable<String> UNITS = PhraseTable.load("units.txt");
    private static final PhraseTable<String> QUALIFIERS = PhraseTable.load("qualifiers.txt");
    private static final Set<String> WEEKDAYS = compact(Lexicon.keySet("weekdays.txt"));
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
    private static final Pattern SLASH_DECIMAL = Pattern.compile("\\d{1,3}/\\d{1,3}");
    private static final String PERCENT_UNIT = "درصد";
    private static final String YEAR_WORD = "سال";

    private NumberExtractor() {}

    public static List<NumberMatch> extract(String text) {
        return extract(KeyedText.of(text));
    }

    public static List<NumberMatch> extract(KeyedText kt) {
        String key = kt.key();
        List<Token> p = pieces(key, kt.tokens());
        List<int[]> dates = DateExtractor.keySpans(kt);
        List<NumberMatch> out = new ArrayList<>();
        int i = 0;
        while (i < p.size()) {
            Parsed n = insideAny(dates, p.get(i)) || isYear(key, p, i) ? null : numeral(key, p, i, dates);
            if (n == null) { i++; continue; }
            int end = n.end;
            String unit = null;
            int keyEnd = p.get(end - 1).end();
            int pct = skipSpaces(key, keyEnd);
            if (pct < key.length() && (key.charAt(pct) == '%' || key.charAt(pct) == '٪')) {
                unit = PERCENT_UNIT;
                keyEnd = pct + 1;
                while (end < p.size() && p.get(end).start() < keyEnd) end++;
            } else if (end < p.size() && PhraseTable.onlySpaceBetween(key, p.get(end - 1), p.get(end))) {
                Optional<PhraseTable.Match<String>> u = UNITS.longestAt(key, p, end);
                if (u.isPresent()) {
                    unit = u.get().value();
                    end = u.get().end();
                    keyEnd = p.get(end - 1).end();
                }
            }
            String qualifier = null;
            int keyStart = p.get(i).start();
            if (i > 0 && PhraseTable.onlySpaceBetween(key, p.get(i - 1), p.get(i))) {
                Optional<PhraseTable.Match<String>> q = QUALIFIERS.longestEndingAt(key, p, i);
                if (q.isPresent()) {
                    qualifier = q.get().value();
                    keyStart = p.get(q.get().first()).start();
                }
            }
            boolean standaloneWeak = n.weak && unit == null && qualifier == null;
            boolean slashWithoutUnit = n.slashDecimal && unit == null && !n.scaled;
            if (!standaloneWeak && !slashWithoutUnit) {
                int s = kt.originalStart(keyStart);
                int e = kt.originalEnd(keyEnd);
                out.add(new NumberMatch(kt.original().substring(s, e), s, e, kt.originalStart(p.get(i).start()),
                        n.value, unit, qualifier));
            }
            i = end;
        }
        return out;
    }

    /** A numeral over pieces [start, end). */
    private record Parsed(double value, int end, boolean weak, boolean slashDecimal, boolean scaled) {}

    /** One group: a base (digits or number words joined by و) and any scale words after it. */
    private record Group(double value, int end, double scale, boolean words, boolean weak, boolean slash) {}

    /** Reads a whole numeral at piece {@code i}: groups joined by و while each is smaller than the last scale. */
    private static Parsed numeral(String key, List<Token> p, int i, List<int[]> dates) {
        Group g = group(key, p, i, dates);
        if (g == null) return null;
        double total = g.value;
        double lastScale = g.scale;
        int end = g.end;
        boolean weak = g.weak;
        boolean scaled = g.scale > 1;
        while (lastScale > 1 && end + 1 < p.size() && p.get(end).text().equals("و")
                && spaced(key, p, end - 1, end + 1)) {
            Group next = group(key, p, end + 1, dates);
            if (next == null || next.value >= lastScale) break;
            total += next.value;
            lastScale = next.scale;
            end = next.end;
            weak = false;
        }
        return new Parsed(total, end, weak, g.slash, scaled);
    }

    private static Group group(String key, List<Token> p, int i, List<int[]> dates) {
        if (i >= p.size() || insideAny(dates, p.get(i))) return null;
        String t = p.get(i).text();
        double base;
        int end;
        boolean words = false;
        boolean weak = false;
        boolean slash = false;
        if (Character.isDigit(t.charAt(0))) {
            if (PLAIN.matcher(t).matches()) {
                base = Double.parseDouble(t.replace(",", ""));
            } else if (SLASH_DECIMAL.matcher(t).matches()) {      // ۲/۵ درصد: a slash as the decimal point
                base = Double.parseDouble(t.replace('/', '.'));
                slash = true;
            } else {
                return null;                                        // 1382/10/17, 00:09 …
            }
            end = i + 1;
        } else if (WORDS.getKey(t) != null && !isWeekday(key, p, i)) {
            Word w = WORDS.getKey(t);
            base = w.value;
            weak = w.weak;
            words = true;
            end = i + 1;
            // بیست و پنج, صد و بیست و سه, یک و نیم: each part smaller than the last part's place value.
            while (end + 1 < p.size() && p.get(end).text().equals("و") && spaced(key, p, end - 1, end + 1)) {
                Word next = WORDS.getKey(p.get(end + 1).text());
                if (next == null || next.value >= place(base)) break;
                base += next.value;
                weak = false;
                end += 2;
            }
        } else if (SCALES.getKey(t) != null) {
            base = 1;                                               // هزار نفر = 1000
            end = i;
        } else {
            return null;
        }
        double scale = 1;
        while (end < p.size() && (end == i || spaced(key, p, end - 1, end)) && SCALES.getKey(p.get(end).text()) != null) {
            scale *= SCALES.getKey(p.get(end).text());
            end++;
        }
        if (end == i) return null;
        if (scale > 1) weak = false;
        return new Group(base * scale, end, scale, words, weak, slash);
    }

    /** The place value of the last non-zero digit: 20 → 10, 120 → 10, 100 → 100, 1 → 1; 0 for fractions. */
    private static double place(double v) {
        if (v != Math.rint(v) || v <= 0) return 0;
        double p = 1;
        long n = (long) v;
        while (n % 10 == 0) { n /= 10; p *= 10; }
        return p;
    }

    /** "سال ۱۴۰۲": a year (Jalali 1300–1420 or Gregorian 1900–2100) named as such is part of a date, not a number. */
    private static boolean isYear(String key, List<Token> p, int i) {
        if (i == 0 || !p.get(i - 1).text().equals(YEAR_WORD) || !spaced(key, p, i - 1, i)) return false;
        String t = p.get(i).text();
        if (t.length() != 4 || !t.chars().allMatch(Character::isDigit)) return false;
        int y = Integer.parseInt(t);
        return (y >= 1300 && y <= 1420) || (y >= 1900 && y <= 2100);
    }

    /** سه شنبه, پنج شنبه …: a number word that is part of a weekday name. */
    private static boolean isWeekday(String key, List<Token> p, int i) {
        return i + 1 < p.size() && spaced(key, p, i, i + 1) && WEEKDAYS.contains(p.get(i).text() + p.get(i + 1).text());
    }

    private static boolean spaced(String key, List<Token> p, int a, int b) {
        for (int k = a; k < b; k++) if (!PhraseTable.onlySpaceBetween(key, p.get(k), p.get(k + 1))) return false;
        return true;
    }

    /** Whether {@code t} overlaps one of {@code spans} (sorted, not overlapping): a binary search, so long texts stay fast. */
    private static boolean insideAny(List<int[]> spans, Token t) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {                       // the first span ending after the token starts
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid)[1] > t.start()) hi = mid;
            else lo = mid + 1;
        }
        return lo < spans.size() && spans.get(lo)[0] < t.end();
    }

    private static int skipSpaces(String key, int k) {
        while (k < key.length() && key.charAt(k) == ' ') k++;
        return k;
    }

    /**
     * Tokens split where digits meet letters ({@code 30درصد} → {@code 30}, {@code درصد}); a digit run with a comma
     * that is not thousands grouping ({@code 1,5}) is split at the comma.
     */
    /** Length of the scale word {@code run} starts with when more letters follow it ("هزارتومان" → 4), else 0. */
    private static int glued(String run) {
        for (int k = run.length() - 1; k >= 3; k--) if (SCALES.getKey(run.substring(0, k)) != null) return k;
        return 0;
    }

    static List<Token> pieces(String key, List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            String s = t.text();
            int a = 0;
            while (a < s.length()) {
                boolean digit = Character.isDigit(s.charAt(a));
                int b = a + 1;
                while (b < s.length()) {
                    char c = s.charAt(b);
                    boolean d = Character.isDigit(c) || (digit && !Character.isLetter(c));
                    if (d != digit) break;
                    b++;
                }
                String run = s.substring(a, b);
                int base = t.start() + a;
                if (digit && run.indexOf(',') >= 0 && !PLAIN.matcher(run).matches()) {
                    int from = 0;
                    for (String part : run.split(",", -1)) {
                        if (!part.isEmpty()) out.add(new Token(part, base + from, base + from + part.length()));
                        from += part.length() + 1;
                    }
                } else if (!digit && a > 0 && glued(run) > 0) {
                    // "۱۰۰هزارتومان": a scale word written solid with the unit after it is two words
                    int k = glued(run);
                    out.add(new Token(run.substring(0, k), base, base + k));
                    out.add(new Token(run.substring(k), base + k, base + run.length()));
                } else {
                    out.add(new Token(run, base, base + run.length()));
                }
                a = b;
            }
        }
        return out;
    }

    private static Set<String> compact(Set<String> keys) {
        return Set.copyOf(keys.stream().map(k -> k.replace(" ", "")).toList());
    }
}
