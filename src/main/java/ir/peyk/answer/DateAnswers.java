package ir.peyk.answer;

import ir.peyk.article.DateExtractor.DateMatch;
import ir.peyk.article.RelativeTimeExtractor.RelativeMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "When": a date, relative time, clock time, year or weekday standing close to the question's words in a sentence that
 * holds them. A time the question already says is not its answer; a time after "نسبت به" is a baseline, not when;
 * "چه ساعتی" wants a clock time; "از چه …" / "تا چه …" prefer the time after the same preposition (a start, an end).
 * Empty when there is none — the caller declines.
 */
final class DateAnswers {
    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile("\\d{1,2}:\\d{2}");
    /** A time in words [from, to) of a sentence, how much it is worth as an answer, and how to show it. */
    private record Candidate(int from, int to, double weight, boolean clock, String text) {}


    private DateAnswers() {}

    static Optional<Answer> date(Ctx c) {
        boolean clockAsked = clockAsked(c.q.words());
        String bound = boundAsked(c.q.words());
        Ranker.Scored bestS = null;
        String bestText = null;
        double bestV = 0;
        for (Ranker.Scored s : c.candidates(0.5, 8, false)) {
            Doc d = c.doc(s.doc());
            List<Candidate> times = candidates(d);
            boolean one = oneTime(times);
            boolean oneTimeOfTheEvent = one && holdsEvent(c, s.doc());
            double also = also(d) ? 0.5 : 1;          // "روز شنبه نیز …": an event besides the story's own
            for (Candidate t : times) {
                // a time far from the question's words is another event's — unless it is the one time of a sentence
                // that says the question's event ("X امروز (دوشنبه) در آیینی … پروژه را افتتاح کرد")
                if (clockAsked && !t.clock() || nearest(c, s.doc(), t.from(), t.to()) > 6 && !oneTimeOfTheEvent) continue;
                if (c.veto(saysIt(c, s.doc(), t) || Lang.phraseEndingAt(Lang.COMPARISON_MARKERS, d.words, t.from()) > 0)) continue;
                double v = t.weight() * s.score() / (1 + 0.1 * c.distance(s.doc(), t.from(), t.to()));
                v *= also;
                if (bound != null && t.from() > 0) {
                    String before = d.words[t.from() - 1];
                    if (before.equals(bound)) v *= 1.5;
                    else if (before.equals("از") || before.equals("تا")) v *= 0.4;
                }
                if (v > bestV) {
                    bestV = v;
                    bestS = s;
                    bestText = times.size() > 1 && one ? whole(d, times, t) : t.text();
                }
            }
        }
        if (bestS == null) return Optional.empty();
        Doc d = c.doc(bestS.doc());
        return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(bestText, d), List.of(Ctx.evidence(d)),
                Ctx.confidence(c.coverage(bestS.doc(), false), true, bestS.score())));
    }

    /** "ساعت ۱۸:۳۰ یکشنبه ۲۱ خرداد ماه": the whole of one time written in parts, else the part {@code t} itself. */
    private static String whole(Doc d, List<Candidate> times, Candidate t) {
        int from = t.from(), to = t.to();
        for (Candidate x : times) { from = Math.min(from, x.from()); to = Math.max(to, x.to()); }
        return from == t.from() && to == t.to() ? t.text() : d.span(from, to);
    }

    /** The sentence reports its event as one more, besides another (نیز، همچنین): the story's own is elsewhere. */
    private static boolean also(Doc d) {
        for (String w : d.words) if (Lang.is(w, "also")) return true;
        return false;
    }

    /** Every time a sentence mentions, with its worth: a full date first, a weekday last. */
    private static List<Candidate> candidates(Doc d) {
        List<Candidate> out = new ArrayList<>();
        for (Doc.Span<DateMatch> m : d.dates) {
            DateMatch x = m.match();
            out.add(new Candidate(m.from(), m.to(), x.jalali() == null ? 0.97 : 1.0, false,
                    x.jalali() == null ? x.text() : x.text() + " (" + x.jalali() + " = " + x.gregorian() + ")"));
        }
        for (int[] t : clockTimes(d)) out.add(new Candidate(t[0], t[1], 0.85, true, d.span(t[0], t[1])));
        for (int[] y : years(d)) out.add(new Candidate(y[0], y[1], 0.95, false, d.span(y[0], y[1])));
        for (Doc.Span<RelativeMatch> m : d.relatives) {
            String r = m.match().resolved();
            int from = periodStart(d, m.from());              // "تا پایان | هفته جاری"
            String text = (from < m.from() ? d.span(from, m.from()) + " " : "") + m.match().text();
            out.add(new Candidate(from, m.to(), 0.9, false, text + (r == null ? "" : " (" + r + ")")));
        }
        for (int[] w : weekdays(d)) out.add(new Candidate(w[0], w[1], 0.8, false, d.span(w[0], w[1])));
        return out;
    }

    /** The question asks for a clock time: "چه ساعتی", "ساعت چند". */
    private static boolean clockAsked(String[] w) {
        for (int i = 0; i + 1 < w.length; i++) {
            if (w[i].equals("چه") && Lang.is(w[i + 1], "clock") || w[i].equals("ساعت") && w[i + 1].equals("چند")) return true;
        }
        return false;
    }

    /** "از چه ساعتی" asks a start, "تا چه ساعتی" / "تا کی" an end: the preposition, or null. */
    private static String boundAsked(String[] w) {
        for (int i = 0; i + 1 < w.length; i++) {
            if ((w[i].equals("از") || w[i].equals("تا")) && Lang.is(w[i + 1], "when")) return w[i];
        }
        return null;
    }

    /** The time is one the question itself says ("قطارها از کی ساعت ۵:۳۰ …" does not ask for ۵:۳۰). */
    private static boolean saysIt(Ctx c, int d, Candidate t) {
        for (int i = t.from(); i < t.to(); i++) {
            if (Character.isDigit(c.doc(d).words[i].charAt(0)) && c.isQuestionWord(d, i)) return true;
        }
        return false;
    }

    /** The sentence names one time, in one place ("امروز (دوشنبه)" is one time written twice). */
    private static boolean oneTime(List<Candidate> times) {
        if (times.isEmpty()) return false;
        int from = Integer.MAX_VALUE, to = 0;
        for (Candidate t : times) { from = Math.min(from, t.from()); to = Math.max(to, t.to()); }
        if (to - from <= 3) return true;
        // "ساعت ۱۸:۳۰ یکشنبه ۲۱ خرداد ماه": a clock time, a weekday and a date written one after another are one time
        List<Candidate> sorted = new ArrayList<>(times);
        sorted.sort(java.util.Comparator.comparingInt(Candidate::from));
        int end = sorted.get(0).to();
        for (Candidate t : sorted) {
            if (t.from() > end + 1) return false;         // a weekday between them is no gap
            end = Math.max(end, t.to());
        }
        return true;
    }

    /**
     * Sentence {@code d} holds the question's event: its predicate term, or the noun before its copula ("افتتاح چه
     * روزی بود" asks the date of the opening). A question with neither ("افتتاح چه روزی بود", the cue between noun and
     * copula) is about what its words name: the sentence holds its event when it holds all of them.
     */
    private static boolean holdsEvent(Ctx c, int d) {
        List<Question.Term> terms = c.q.terms();
        boolean anyEvent = false;
        for (int k = 0; k < terms.size(); k++) {
            Question.Role r = terms.get(k).role();
            if (r != Question.Role.EVENT && r != Question.Role.STATE) continue;
            anyEvent = true;
            if (!c.positions(d, k).isEmpty()) return true;
        }
        return !anyEvent && QuestionTerms.subjectIsTheEvent(c.q.words()) && c.coverage(d, false) >= 0.99;
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
            if (!CLOCK.matcher(d.words[i]).matches()) continue;
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
            if (!(y >= 1300 && y <= 1500 || y >= 1900 && y <= 2100) || inDate(d, i)) continue;
            out.add(new int[]{periodStart(d, i - 1), i + 1});
        }
        return out;
    }

    /** Where the period words before word {@code at} begin ("تا پایان سال ۱۴۰۴", "اوایل ماه آینده"). */
    private static int periodStart(Doc d, int at) {
        int from = at;
        while (from > 0 && !d.punctBefore(from) && Lang.phraseEndingAt(Lang.PERIOD_WORDS, d.words, from) > 0) {
            from -= Lang.phraseEndingAt(Lang.PERIOD_WORDS, d.words, from);
        }
        return from;
    }

    /** Weekdays outside a full date ("روز دوشنبه در نشست خبری …"), with روز before them. Word ranges [from, to). */
    private static List<int[]> weekdays(Doc d) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < d.length(); i++) {
            int len = Lang.WEEKDAYS.contains(d.words[i]) ? 1
                    : i + 1 < d.length() && Lang.WEEKDAYS.contains(d.words[i] + " " + d.words[i + 1]) ? 2 : 0;
            if (len == 0 || inDate(d, i) || i + len < d.length() && inDate(d, i + len)) continue;
            int from = i > 0 && d.words[i - 1].equals("روز") && !d.punctBefore(i) ? i - 1 : i;
            out.add(new int[]{from, i + len});
            i += len - 1;
        }
        return out;
    }

    private static boolean inDate(Doc d, int i) {
        for (Doc.Span<DateMatch> m : d.dates) if (i >= m.from() && i < m.to()) return true;
        return false;
    }
}
