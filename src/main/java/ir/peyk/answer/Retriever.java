package ir.peyk.answer;

import ir.peyk.article.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * The retrieve step of retrieve → read → decide: scores every body sentence, and every pair of adjacent ones, by the
 * IDF-weighted share of the question's terms it holds, each term counted by its best soft match there (exact 1,
 * suffix or stem a little less, synonyms and colloquial forms less again). Unlike the typed readers it never vetoes:
 * a term the article lacks lowers the coverage by its weight, and the decision is left to {@link AnswerModel}.
 */
final class Retriever {
    /** A pair must hold clearly more than its better half to be worth the longer answer. */
    static final double PAIR_GAIN = 0.15;
    /** Match qualities from here up are inflections of the word itself (see TermMatcher). */
    static final double INFLECTED = 0.85;

    /**
     * A candidate answer: one sentence ({@code second < 0}) or two adjacent ones.
     *
     * @param first    doc position of the (first) sentence
     * @param second   doc position of the second sentence, or −1
     * @param coverage IDF-weighted share of the question's terms the candidate holds, by match quality
     * @param quality  mean match quality of the terms it holds
     * @param held     how many of the question's terms it holds
     * @param eventMissing the question names an event (a predicate term) and the candidate lacks it
     */
    record Candidate(int first, int second, double coverage, double quality, int held, boolean eventMissing) {
        boolean pair() {
            return second >= 0;
        }
    }

    /** Everything the decision needs to know about one question's retrieval. */
    record Result(List<Candidate> ranked, double articleCoverage, double missingShare, boolean nounMissing,
                  int nounsMissing, boolean modifierMissing, int terms) {
        Candidate best() {
            return ranked.isEmpty() ? null : ranked.get(0);
        }

        /** Coverage of the best candidate less that of the runner-up (1 when there is none). */
        double margin() {
            if (ranked.isEmpty()) return 0;
            return ranked.size() == 1 ? ranked.get(0).coverage() : ranked.get(0).coverage() - ranked.get(1).coverage();
        }
    }

    /**
     * The last word of a Persian question is mostly its verb (رفت، رسید، میره), which the article words otherwise more
     * often than its nouns, and a generic adjective (جدید) picks out little: both count for less.
     */
    static final double VERB_SLOT = 0.5;

    private final ArticleIndex index;

    Retriever(ArticleIndex index) {
        this.index = index;
    }

    Result retrieve(Question q) {
        List<Question.Term> terms = q.terms();
        int t = terms.size();
        int n = index.size();
        double[][] quality = new double[t][n];
        for (int k = 0; k < t; k++) {
            for (TermMatcher.Hit h : terms.get(k).hits()) {
                // an inflected form (ایستگاه ↔ ایستگاههای, کاربران ↔ کاربر) is the same word to a reader: only
                // synonyms, spoken forms and n-gram guesses count for less — so spelling never moves the decision
                double hq = h.quality() >= INFLECTED ? 1.0 : h.quality();
                for (ArticleIndex.Occ o : index.occurrences(h.word())) {
                    if (hq > quality[k][o.doc()]) quality[k][o.doc()] = hq;
                }
            }
        }
        // IDF over the story's sentences; a term found nowhere gets the highest IDF (it is as rare as a word can be).
        double[] importance = new double[t];
        double total = 0;
        for (int k = 0; k < t; k++) {
            int df = 0;
            for (int d = 0; d < n; d++) if (quality[k][d] > 0) df++;
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            boolean weak = finalVerbSlot(q, terms.get(k)) || GENERIC.contains(terms.get(k).text());
            importance[k] = terms.get(k).weight() * idf * (weak ? VERB_SLOT : 1);
            total += importance[k];
        }
        double article = 0;
        double missing = 0;
        boolean nounMissing = false;
        int nounsMissing = 0;
        boolean modifierMissing = false;
        for (int k = 0; k < t; k++) {
            double best = 0;
            for (int d = 0; d < n; d++) best = Math.max(best, quality[k][d]);
            article += importance[k] * best;
            if (best == 0) {
                missing = Math.max(missing, total == 0 ? 0 : importance[k] / total);
                boolean noun = terms.get(k).weight() >= 1 && terms.get(k).role() == Question.Role.NOUN
                        && !GENERIC.contains(terms.get(k).text());   // "اورژانس جدید": the new one is the one asked
                nounMissing |= noun;
                if (noun && !finalVerbSlot(q, terms.get(k))) nounsMissing++;
                modifierMissing |= noun && modifiesFound(q, k, quality);
            }
        }
        List<Candidate> out = new ArrayList<>();
        if (total > 0) {
            for (int d = 0; d < n; d++) {
                if (!story(d)) continue;
                Candidate one = score(terms, quality, importance, total, d, -1);
                if (one.held() > 0) out.add(one);
                if (d + 1 < n && story(d + 1)) {
                    Candidate two = score(terms, quality, importance, total, d, d + 1);
                    Candidate other = score(terms, quality, importance, total, d + 1, -1);
                    if (two.coverage() >= Math.max(one.coverage(), other.coverage()) + PAIR_GAIN) out.add(two);
                }
            }
        }
        out.sort((a, b) -> Double.compare(b.coverage(), a.coverage()));
        return new Result(List.copyOf(out.size() > 8 ? out.subList(0, 8) : out), total == 0 ? 0 : article / total,
                missing, nounMissing, nounsMissing, modifierMissing, t);
    }

    /** Generic adjectives (جدید، بزرگ): generic-modifiers.txt. */
    private static final java.util.Set<String> GENERIC = ir.peyk.text.Lexicon.keySet("generic-modifiers.txt");
    private static final java.util.Set<String> ENDINGS = java.util.Set.of("ها", "های", "هایی", "ای", "ی");

    /**
     * Missing term {@code k} stands right after a term the article has, as its modifier ("برنج هندی", "تیم ملی
     * فوتبال", "جایزه نقدی"): the question names another kind of the thing the article talks about. A generic
     * adjective (جدید) picks out nothing.
     */
    private static boolean modifiesFound(Question q, int k, double[][] quality) {
        List<Question.Term> terms = q.terms();
        Question.Term t = terms.get(k);
        if (GENERIC.contains(t.text())) return false;
        int at = t.pos();                                // a plural ending typed apart ("ایستگاه های شارژ") is no gap
        while (at > 0 && ENDINGS.contains(q.words()[at - 1])) at--;
        for (int j = 0; j < terms.size(); j++) {
            Question.Term before = terms.get(j);
            if (before.pos() + before.len() != at) continue;
            for (double x : quality[j]) if (x > 0) return true;
        }
        return false;
    }

    /**
     * The question's verb: the noun of its light verb (افتتاح of "افتتاح شد"), or its very last word when that is a
     * term (رفت، میره، کشید) — not a noun before a question word ("… فوتبال کیست") or before دارد.
     */
    private static boolean finalVerbSlot(Question q, Question.Term t) {
        return t.role() == Question.Role.EVENT || t.pos() + t.len() == q.words().length;
    }

    private boolean story(int d) {
        Section s = index.doc(d).section();
        return s != Section.FOOTER && s != Section.TITLE;
    }

    private static Candidate score(List<Question.Term> terms, double[][] quality, double[] importance, double total,
                                   int d, int e) {
        double got = 0;
        double sumQ = 0;
        int held = 0;
        boolean eventMissing = false;
        for (int k = 0; k < importance.length; k++) {
            double q = quality[k][d];
            if (e >= 0) q = Math.max(q, quality[k][e]);
            if (q <= 0) {
                eventMissing |= terms.get(k).predicate();
                continue;
            }
            got += importance[k] * q;
            sumQ += q;
            held++;
        }
        // a pair pays a little for its length: the same words in one sentence are the better evidence
        double coverage = got / total * (e >= 0 ? 0.92 : 1.0);
        return new Candidate(d, e, coverage, held == 0 ? 0 : sumQ / held, held, eventMissing);
    }
}
