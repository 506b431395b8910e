package ir.peyk.answer;

import java.util.List;
import java.util.Optional;

/**
 * Answers whose span is typed by its shape: a reason clause, a manner phrase, a clause, a yes/no. Each returns
 * empty when the article holds no span of the asked type near the question's words: the caller then declines. (Places:
 * {@link PlaceAnswers}; numbers: {@link QuantityAnswers}; dates: {@link DateAnswers}; lists: {@link ListAnswers}.)
 */
final class SpanAnswers {
    private static final List<String[]> MANNER_OPENERS = List.of(
            new String[]{"به", "صورت"}, new String[]{"بهصورت"}, new String[]{"به", "شکل"}, new String[]{"به", "شیوه"},
            new String[]{"از", "طریق"}, new String[]{"با", "استفاده", "از"});

    private SpanAnswers() {}

    static Optional<Answer> reason(Ctx c) {
        for (Ranker.Scored s : c.candidates(0.5, 3, false)) {
            for (int d : new int[]{s.doc(), s.doc() + 1, s.doc() + 2}) {
                if (d >= c.index.size() || c.doc(d).section() != c.doc(s.doc()).section()) continue;
                Doc doc = c.doc(d);
                for (int i = 0; i < doc.length(); i++) {
                    int len = Lang.phraseAt(Lang.REASON_MARKERS, doc.words, i);
                    if (len == 0) continue;
                    // a later sentence must open with the reason or point back to the matched one ("این کاهش به دلیل")
                    if (d != s.doc() && i > 2 && !pointsBack(c, d, i)) break;
                    int end = clauseEnd(doc, i + len, 30);
                    if (end - i - len < 2) continue;
                    String span = doc.span(i, end);
                    List<Evidence> ev = d == s.doc() ? List.of(Ctx.evidence(doc))
                            : List.of(Ctx.evidence(c.doc(s.doc())), Ctx.evidence(doc));
                    return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(span, doc), ev,
                            Ctx.confidence(c.coverage(s.doc(), true), true, s.score())));
                }
            }
        }
        // The reason may stand in a sentence that points back ("این کاهش به دلیل …") to the one the question matches.
        for (Ranker.Scored s : c.ranked) {
            Doc doc = c.doc(s.doc());
            if (doc.section() != ir.peyk.article.Section.BODY || c.coverage(s.doc(), true) < 0.6) continue;
            for (int i = 0; i < doc.length(); i++) {
                int len = Lang.phraseAt(Lang.REASON_MARKERS, doc.words, i);
                if (len == 0) continue;
                int end = clauseEnd(doc, i + len, 30);
                if (end - i - len < 2 || c.distance(s.doc(), i, end) > 8) continue;
                return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(doc.span(i, end), doc),
                        List.of(Ctx.evidence(doc)), Ctx.confidence(c.coverage(s.doc(), true), true, s.score())));
            }
        }
        // no reason marker: only a sentence with all of it that marks its result as following from what it said before
        Optional<Answer> whole = sentence(c, 0.99);
        if (whole.isEmpty()) return whole;
        Doc d = c.doc(c.candidates(0.99, 1, false).get(0).doc());
        for (int i = 0; i < d.length(); i++) if (Lang.phraseAt(Lang.RESULT_MARKERS, d.words, i) > 0) return whole;
        return Optional.empty();
    }

    /** "این X" / "همین X" shortly before word {@code i}, X one of the question's terms: an anaphor. */
    private static boolean pointsBack(Ctx c, int d, int i) {
        Doc doc = c.doc(d);
        for (int j = Math.max(1, i - 4); j < i; j++) {
            String det = doc.words[j - 1];
            if ((det.equals("این") || det.equals("همین")) && c.isQuestionWord(d, j)) return true;
        }
        return false;
    }

    static Optional<Answer> manner(Ctx c) {
        for (Ranker.Scored s : c.candidates(0.6, 3, false)) {
            Doc d = c.doc(s.doc());
            for (int i = 0; i < d.length(); i++) {
                int len = Lang.phraseAt(MANNER_OPENERS, d.words, i);
                if (len == 0 || c.isQuestionWord(s.doc(), i + len)) continue;
                int end = nounPhraseEnd(d, i + len, 4);
                if (end <= i + len) continue;
                return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(d.span(i, end), d), List.of(Ctx.evidence(d)),
                        Ctx.confidence(c.coverage(s.doc(), false), true, s.score())));
            }
        }
        return sentence(c, 0.8);
    }

    /** Sentence {@code d} has the question's required predicate as a verb somewhere (true when there is none). */
    private static boolean eventSaid(Ctx c, int d) {
        for (int k = 0; k < c.q.terms().size(); k++) {
            if (!c.q.terms().get(k).predicate() || !c.q.terms().get(k).required()) continue;
            for (int p : c.positions(d, k)) if (Ctx.verbAfter(c.doc(d), p)) return true;
            return false;
        }
        return true;
    }

    /** "X چیست / درباره چه": the clause of the best sentence that holds most of the question's terms. */
    static Optional<Answer> clause(Ctx c, double minCoverage) {
        List<Ranker.Scored> cs = c.candidates(minCoverage, 1, false);
        if (cs.isEmpty()) return Optional.empty();
        Ranker.Scored s = cs.get(0);
        Doc d = c.doc(s.doc());
        int bestFrom = 0;
        int bestTo = d.length();
        int bestHits = -1;
        int from = 0;
        for (int i = 1; i <= d.length(); i++) {
            boolean boundary = i == d.length() || d.punctBefore(i) && !d.gapBefore(i).strip().equals("،")
                    || d.words[i].equals("که") || d.gapBefore(i).contains(":");
            if (!boundary) continue;
            int hits = 0;
            for (int k = from; k < i; k++) if (c.isQuestionWord(s.doc(), k)) hits++;
            if (hits > bestHits) { bestHits = hits; bestFrom = from; bestTo = i; }
            from = d.words.length > i && d.words[i].equals("که") ? i + 1 : i;
        }
        bestFrom = afterAskedVerb(c.q, d, bestFrom, bestTo);
        String span = bestTo - bestFrom >= 3 ? d.span(bestFrom, bestTo) : null;
        return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(span, d), List.of(Ctx.evidence(d)),
                Ctx.confidence(c.coverage(s.doc(), false), span != null, s.score())));
    }

    /**
     * "X از شهروندان چه خواست": what was asked, said or urged is what follows the question's own reporting verb in
     * the clause ("… از شهروندان خواست | توصیه‌های پلیس را جدی بگیرند"); {@code from} when the clause has none.
     */
    private static int afterAskedVerb(Question q, Doc d, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Lang.REPORTING_WORDS.contains(d.words[i])) continue;
            int len = Lang.phraseAt(Lang.REPORTING_VERBS, d.words, i);
            if (len == 0 || i + len + 3 > to) continue;
            for (String w : q.words()) if (w.equals(d.words[i])) return i + len;
        }
        return from;
    }

    /**
     * The best sentence itself, when it holds at least {@code minCoverage} of the question — and the question's
     * required event as a verb: a sentence that only names it ("در مراسم افتتاح") does not say who or what did it.
     */
    static Optional<Answer> sentence(Ctx c, double minCoverage) {
        List<Ranker.Scored> cs = c.candidates(minCoverage, 1, false);
        if (cs.isEmpty() || c.veto(!eventSaid(c, cs.get(0).doc()))) return Optional.empty();
        Doc d = c.doc(cs.get(0).doc());
        return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(null, d), List.of(Ctx.evidence(d)),
                Ctx.confidence(c.coverage(d.index(), false), false, cs.get(0).score())));
    }

    /** "آیا …": yes when one sentence holds every term; no when it holds them with the opposite polarity. */
    static Optional<Answer> yesNo(Ctx c) {
        List<Ranker.Scored> cs = c.candidates(0.99, 3, false);
        if (cs.isEmpty()) return Optional.empty();
        Ranker.Scored best = cs.get(0);
        boolean asksHaving = false;
        for (String w : c.q.words()) asksHaving |= having(w);
        // "آیا X اورژانس دارد": the sentence that says X has or has not (داشته، نداشته) beats one that only names both
        for (int k = 0; asksHaving && k < cs.size(); k++) {
            if (saysHaving(c, cs.get(k).doc())) { best = cs.get(k); break; }
        }
        Doc d = c.doc(best.doc());
        if (c.veto(!numbersAgree(c, best.doc()) || !quantifierSaid(c.q.words(), d))) return Optional.empty();
        boolean negatedQ = hasNegativeVerb(c.q.words());
        boolean negatedS = false;
        int[] clause = termClause(c, best.doc());                      // "… گلایه‌مند بودند که ما توصیه نمی‌کنیم":
        for (int i = clause[0]; i < clause[1]; i++) if (isNegativeVerb(d.words[i])) negatedS = true;   // not that verb
        String verdict = negatedQ == negatedS ? "بله" : "خیر";
        return Optional.of(new Answer(c.q.raw(), true, verdict + " — «" + d.text() + "»", List.of(Ctx.evidence(d)),
                Ctx.round(Ctx.confidence(1, true, best.score()) * 0.9)));
    }

    /** A form of "have", negated or not (دارد، داشته، نداشته). */
    private static boolean having(String w) {
        return Lang.is(w, "possession") || w.length() > 3 && w.charAt(0) == 'ن' && Lang.is(w.substring(1), "possession");
    }

    /** The clause of sentence {@code d} that holds the question's words says "have" (or "have not"). */
    private static boolean saysHaving(Ctx c, int d) {
        int[] clause = termClause(c, d);
        for (int i = clause[0]; i < clause[1]; i++) if (having(c.doc(d).words[i])) return true;
        return false;
    }

    /** A universal quantifier of the question ("آیا همه X …") is in the sentence too: "۶۰ درصد X" says not all. */
    private static boolean quantifierSaid(String[] question, Doc d) {
        boolean asked = false;
        for (String w : question) asked |= Lang.is(w, "all");
        if (!asked) return true;
        for (String w : d.words) if (Lang.is(w, "all")) return true;
        return false;
    }

    /** Words [from, to) of the clauses of sentence {@code d} that hold the question's words (up to punctuation or که). */
    private static int[] termClause(Ctx c, int d) {
        Doc doc = c.doc(d);
        int first = doc.length();
        int last = -1;
        for (int k = 0; k < c.q.terms().size(); k++) {
            for (int p : c.positions(d, k)) { first = Math.min(first, p); last = Math.max(last, p); }
        }
        if (last < 0) return new int[]{0, doc.length()};
        int from = first;
        while (from > 0 && !doc.punctBefore(from) && !doc.words[from - 1].equals("که")) from--;
        int to = last + 1;
        while (to < doc.length() && !doc.punctBefore(to) && !doc.words[to].equals("که")) to++;
        return new int[]{from, to};
    }

    /**
     * Every number the question states is in sentence {@code d} with the same qualifier: "آیا X بیش از ۴۰ میلیون …"
     * is not confirmed by "X قریب به ۴۰ میلیون …" (the ۴۰ میلیون nearest the question's words is the one compared).
     */
    private static boolean numbersAgree(Ctx c, int d) {
        Doc doc = c.doc(d);
        for (ir.peyk.article.NumberExtractor.NumberMatch qn : ir.peyk.article.NumberExtractor.extract(c.q.raw())) {
            Doc.Span<ir.peyk.article.NumberExtractor.NumberMatch> best = null;
            double bestDist = Double.MAX_VALUE;
            for (Doc.Span<ir.peyk.article.NumberExtractor.NumberMatch> n : doc.numbers) {
                if (!QuantityAnswers.sameValue(qn.value(), n.match().value())) continue;
                double dist = c.distance(d, n.from(), n.to());
                if (dist < bestDist) { bestDist = dist; best = n; }
            }
            if (best == null) return false;
            if (qn.qualifier() != null && !qn.qualifier().equals(best.match().qualifier())) return false;
        }
        return true;
    }

    /** A negated verb: نمی‌…, or ن before a light verb or copula form (نبوده، نشده، نداشتند، نکرده‌اند). */
    static boolean isNegativeVerb(String w) {
        if (w.startsWith("نمی") && w.length() > 4 || w.equals("نیست") || w.equals("نیستند")) return true;
        if (Lang.NEGATED_LIGHT_VERBS.contains(w)) return true;                  // نشد، نکرد، نیفتاده
        // ن + a light verb or a modal: نتوانستند، نخواست
        if (w.length() < 3 || w.charAt(0) != 'ن') return false;
        String rest = w.substring(1);
        return Lang.LIGHT_VERBS.contains(rest) || Lang.is(rest, "modal");
    }

    /** Some word of {@code words} is a negated verb ({@link #isNegativeVerb}). */
    static boolean hasNegativeVerb(String[] words) {
        for (String w : words) if (isNegativeVerb(w)) return true;
        return false;
    }

    /** End of the clause starting at {@code from}: the next punctuation other than a comma inside a list, or {@code max} words. */
    static int clauseEnd(Doc d, int from, int max) {
        int end = from;
        while (end < d.length() && end - from < max) {
            if (end > from && d.punctBefore(end)) break;
            end++;
        }
        return end;
    }

    /**
     * End of the noun phrase from {@code from}: words up to a function word, a verb or punctuation, and before the
     * non-verbal part of a compound verb ("ساعات شب | روبه‌رو خواهیم شد").
     */
    static int nounPhraseEnd(Doc d, int from, int max) {
        int end = from;
        while (end < d.length() && end - from < max && !(end > from && d.punctBefore(end))
                && !Lang.isFunctionWord(d.words[end]) && !Lang.isVerbLike(d.words[end])
                && !Lang.REPORTING_WORDS.contains(d.words[end]) && !Character.isDigit(d.words[end].charAt(0))
                && !(end > from && verbFollows(d, end))) end++;
        return end;
    }

    /** A light verb or a verb form stands right after word {@code i}, in the same clause. */
    private static boolean verbFollows(Doc d, int i) {
        if (i + 1 >= d.length() || d.punctBefore(i + 1)) return false;
        String next = d.words[i + 1];
        return Lang.LIGHT_VERBS.contains(next) && !next.equals("است") || Lang.isVerbLike(next);
    }
}
