package ir.peyk.answer;

import ir.peyk.article.DateExtractor.DateMatch;
import ir.peyk.article.NumberExtractor.NumberMatch;
import ir.peyk.article.RelativeTimeExtractor.RelativeMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "How many / how much" and "when": a number with its unit and qualifier (from the shared number extractor), or a
 * date, relative time, clock time or year, standing close to the question's words in a sentence that holds them.
 * Empty when there is none — the caller declines rather than offer a number from elsewhere.
 */
final class QuantityAnswers {
    private QuantityAnswers() {}

    static Optional<Answer> number(Ctx c) {
        boolean asksChange = false;
        for (String w : c.q.words()) asksChange |= Lang.CHANGE_WORDS.contains(w);
        Ranker.Scored bestS = null;
        Doc.Span<NumberMatch> best = null;
        double bestV = 0;
        for (Ranker.Scored s : c.candidates(0.5, 5, false)) {
            Doc d = c.doc(s.doc());
            for (Doc.Span<NumberMatch> n : d.numbers) {
                if (!unitFits(c.q, d, n)) continue;
                double dist = c.distance(s.doc(), n.from(), n.to());
                if (dist > 15) continue;
                double v = s.score() * (0.5 + c.closeness(s.doc(), n.from(), n.to()));
                if (n.match().unit() == null && adjectivalUnit(d, n.to()) == null && !unlistedUnit(c, s.doc(), n.to())) {
                    v *= 0.6;                                   // a bare number
                }
                if (measuresChange(d, n) != asksChange) v *= 0.3;
                if (v > bestV) { bestV = v; best = n; bestS = s; }
            }
        }
        if (best == null) return Optional.empty();
        Doc d = c.doc(bestS.doc());
        boolean adjective = adjectivalUnit(d, best.to()) != null;
        String lastWord = d.words[Math.max(best.from(), best.to() - 1)];
        boolean endsAsAdjective = lastWord.endsWith("ی") && Lang.UNITS.get(lastWord.substring(0, lastWord.length() - 1)) != null;
        int to = adjective ? best.to() + 1 : endsAsAdjective ? best.to() : extendOverQuestionWords(c, bestS.doc(), best.to());
        if (to == best.to() && best.match().unit() == null && unlistedUnit(c, bestS.doc(), to)) to++;   // "۲۰ پتابایت" 
        String span = d.span(best.from(), to);
        return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(span, d), List.of(Ctx.evidence(d)),
                Ctx.confidence(c.coverage(bestS.doc(), false), true, bestS.score())));
    }

    /**
     * The number has the unit asked for (or a word of it right after), and at least the scale asked for. A counted
     * noun that is no unit ("چند ایستگاه") must follow a number without a unit: "۴۰ میلیون نفر" counts people, not
     * messengers.
     */
    private static boolean unitFits(Question q, Doc d, Doc.Span<NumberMatch> n) {
        if (q.scale() > 0 && n.match().value() < q.scale()) return false;
        if (q.units() == null && q.head() != null && Lang.UNITS.get(q.head().text()) == null) {
            if (n.match().unit() != null) return false;
            if (n.to() >= d.length() || d.punctBefore(n.to())) return false;
            String next = d.words[n.to()];
            return q.head().hits().stream().anyMatch(h -> h.word().equals(next));
        }
        if (q.units() == null) return true;
        if (q.units().equals(n.match().unit())) return true;
        if (q.units().equals(adjectivalUnit(d, n.to()))) return true;
        for (int i = n.to(); i < Math.min(d.length(), n.to() + 2); i++) {
            if (q.units().equals(Lang.UNITS.get(d.words[i]))) return true;
        }
        return false;
    }

    /**
     * A word right after a unit-less number that reads as its unit though units.txt lacks it ("۲۰ پتابایت"): a
     * content word, not a verb, not one of the question's words.
     */
    private static boolean unlistedUnit(Ctx c, int doc, int at) {
        Doc d = c.doc(doc);
        if (at >= d.length() || d.punctBefore(at)) return false;
        String w = d.words[at];
        return !Lang.isFunctionWord(w) && !Lang.isVerbLike(w) && !Character.isDigit(w.charAt(0))
                && !Lang.CHANGE_WORDS.contains(w) && !c.isQuestionWord(doc, at);
    }

    /** The number is attached to a change noun ("کاهش ۳۰ درصدی", "۸۵ درصد کاهش") or is a multiple ("دو برابر"). */
    private static boolean measuresChange(Doc d, Doc.Span<NumberMatch> n) {
        if (n.match().unit() != null && Lang.CHANGE_WORDS.contains(n.match().unit())) return true;
        int after = adjectivalUnit(d, n.to()) != null ? n.to() + 1 : n.to();
        boolean before = n.from() > 0 && !d.punctBefore(n.from()) && Lang.CHANGE_WORDS.contains(d.words[n.from() - 1]);
        boolean behind = after < d.length() && !d.punctBefore(after) && Lang.CHANGE_WORDS.contains(d.words[after]);
        return before || behind;
    }

    /** "۳۰ درصدی", "۵ ساله": a unit with an adjective ending right after a number; its canonical unit, or null. */
    private static String adjectivalUnit(Doc d, int at) {
        if (at >= d.length() || d.punctBefore(at)) return null;
        String w = d.words[at];
        for (String end : new String[]{"ی", "ه"}) {
            if (w.length() > 2 && w.endsWith(end)) {
                String u = Lang.UNITS.get(w.substring(0, w.length() - 1));
                if (u != null) return u;
            }
        }
        return null;
    }

    /** Past {@code to}, the words that repeat the question's terms ("۴۰ میلیون نفر | کاربر فعال ماهانه"). */
    private static int extendOverQuestionWords(Ctx c, int d, int to) {
        Doc doc = c.doc(d);
        int end = to;
        while (end < doc.length() && end - to < 5 && !doc.punctBefore(end) && c.isQuestionWord(d, end)) end++;
        return end;
    }

    static Optional<Answer> date(Ctx c) {
        Ranker.Scored bestS = null;
        String bestText = null;
        double bestV = 0;
        for (Ranker.Scored s : c.candidates(0.5, 5, false)) {
            Doc d = c.doc(s.doc());
            for (Doc.Span<DateMatch> m : d.dates) {
                if (nearest(c, s.doc(), m.from(), m.to()) > 6) continue;
                double v = s.score() / (1 + 0.1 * c.distance(s.doc(), m.from(), m.to()));
                if (v > bestV) {
                    bestV = v;
                    bestS = s;
                    bestText = m.match().text() + " (" + m.match().jalali() + " = " + m.match().gregorian() + ")";
                }
            }
            for (int[] t : clockTimes(d)) {
                if (nearest(c, s.doc(), t[0], t[1]) > 6) continue;
                double v = 0.85 * s.score() / (1 + 0.1 * c.distance(s.doc(), t[0], t[1]));
                if (v > bestV) {
                    bestV = v;
                    bestS = s;
                    bestText = d.span(t[0], t[1]);
                }
            }
            for (int[] y : years(d)) {
                if (nearest(c, s.doc(), y[0], y[1]) > 6) continue;
                double v = 0.95 * s.score() / (1 + 0.1 * c.distance(s.doc(), y[0], y[1]));
                if (v > bestV) {
                    bestV = v;
                    bestS = s;
                    bestText = d.span(y[0], y[1]);
                }
            }
            for (Doc.Span<RelativeMatch> m : d.relatives) {
                if (nearest(c, s.doc(), m.from(), m.to()) > 6) continue;
                double v = 0.9 * s.score() / (1 + 0.1 * c.distance(s.doc(), m.from(), m.to()));
                if (v > bestV) {
                    bestV = v;
                    bestS = s;
                    String r = m.match().resolved();
                    bestText = m.match().text() + (r == null ? "" : " (" + r + ")");
                }
            }
        }
        if (bestS == null) return Optional.empty();
        Doc d = c.doc(bestS.doc());
        return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(bestText, d), List.of(Ctx.evidence(d)),
                Ctx.confidence(c.coverage(bestS.doc(), false), true, bestS.score())));
    }

    /** Distance in words from words [from, to) to the nearest question term in sentence {@code d}. */
    private static double nearest(Ctx c, int d, int from, int to) {
        double best = Double.MAX_VALUE;
        for (int k = 0; k < c.q.terms().size(); k++) {
            for (int p : c.positions(d, k)) best = Math.min(best, Ctx.wordDistance(c.doc(d), p, from, to));
        }
        return best;
    }

    /** Clock times "ساعت ۱۰:۳۰ صبح": word ranges [from, to) of ساعت, the time and a part-of-day word after it. */
    private static List<int[]> clockTimes(Doc d) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < d.length(); i++) {
            if (!d.words[i].matches("\\d{1,2}:\\d{2}")) continue;
            int from = i > 0 && d.words[i - 1].equals("ساعت") ? i - 1 : i;
            int to = i + 1 < d.length() && Lang.TIME_CUES.contains(d.words[i + 1]) && !d.punctBefore(i + 1) ? i + 2 : i + 1;
            out.add(new int[]{from, to});
        }
        return out;
    }

    /**
     * Years standing alone ("تا پایان سال ۱۴۰۴", "در سال 2023"): a whole number 1300–1500 or 1900–2100 right after
     * سال, with the period words before it. Word ranges [from, to).
     */
    private static List<int[]> years(Doc d) {
        List<int[]> out = new ArrayList<>();
        for (int i = 1; i < d.length(); i++) {
            String w = d.words[i];
            if (w.length() != 4 || !w.chars().allMatch(Character::isDigit) || !d.words[i - 1].equals("سال")) continue;
            int y = Integer.parseInt(w);
            if (!(y >= 1300 && y <= 1500 || y >= 1900 && y <= 2100)) continue;
            boolean inDate = false;
            for (Doc.Span<DateMatch> m : d.dates) inDate |= i >= m.from() && i < m.to();
            if (inDate) continue;
            int from = i - 1;
            while (from > 0 && !d.punctBefore(from) && Lang.phraseEndingAt(Lang.PERIOD_WORDS, d.words, from) > 0) {
                from -= Lang.phraseEndingAt(Lang.PERIOD_WORDS, d.words, from);
            }
            out.add(new int[]{from, i + 1});
        }
        return out;
    }
}
