package ir.peyk.answer;

import java.util.List;
import java.util.Optional;

/**
 * "Where": a part of the asked place ("کجای اتوبان X"), a listed place or "در + place noun" near the question's words
 * in a sentence that holds them — not a place that only says whose ("شهردار تبریز"). Empty when there is none.
 */
final class PlaceAnswers {
    private PlaceAnswers() {}

    static Optional<Answer> location(Ctx c) {
        Optional<Answer> part = partOf(c);
        if (part.isPresent()) return part;
        for (Ranker.Scored s : c.candidates(0.5, 5, false)) {
            Doc d = c.doc(s.doc());
            int bestAt = -1;
            int bestLen = 0;
            double bestDist = Double.MAX_VALUE;
            for (int i = 0; i < d.length(); i++) {
                int len = Lang.phraseAt(Lang.PLACES, d.words, i);
                if (len == 0) len = placeNounPhrase(c, s.doc(), i);
                if (len == 0 || c.isQuestionWord(s.doc(), i)) continue;
                // "نمایشگاه صادرات ایران": a place right after a word of the question names that thing, not where
                if (i > 0 && !d.punctBefore(i) && c.isQuestionWord(s.doc(), i - 1)) continue;
                if (i > 0 && !d.punctBefore(i) && modifies(d, i) && !c.index.listItems(s.doc())[i]) continue;
                double dist = c.distance(s.doc(), i, i + len);
                if (dist < bestDist) { bestDist = dist; bestAt = i; bestLen = len; }
            }
            if (bestAt >= 0 && bestDist <= 15) {
                boolean[] items = c.index.listItems(s.doc());   // one place of a list: "کدام استان‌ها" wants them all
                if (items[bestAt]) {
                    while (bestAt > 0 && items[bestAt - 1]) { bestAt--; bestLen++; }
                    while (bestAt + bestLen < d.length() && items[bestAt + bestLen]) bestLen++;
                }
                return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(d.span(bestAt, bestAt + bestLen), d),
                        List.of(Ctx.evidence(d)), Ctx.confidence(c.coverage(s.doc(), false), true, s.score())));
            }
        }
        return Optional.empty();
    }

    /**
     * "کجای اتوبان X": the part of the asked place — the words between در and that place in a sentence that holds the
     * question ("در لاین شمالی اتوبان X"); empty when the question asks no part or no sentence names one.
     */
    private static Optional<Answer> partOf(Ctx c) {
        Question.Term head = c.q.head();
        int hk = head == null ? -1 : c.q.terms().indexOf(head);
        if (hk < 0 || !java.util.Arrays.asList(c.q.words()).contains("کجای")) return Optional.empty();
        for (Ranker.Scored s : c.candidates(0.99, 8, false)) {
            Doc d = c.doc(s.doc());
            for (int p : c.positions(s.doc(), hk)) {
                for (int j = p - 1; j >= Math.max(0, p - 4) && !d.punctBefore(j + 1); j--) {
                    if (c.isQuestionWord(s.doc(), j) || Lang.isVerbLike(d.words[j])) break;
                    if (!d.words[j].equals("در")) continue;
                    if (j + 1 == p) break;
                    return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(d.span(j + 1, p + 1), d),
                            List.of(Ctx.evidence(d)), Ctx.confidence(c.coverage(s.doc(), false), true, s.score())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The place at {@code i} only qualifies the noun before it ("شهردار تبریز", "سازمان اتوبوسرانی تبریز"): that word is
     * a content word, not a preposition and not itself a place noun ("شهر تبریز") — the place says whose, not where.
     */
    private static boolean modifies(Doc d, int i) {
        String before = d.words[i - 1];
        return !Lang.isFunctionWord(before) && !Lang.isPlaceNoun(before) && !Lang.isVerbLike(before)
                && !Lang.LIGHT_VERBS.contains(before);
    }

    /**
     * Length of "در + place noun + its modifiers" from word {@code i} ("در | پایانه‌های شمالی و جنوبی شهر"), or 0: the
     * noun must not be one of the question's and the question's event must be a verb of the same clause.
     */
    private static int placeNounPhrase(Ctx c, int doc, int i) {
        Doc d = c.doc(doc);
        if (i == 0 || d.punctBefore(i) || !d.words[i - 1].equals("در") || !Lang.isPlaceNoun(d.words[i])) return 0;
        if (c.isQuestionWord(doc, i) || !ListAnswers.predicateInClause(c, doc, i)) return 0;
        int end = SpanAnswers.nounPhraseEnd(d, i, 4);
        // "شمالی و جنوبی": two modifiers joined by و stay one phrase
        if (end + 1 < d.length() && d.words[end].equals("و") && !d.punctBefore(end) && !d.punctBefore(end + 1)
                && d.words[end - 1].endsWith("ی") && d.words[end + 1].endsWith("ی") && end > i + 1) {
            end = SpanAnswers.nounPhraseEnd(d, end + 1, 3);
        }
        while (end > i + 1 && c.isQuestionWord(doc, end - 1)) end--;
        return end - i;
    }
}
