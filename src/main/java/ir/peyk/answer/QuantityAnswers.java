package ir.peyk.answer;

import ir.peyk.article.NumberExtractor.NumberMatch;
import java.util.List;
import java.util.Optional;

/**
 * "How many / how much": a number with its unit and qualifier (from the shared number extractor) standing close to the
 * question's words in a sentence that holds them. Empty when there is none — the caller declines rather than offer a
 * number from elsewhere. (Dates: {@link DateAnswers}.)
 */
final class QuantityAnswers {
    private QuantityAnswers() {}

    static Optional<Answer> number(Ctx c) {
        if (asksOrdinal(c.q)) return ordinal(c);
        boolean asksChange = false;
        boolean asksEach = false;
        boolean negatedQ = false;
        boolean asksDuration = false;                  // "چقدر طول کشید", "چه مدت": a period is the answer
        List<NumberMatch> stated = ir.peyk.article.NumberExtractor.extract(c.q.raw());
        for (String w : c.q.words()) {
            negatedQ |= SpanAnswers.isNegativeVerb(w);
            asksEach |= Lang.is(w, "each");
            asksDuration |= Lang.is(w, "duration");
            asksChange |= Lang.CHANGE_WORDS.contains(w);
            for (String alt : Lang.SYNONYMS.getOrDefault(w, List.of())) asksChange |= Lang.CHANGE_WORDS.contains(alt);   // کم شد
        }
        Ranker.Scored bestS = null;
        Doc.Span<NumberMatch> best = null;
        double bestV = 0;
        for (Ranker.Scored s : c.candidates(0.5, 5, false)) {
            Doc d = c.doc(s.doc());
            for (Doc.Span<NumberMatch> n : d.numbers) {
                if (!unitFits(c.q, d, n) || c.veto(c.onlyInEnumeration(s.doc(), n.from()))) continue;
                if (c.veto(asksEach && !perItem(d, n))) continue;               // "قیمت هر X" is not the cost of them all
                if (c.veto(inQuestion(stated, n) || negated(d, n) != negatedQ)) continue;   // "با یک بار شارژ"; "تامین نشده"
                // a rate per item ("کیلویی ۹۰ هزار تومان") holds for each of a pair, not for the two together
                if (c.veto(oneOfAPair(c, s.doc()) && !perItem(d, n) || !asksChange && onlyCompared(c, s.doc()))) continue;
                String unit = n.match().unit();
                boolean period = unit != null && Lang.is(unit, "time-unit");
                if (asksDuration != period && !(period && unit.equals(c.q.units()))) continue;   // "دو ماه": a period
                double dist = c.distance(s.doc(), n.from(), n.to());
                // far from the question's words on average — unless the sentence holds the whole question and one of
                // its words stands right by the number ("… از سد طالقان … روزانه نزدیک به ۴۰۰ هزار مترمکعب")
                if (dist > 15 && !(c.coverage(s.doc(), false) >= 0.99 && nextToTerm(c, s.doc(), n))) continue;
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
            // the counted noun itself or an inflection of it: "۲۸ سارق" counts thieves, not thefts (سرقت)
            return q.head().hits().stream().anyMatch(h -> h.word().equals(next) && h.quality() >= Retriever.INFLECTED);
        }
        if (q.units() == null) return true;
        if (q.units().equals(n.match().unit())) return true;
        // "چند بار بازدید" of "۸۵۶ هزار مورد بازدید": classifiers a reader takes for one another (equivalents.txt)
        if (n.match().unit() != null && Lang.EQUIVALENTS.getOrDefault(q.units(), List.of()).contains(n.match().unit())) return true;
        if ("نفر".equals(n.match().unit()) && Lang.PEOPLE_UNITS.contains(q.units())) {
            for (String w : d.words) if (q.units().equals(Lang.UNITS.getKey(w))) return true;   // "۲۰ میلیون نفر … کاربر"
        }
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

    /**
     * A required word of the question stands in the sentence only after a comparison marker ("… ۶ هزار فقره بود که
     * نسبت به فروردین ۱۵ درصد کاهش یافت"): the sentence's amounts are of something else; only a change is "of" it.
     */
    private static boolean onlyCompared(Ctx c, int doc) {
        Doc d = c.doc(doc);
        for (int k = 0; k < c.q.terms().size(); k++) {
            if (!c.q.terms().get(k).required() || c.positions(doc, k).isEmpty()) continue;
            boolean free = false;
            for (int p : c.positions(doc, k)) free |= Lang.phraseEndingAt(Lang.COMPARISON_MARKERS, d.words, p) == 0;
            if (!free) return true;
        }
        return false;
    }

    /**
     * A question word is one of two modifiers joined by و whose other one the question lacks ("پایانه‌های شمالی و
     * جنوبی"): the sentence counts both, the question asks about one.
     */
    private static boolean oneOfAPair(Ctx c, int doc) {
        Doc d = c.doc(doc);
        for (int k = 0; k < c.q.terms().size(); k++) {
            for (int p : c.positions(doc, k)) {
                for (int other : new int[]{p - 2, p + 2}) {
                    if (other < 0 || other >= d.length()) continue;
                    int and = (p + other) / 2;
                    if (!d.words[and].equals("و") || d.punctBefore(Math.max(p, other)) || d.punctBefore(and)) continue;
                    if (d.words[p].endsWith("ی") && d.words[other].endsWith("ی") && !c.isQuestionWord(doc, other)
                            && !Lang.isFunctionWord(d.words[other])) return true;
                }
            }
        }
        return false;
    }

    /** The question states this number itself ("با یک بار شارژ چقدر …"): it is given, not asked. */
    static boolean inQuestion(List<NumberMatch> stated, Doc.Span<NumberMatch> n) {
        for (NumberMatch q : stated) if (sameValue(q.value(), n.match().value())) return true;
        return false;
    }

    /** Two extracted numbers are the same amount (up to floating-point noise). */
    static boolean sameValue(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }

    /**
     * A negated verb stands in the number's clause ("… تامین نشده است") — unless the number is an attribute in a با
     * phrase ("بیمارستان … با پیشرفت حدود ۶۰ درصد بخش اورژانس نداشته"): the verb denies something else of the subject.
     */
    private static boolean negated(Doc d, Doc.Span<NumberMatch> n) {
        int from = n.from();
        while (from > 0 && !d.punctBefore(from) && !d.words[from - 1].equals("که")) from--;
        for (int i = n.from() - 1; i >= from && !Lang.isVerbLike(d.words[i]); i--) {
            if (Lang.is(d.words[i], "preposition")) {
                if (d.words[i].equals("با")) return false;
                break;
            }
        }
        for (int i = from; i < d.length() && (i <= n.from() || !d.punctBefore(i) && !d.words[i].equals("که")); i++) {
            if (SpanAnswers.isNegativeVerb(d.words[i])) return true;
        }
        return false;
    }

    /** The number's clause says it is per item ("هر اتوبوس … ۲۵۰ کیلومتر", "سرانه ۵ کیلو"). */
    private static boolean perItem(Doc d, Doc.Span<NumberMatch> n) {
        int from = n.from();
        while (from > 0 && !d.punctBefore(from)) from--;
        for (int i = from; i < d.length() && (i <= n.from() || !d.punctBefore(i)); i++) {
            if (Lang.is(d.words[i], "each")) return true;
        }
        return false;
    }

    /** A question word stands within two words of the number, in the same clause. */
    private static boolean nextToTerm(Ctx c, int doc, Doc.Span<NumberMatch> n) {
        Doc d = c.doc(doc);
        for (int i = Math.max(0, n.from() - 2); i < Math.min(d.length(), n.to() + 2); i++) {
            if (i >= n.from() && i < n.to() || !c.isQuestionWord(doc, i)) continue;
            int a = Math.min(i, n.from());
            int b = Math.max(i, n.to() - 1);
            boolean clean = true;
            for (int k = a + 1; k <= b; k++) clean &= !d.punctBefore(k);
            if (clean) return true;
        }
        return false;
    }

    /** Past {@code to}, the words that repeat the question's terms ("۴۰ میلیون نفر | کاربر فعال ماهانه"). */
    private static int extendOverQuestionWords(Ctx c, int d, int to) {
        Doc doc = c.doc(d);
        int end = to;
        while (end < doc.length() && end - to < 5 && !doc.punctBefore(end) && c.isQuestionWord(d, end)
                && !c.isEventWord(d, end)) end++;                   // "سه ایستگاه جدید | افتتاح شود"
        return end;
    }

    /** "چندمین" / "چندم": the question asks a rank, written as an ordinal word (چهل‌ودومین، دهم). */
    static boolean asksOrdinal(Question q) {
        for (String w : q.words()) if (w.equals("چندمین") || w.equals("چندم")) return true;
        return false;
    }

    /**
     * The ordinal word right before one of the question's words in the best-matching sentences ("چهل‌ودومین
     * جشنواره" answers "چندمین دوره جشنواره"): an ordinal elsewhere in the sentence ranks something else.
     */
    private static Optional<Answer> ordinal(Ctx c) {
        for (Ranker.Scored s : c.candidates(0.5, 5, false)) {
            Doc d = c.doc(s.doc());
            for (int i = 0; i + 1 < d.length(); i++) {
                if (!isOrdinal(d.words[i]) || d.punctBefore(i + 1) || !c.isQuestionWord(s.doc(), i + 1)) continue;
                return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(d.span(i, i + 1), d), List.of(Ctx.evidence(d)),
                        Ctx.confidence(c.coverage(s.doc(), false), true, s.score())));
            }
        }
        return Optional.empty();
    }

    /** An ordinal word: دومین، چهل‌ودومین (a word of "…مین" that is no function word, and not the question's own). */
    static boolean isOrdinal(String w) {
        return w.length() > 4 && w.endsWith("مین") && !Lang.isFunctionWord(w) && !w.equals("چندمین") && !w.equals("زمین");
    }
}
