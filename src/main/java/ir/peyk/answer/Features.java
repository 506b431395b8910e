package ir.peyk.answer;

import java.util.List;

/**
 * What the decision sees of a question and its best candidate sentence(s). Each feature is in [0, 1] (or a small
 * count scaled into it), so the logistic model's weights compare.
 */
final class Features {
    /** Feature names, in the order of the model's weights (answer-model.tsv names them). */
    static final List<String> NAMES = List.of(
            "coverage",          // IDF-weighted share of the question's terms in the candidate, by match quality
            "articleCoverage",   // the same share over the whole article
            "missingShare",      // importance share of the most important term the article lacks
            "nounMissing",       // a noun of the question appears nowhere in the article
            "requiredMissing",   // a key word (title, head noun, month, number, place) appears nowhere
            "matchQuality",      // mean match quality of the held terms (1 exact … 0.5 a weak n-gram)
            "margin",            // coverage of the best candidate less the runner-up's
            "typeFound",         // the asked kind of answer (a number, a date, a person …) stands in the candidate
            "typeAbsent",        // the asked kind is one that can be seen, and the candidate has none
            "polarityClash",     // the question is negated and the candidate is not, or the reverse
            "pair",              // the candidate is two adjacent sentences
            "fewTerms",          // 1 / number of content terms: a one-word question is weak evidence either way
            "questionNumber",    // a number the question states is missing from the candidate
            "readerDeclined",    // the question's key words are all in the article, yet no typed reader found a span
            "eventMissing",      // the question's event (the noun of its verb: افتتاح in "افتتاح شد") is not in the candidate
            "nounsMissing",      // how many of its nouns (not its final verb) the article lacks: 0, ½ for one, 1 for more
            "vetoed",            // a typed reader's guard turned a candidate down for what it says (see Ctx.vetoes)
            "modifierMissing",   // a missing word modifies one the article has: "برنج هندی" of an article on other rice
            "yesNo");            // an "آیا" question: the sentence that holds it is the answer, whichever way it goes

    /** The sign each weight must have (see {@link AnswerModel#SIGNS}), in {@link #NAMES} order. */
    static final List<Integer> SIGNS = List.of(1, 1, -1, -1, -1, 1, 1, 1, -1, -1, 0, 0, -1, -1, -1, -1, -1, -1, 0);

    static {
        if (SIGNS.size() != NAMES.size()) throw new IllegalStateException("a sign for every feature");
    }

    private Features() {}

    static double[] of(Question q, Retriever.Result r, Retriever.Candidate c, TypeEvidence.Found type,
                       boolean polarityClash, boolean numberMissing, boolean readerDeclined, boolean vetoed) {
        double[] f = new double[NAMES.size()];
        f[0] = c == null ? 0 : c.coverage();
        f[1] = r.articleCoverage();
        f[2] = r.missingShare();
        f[3] = r.nounMissing() ? 1 : 0;
        f[4] = q.requiredMissing() ? 1 : 0;
        f[5] = c == null ? 0 : c.quality();
        f[6] = Math.max(0, r.margin());
        f[7] = type == TypeEvidence.Found.YES ? 1 : 0;
        f[8] = type == TypeEvidence.Found.NO ? 1 : 0;
        f[9] = polarityClash ? 1 : 0;
        f[10] = c != null && c.pair() ? 1 : 0;
        f[11] = r.terms() == 0 ? 1 : 1.0 / r.terms();
        f[12] = numberMissing ? 1 : 0;
        f[13] = readerDeclined ? 1 : 0;
        f[14] = c != null && c.eventMissing() ? 1 : 0;
        f[15] = Math.min(2, r.nounsMissing()) / 2.0;
        f[16] = vetoed ? 1 : 0;
        f[17] = r.modifierMissing() ? 1 : 0;
        f[18] = q.type() == AnswerType.YESNO ? 1 : 0;
        return f;
    }
}
