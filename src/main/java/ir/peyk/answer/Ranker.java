package ir.peyk.answer;

import ir.peyk.article.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Scores every sentence against a question: BM25 (k1 1.2, b 0.75; each sentence a document) over the question's
 * terms and the article words they match, a proximity bonus for terms that stand close together, and title↔name
 * linking (a sentence that says "وی" or "وزیر …" also holds the words of the person it refers to).
 */
final class Ranker {
    static final double K1 = 1.2;
    static final double B = 0.75;

    /**
     * A scored sentence.
     *
     * @param doc      position in the index
     * @param score    BM25 + proximity
     * @param has      which question terms it holds
     * @param coverage weighted share of the question's terms it holds
     * @param first    for each term, its first word position in the sentence (−1 when absent)
     */
    record Scored(int doc, double score, boolean[] has, double coverage, int[] first) {}

    private final ArticleIndex index;
    private final People people;

    Ranker(ArticleIndex index, People people) {
        this.index = index;
        this.people = people;
    }

    /** All sentences with a positive score, best first. */
    List<Scored> rank(Question q, boolean footerToo) {
        int n = index.size();
        List<Question.Term> terms = q.terms();
        int t = terms.size();
        double[][] tf = new double[t][n];
        int[][] first = new int[t][n];
        for (int[] f : first) Arrays.fill(f, -1);
        for (int k = 0; k < t; k++) {
            for (TermMatcher.Hit h : terms.get(k).hits()) {
                for (ArticleIndex.Occ o : index.occurrences(h.word())) {
                    tf[k][o.doc()] += h.quality();
                    if (first[k][o.doc()] < 0 || o.pos() < first[k][o.doc()]) first[k][o.doc()] = o.pos();
                }
            }
            for (int d = 0; d < n; d++) {
                if (tf[k][d] > 0) continue;
                Set<String> alias = people.aliases(d);
                if (alias.isEmpty()) continue;
                for (TermMatcher.Hit h : terms.get(k).hits()) {
                    if (alias.contains(h.word())) {
                        tf[k][d] = 0.6 * h.quality();
                        first[k][d] = mentionPos(d);
                        break;
                    }
                }
            }
        }
        double[] idf = new double[t];
        for (int k = 0; k < t; k++) {
            int df = 0;
            for (int e = 0; e < n; e++) if (tf[k][e] > 0) df++;
            idf[k] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        double totalWeight = 0;
        for (Question.Term term : terms) totalWeight += term.weight();
        List<Scored> out = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            Doc doc = index.doc(d);
            if (doc.section() == Section.FOOTER && !footerToo) continue;
            double s = 0;
            double got = 0;
            boolean[] has = new boolean[t];
            int[] pos = new int[t];
            for (int k = 0; k < t; k++) {
                pos[k] = first[k][d];
                if (tf[k][d] <= 0) continue;
                has[k] = true;
                got += terms.get(k).weight();
                double f = tf[k][d];
                s += terms.get(k).weight() * idf[k] * f * (K1 + 1) / (f + K1 * (1 - B + B * doc.length() / index.avgLength));
            }
            if (s <= 0) continue;
            s += proximity(pos, has) + phrases(q, doc);
            if (doc.section() == Section.FOOTER) s *= 0.5;
            out.add(new Scored(d, s, has, totalWeight == 0 ? 0 : got / totalWeight, pos));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** 0.4 for each pair of adjacent question words (one of them content) that the sentence has side by side. */
    private static double phrases(Question q, Doc doc) {
        String[] w = q.words();
        double bonus = 0;
        for (int i = 1; i < w.length; i++) {
            if (Lang.isFunctionWord(w[i - 1]) && Lang.isFunctionWord(w[i])) continue;
            if (Lang.QUESTION_MARKERS.contains(w[i - 1]) || Lang.QUESTION_MARKERS.contains(w[i])) continue;
            if (doc.bigrams.contains(w[i - 1] + " " + w[i])) bonus += 0.4;
        }
        return bonus;
    }

    /** Neighbouring question terms close together in the sentence earn up to 0.5 each. */
    private static double proximity(int[] pos, boolean[] has) {
        double bonus = 0;
        int prev = -1;
        for (int k = 0; k < pos.length; k++) {
            if (!has[k] || pos[k] < 0) continue;
            if (prev >= 0) bonus += 0.5 / Math.max(1, Math.abs(pos[k] - prev));
            prev = pos[k];
        }
        return bonus;
    }

    private int mentionPos(int d) {
        List<People.Mention> ms = people.in(d);
        return ms.isEmpty() ? 0 : ms.get(0).from();
    }
}
