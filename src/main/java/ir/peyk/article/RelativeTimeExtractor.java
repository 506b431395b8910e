package ir.peyk.article;

import ir.peyk.text.JalaliDate;
import ir.peyk.text.KeyedText;
import ir.peyk.text.KeyedText.Token;
import ir.peyk.text.PhraseTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds relative time expressions (امروز, دیروز, امسال, پارسال, سال گذشته, یکسال گذشته, هفته گذشته, ماه آینده,
 * چند روز گذشته, دو روز پیش …) and resolves them against a reference date, normally the article's publication date.
 * The phrases are a data file (relative-times.txt, relative-directions.txt); matching is in key space with spaces
 * ignored, so یکسال / یک سال / یک‌سال all match.
 */
public final class RelativeTimeExtractor {
    /** The calendar unit an expression counts in. */
    public enum Unit { DAY, WEEK, MONTH, YEAR }

    /**
     * A relative time found in a text.
     *
     * @param text     the original words
     * @param start    start offset in the original text
     * @param end      end offset (exclusive)
     * @param unit     day, week, month or year
     * @param offset   how many units from the reference (−1 = the previous one), or null when vague (چند روز گذشته)
     * @param before   for a vague expression: true when it lies before the reference, false after
     * @param resolved what it means against the reference: "1402/04/20" (a day), "1402/04/10..1402/04/16" (a week,
     *                 Saturday to Friday), "1402/03" (a month), "1402" (a year), "before 1402/04/21" (vague); null
     *                 when there was no reference date
     * @param from     first day of the resolved period (null when vague or unresolved)
     * @param to       last day of the resolved period (the reference itself for a vague past; null when unresolved)
     */
    public record RelativeMatch(String text, int start, int end, Unit unit, Integer offset, boolean before,
                                String resolved, JalaliDate from, JalaliDate to) {
        public LocalDate fromIso() {
            return from == null ? null : from.toGregorian();
        }

        public LocalDate toIso() {
            return to == null ? null : to.toGregorian();
        }
    }

    /** An entry of relative-times.txt: a unit and an offset, or a vague direction. */
    private record Entry(Unit unit, Integer offset, boolean before) {
        static Entry parse(String v) {
            String[] p = v.strip().split("\\s+");
            if (p.length != 2) throw new IllegalStateException("relative-times.txt: expected UNIT OFFSET, got " + v);
            Unit u = Unit.valueOf(p[0].toUpperCase(java.util.Locale.ROOT));
            return switch (p[1]) {
                case "before" -> new Entry(u, null, true);
                case "after" -> new Entry(u, null, false);
                default -> new Entry(u, Integer.parseInt(p[1].replace("+", "")), false);
            };
        }
    }

    private static final PhraseTable<Entry> PHRASES = PhraseTable.load("relative-times.txt", Entry::parse);
    private static final PhraseTable<Integer> DIRECTIONS = PhraseTable.load("relative-directions.txt",
            v -> Integer.parseInt(v.strip()));

    private RelativeTimeExtractor() {}

    public static List<RelativeMatch> extract(String text, JalaliDate reference) {
        return extract(KeyedText.of(text), reference);
    }

    public static List<RelativeMatch> extract(KeyedText kt, JalaliDate reference) {
        String key = kt.key();
        List<Token> tokens = kt.tokens();
        List<RelativeMatch> out = new ArrayList<>();
        // "N UNIT پیش/گذشته/آینده": a counted unit before the publication date (دو روز پیش, ۳ سال قبل).
        List<NumberExtractor.NumberMatch> numbers = NumberExtractor.extract(kt);
        int covered = 0; // original offset up to which text is already claimed
        int numberIdx = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int tokStart = kt.originalStart(tokens.get(i).start());
            if (tokStart < covered) continue;
            while (numberIdx < numbers.size() && numbers.get(numberIdx).numberStart() < tokStart) numberIdx++;
            if (numberIdx < numbers.size() && numbers.get(numberIdx).numberStart() == tokStart) {
                RelativeMatch m = counted(kt, tokens, numbers.get(numberIdx), reference);
                if (m != null) {
                    out.add(m);
                    covered = m.end();
                    continue;
                }
            }
            Optional<PhraseTable.Match<Entry>> p = PHRASES.longestAt(key, tokens, i);
            if (p.isPresent()) {
                Entry e = p.get().value();
                int s = tokStart;
                int end = kt.originalEnd(tokens.get(p.get().end() - 1).end());
                out.add(resolve(kt.original().substring(s, end), s, end, e.unit, e.offset, e.before, reference));
                covered = end;
            }
        }
        return out;
    }

    /** A number whose unit is a calendar unit, followed by a direction word. */
    private static RelativeMatch counted(KeyedText kt, List<Token> tokens, NumberExtractor.NumberMatch n,
                                         JalaliDate reference) {
        if (n.unit() == null || n.qualifier() != null || !n.isIntegral()) return null;
        Unit unit = unitOf(n.unit());
        if (unit == null) return null;
        // The first token at or after the number's end (binary search: tokens are in text order).
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (kt.originalStart(tokens.get(mid).start()) >= n.end()) hi = mid;
            else lo = mid + 1;
        }
        int next = lo < tokens.size() ? lo : -1;
        if (next < 0 || (next > 0 && !PhraseTable.onlySpaceBetween(kt.key(), tokens.get(next - 1), tokens.get(next)))) {
            return null;
        }
        Optional<PhraseTable.Match<Integer>> dir = DIRECTIONS.longestAt(kt.key(), tokens, next);
        if (dir.isEmpty()) return null;
        int end = kt.originalEnd(tokens.get(dir.get().end() - 1).end());
        int offset = (int) n.value() * dir.get().value();
        return resolve(kt.original().substring(n.numberStart(), end), n.numberStart(), end, unit, offset, false,
                reference);
    }

    private static Unit unitOf(String unitWord) {
        return switch (unitWord) {
            case "روز" -> Unit.DAY;
            case "هفته" -> Unit.WEEK;
            case "ماه" -> Unit.MONTH;
            case "سال" -> Unit.YEAR;
            default -> null;
        };
    }

    /** Resolves an expression against {@code ref} (the publication date); unresolved when {@code ref} is null. */
    static RelativeMatch resolve(String text, int start, int end, Unit unit, Integer offset, boolean before,
                                 JalaliDate ref) {
        if (ref == null) return new RelativeMatch(text, start, end, unit, offset, before, null, null, null);
        if (offset == null) {
            String resolved = (before ? "before " : "after ") + ref;
            return new RelativeMatch(text, start, end, unit, null, before, resolved, before ? null : ref,
                    before ? ref : null);
        }
        LocalDate g = ref.toGregorian();
        return switch (unit) {
            case DAY -> {
                JalaliDate d = JalaliDate.fromGregorian(g.plusDays(offset));
                yield new RelativeMatch(text, start, end, unit, offset, offset < 0, d.toString(), d, d);
            }
            case WEEK -> {
                // The Persian week runs Saturday to Friday.
                LocalDate sat = g.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY)).plusWeeks(offset);
                JalaliDate a = JalaliDate.fromGregorian(sat);
                JalaliDate b = JalaliDate.fromGregorian(sat.plusDays(6));
                yield new RelativeMatch(text, start, end, unit, offset, offset < 0, a + ".." + b, a, b);
            }
            case MONTH -> {
                int idx = ref.year() * 12 + (ref.month() - 1) + offset;
                int y = Math.floorDiv(idx, 12);
                int m = Math.floorMod(idx, 12) + 1;
                JalaliDate a = new JalaliDate(y, m, 1);
                JalaliDate b = new JalaliDate(y, m, JalaliDate.monthLength(y, m));
                yield new RelativeMatch(text, start, end, unit, offset, offset < 0, String.format("%04d/%02d", y, m), a, b);
            }
            case YEAR -> {
                int y = ref.year() + offset;
                JalaliDate a = new JalaliDate(y, 1, 1);
                JalaliDate b = new JalaliDate(y, 12, JalaliDate.monthLength(y, 12));
                yield new RelativeMatch(text, start, end, unit, offset, offset < 0, Integer.toString(y), a, b);
            }
        };
    }
}
