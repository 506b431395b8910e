package ir.peyk.answer;

import java.util.List;

/**
 * What the decision sees of a question and its best candidate sentence(s). Each feature is in [0, 1] (or a small
 * count scaled into it), so the logistic model's weights compare.
 */
final class Features {
    /**
     * A feature and the sign its weight must keep: +1 when more of it may never lower the probability, −1 when it may
     * never raise it, 0 when free.
     */
    private record Spec(String name, int sign) {}

    private static final List<Spec> SPECS = List.of(
            new Spec("coverage", 1),         // IDF-weighted share of the question's terms in the candidate, by quality
            new Spec("articleCoverage", 1),  // the same share over the whole article
            new Spec("missingShare", -1),    // importance share of the most important term the article lacks
            new Spec("nounMissing", -1),     // a noun of the question appears nowhere in the article
            new Spec("requiredMissing", -1), // a key word (title, head noun, month, number, place) appears nowhere
            new Spec("matchQuality", 1),     // mean match quality of the held terms (1 exact … 0.5 a weak n-gram)
            new Spec("margin", 1),           // coverage of the best candidate less the runner-up's
            new Spec("typeFound", 1),        // the asked kind of answer (a number, a date, a person …) is in it
            new Spec("typeAbsent", -1),      // the asked kind is one that can be seen, and the candidate has none
            new Spec("polarityClash", -1),   // the question is negated and the candidate is not, or the reverse
            new Spec("pair", 0),             // the candidate is two adjacent sentences
            new Spec("fewTerms", 0),         // 1 / number of content terms: a one-word question is weak evidence
            new Spec("questionNumber", -1),  // a number the question states is missing from the candidate
            new Spec("readerDeclined", -1),  // the key words are all in the article, yet no typed reader found a span
            new Spec("eventMissing", -1),    // the question's event (افتتاح of "افتتاح شد") is not in the candidate
            new Spec("nounsMissing", -1),    // its nouns (not its final verb) the article lacks: 0, ½ for one, 1 more
            new Spec("vetoed", -1),          // a typed reader's guard turned a candidate down for what it says
            new Spec("modifierMissing", -1), // a missing word modifies one the article has: "برنج هندی"
            new Spec("yesNo", 0));           // an "آیا" question: the sentence that holds it is the answer

    /** Feature names, in the order of the model's weights (answer-model.tsv names them). */
    static final List<String> NAMES = SPECS.stream().map(Spec::name).toList();
    /** The sign each weight must keep (see {@link AnswerModel#SIGNS}), in {@link #NAMES} order. */
    static final List<Integer> SIGNS = SPECS.stream().map(Spec::sign).toList();

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
