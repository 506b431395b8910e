package ir.peyk.answer;

import ir.peyk.article.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One question being answered: the question, the ranked sentences and shared helpers for the extractors. */
final class Ctx {
    final Question q;
    final ArticleIndex index;
    final People people;
    final List<Ranker.Scored> ranked;
    private final Map<Integer, Ranker.Scored> byDoc = new HashMap<>();
    /**
     * How many candidates a reader's guard turned down for what they say (a number of a list item, the opposite
     * polarity, another event, an unnamed title holder …) rather than for lacking the asked kind: the decision model
     * reads it as evidence that the article does not say what was asked.
     */
    int vetoes;
    private final Map<Integer, List<List<Integer>>> positions = new HashMap<>();

    Ctx(Question q, ArticleIndex index, People people, List<Ranker.Scored> ranked) {
        this.q = q;
        this.index = index;
        this.people = people;
        this.ranked = ranked;
        for (Ranker.Scored s : ranked) byDoc.put(s.doc(), s);
    }

    /** Counts {@code rejected} as a veto and returns it (for {@code if (c.veto(…)) continue;}). */
    boolean veto(boolean rejected) {
        if (rejected) vetoes++;
        return rejected;
    }

    Doc doc(int d) {
        return index.doc(d);
    }

    Ranker.Scored scored(int d) {
        return byDoc.get(d);
    }

    /** Whether term {@code k} occurs in sentence {@code d}. */
    boolean has(int d, int k) {
        Ranker.Scored s = byDoc.get(d);
        return s != null && s.has()[k];
    }

    /**
     * Weighted share of the question's terms found in sentence {@code d} or, when {@code neighbours}, in the sentences
     * right before and after it (same section).
     */
    double coverage(int d, boolean neighbours) {
        double all = 0;
        double got = 0;
        List<Question.Term> terms = q.terms();
        for (int k = 0; k < terms.size(); k++) {
            all += terms.get(k).weight();
            boolean in = has(d, k);
            if (!in && neighbours) in = sameSection(d, d - 1) && has(d - 1, k) || sameSection(d, d + 1) && has(d + 1, k);
            if (in) got += terms.get(k).weight();
        }
        return all == 0 ? 0 : got / all;
    }

    /** Every required term occurs in sentence {@code d} (or its neighbours). */
    boolean requiredIn(int d, boolean neighbours) {
        List<Question.Term> terms = q.terms();
        for (int k = 0; k < terms.size(); k++) {
            if (!terms.get(k).required()) continue;
            boolean in = has(d, k);
            if (!in && neighbours) in = sameSection(d, d - 1) && has(d - 1, k) || sameSection(d, d + 1) && has(d + 1, k);
            if (!in) return false;
        }
        return true;
    }

    private boolean sameSection(int a, int b) {
        return b >= 0 && b < index.size() && index.doc(a).section() == index.doc(b).section();
    }

    /**
     * Up to {@code max} best sentences that hold at least {@code minCoverage} of the question and its required terms,
     * and miss none of its rare nouns.
     */
    List<Ranker.Scored> candidates(double minCoverage, int max, boolean neighbours) {
        List<Ranker.Scored> out = new ArrayList<>();
        for (Ranker.Scored s : ranked) {
            if (out.size() >= max) break;
            if (index.doc(s.doc()).section() == Section.FOOTER) continue;
            if (coverage(s.doc(), neighbours) >= minCoverage && requiredIn(s.doc(), neighbours)
                    && !missesRare(s.doc(), neighbours)) out.add(s);
        }
        return out;
    }

    /**
     * Sentence {@code d} lacks a noun of the question that the article writes in only a few other sentences ("ظرفیت
     * سد لار" of a sentence on another dam, where لار stands elsewhere): the question is about those sentences, not
     * this one. A common word may be left out (an elided subject); a rare one names the thing asked about.
     */
    boolean missesRare(int d, boolean neighbours) {
        List<Question.Term> terms = q.terms();
        for (int k = 0; k < terms.size(); k++) {
            if (terms.get(k).weight() < 1 || !terms.get(k).matched() || has(d, k)) continue;
            if (neighbours && (sameSection(d, d - 1) && has(d - 1, k) || sameSection(d, d + 1) && has(d + 1, k))) continue;
            if (df(k) <= Math.max(1, index.size() / RARE_SHARE)) return true;
        }
        return false;
    }

    /** A rare word is in one sentence only, or in at most one in this many of a long article's. */
    static final int RARE_SHARE = 8;

    /** How many sentences hold term {@code k}. */
    private int df(int k) {
        if (df == null) {
            df = new int[q.terms().size()];
            for (Ranker.Scored s : ranked) for (int j = 0; j < df.length; j++) if (s.has()[j]) df[j]++;
        }
        return df[k];
    }

    private int[] df;

    /** Word positions in sentence {@code d} where term {@code k} occurs (computed once per sentence). */
    List<Integer> positions(int d, int k) {
        return positionsIn(d).get(k);
    }

    /** Whether word {@code i} of sentence {@code d} is one of the question's terms. */
    boolean isQuestionWord(int d, int i) {
        for (List<Integer> ps : positionsIn(d)) if (ps.contains(i)) return true;
        return false;
    }

    /** Word {@code i} of sentence {@code d} is the question's event (its predicate term). */
    boolean isEventWord(int d, int i) {
        List<List<Integer>> ps = positionsIn(d);
        for (int k = 0; k < ps.size(); k++) if (q.terms().get(k).predicate() && ps.get(k).contains(i)) return true;
        return false;
    }

    private List<List<Integer>> positionsIn(int d) {
        List<List<Integer>> cached = positions.get(d);
        if (cached != null) return cached;
        List<Question.Term> terms = q.terms();
        List<List<Integer>> out = new ArrayList<>(terms.size());
        for (Question.Term term : terms) {
            List<Integer> ps = new ArrayList<>(2);
            for (TermMatcher.Hit h : term.hits()) {
                for (ArticleIndex.Occ o : index.occurrences(h.word())) {
                    if (o.doc() == d) for (int i = 0; i < o.len(); i++) ps.add(o.pos() + i);
                }
            }
            out.add(ps);
        }
        positions.put(d, out);
        return out;
    }

    /**
     * Weighted mean distance, in words, from the question's terms in sentence {@code d} to words [from, to). Each
     * punctuation mark crossed (a clause boundary) adds 3. A parenthesis between them is skipped (it is an apposition of
     * the word before it), but a term inside parentheses is far (+30) from a span outside them: "(… ایتا …) ۴۰ میلیون"
     * counts the whole group, not ایتا. Large when no term is in the sentence.
     */
    double distance(int d, int from, int to) {
        return overTerms(d, from, to, best -> best, 99);
    }

    /**
     * How close words [from, to) stand to the question's terms in sentence {@code d}, 0..1: the weighted mean of
     * 2/(2 + distance) over the terms present. Unlike the mean distance it rewards a span that sits right next to some
     * terms (an elided subject far away costs little).
     */
    double closeness(int d, int from, int to) {
        return overTerms(d, from, to, best -> 2 / (2 + best), 0);
    }

    /**
     * The weighted mean, over the question's terms present in sentence {@code d}, of {@code score} applied to each
     * term's nearest word distance to [from, to); {@code none} when no term is there.
     */
    private double overTerms(int d, int from, int to, java.util.function.DoubleUnaryOperator score, double none) {
        Doc doc = index.doc(d);
        double sum = 0;
        double weight = 0;
        for (int k = 0; k < q.terms().size(); k++) {
            List<Integer> ps = positions(d, k);
            if (ps.isEmpty()) continue;
            double best = Double.MAX_VALUE;
            for (int p : ps) best = Math.min(best, wordDistance(doc, p, from, to));
            double w = q.terms().get(k).weight();
            sum += w * score.applyAsDouble(best);
            weight += w;
        }
        return weight == 0 ? none : sum / weight;
    }

    /**
     * A noun of the question stands in sentence {@code d} only as an item of an enumeration — in parentheses or a list
     * — while word {@code at} stands outside it: "پنج سد (امیرکبیر، لار …) ۴۸۰ میلیون مترمکعب" gives the five dams'
     * water, not لار's; "از جمله عراق، ترکیه … و سهم چین ۲۵ درصد" is not عراق's share.
     */
    boolean onlyInEnumeration(int d, int at) {
        Doc doc = index.doc(d);
        boolean[] items = index.listItems(d);
        if (doc.inParen[at] || items[at]) return false;
        for (int k = 0; k < q.terms().size(); k++) {
            if (q.terms().get(k).weight() < 1) continue;
            List<Integer> ps = positions(d, k);
            if (ps.isEmpty()) continue;
            boolean outside = false;
            for (int p : ps) outside |= !doc.inParen[p] && !items[p];
            if (!outside) return true;
        }
        return false;
    }

    static double wordDistance(Doc doc, int p, int from, int to) {
        if (p >= from && p < to) return 0;
        int a = p < from ? p : to - 1;        // count the words between the term and the near edge of the span
        int b = p < from ? from : p;
        boolean pIn = doc.inParen[p];
        boolean spanIn = doc.inParen[Math.min(from, doc.length() - 1)];
        double dist = pIn != spanIn ? 30 : 0;
        for (int i = a + 1; i <= b; i++) {
            if (!pIn && doc.inParen[i]) continue;
            dist += 1;
            String gap = doc.gapBefore(i);
            if (doc.punctBefore(i) && gap.indexOf('(') < 0 && gap.indexOf(')') < 0) dist += 3;
        }
        return dist;
    }

    /**
     * "SPAN — «SENTENCE»", or just the span when it is (nearly) the whole sentence; a long sentence is cut to the
     * clauses around the span.
     */
    static String compose(String span, Doc d) {
        String text = d.text();
        if (span == null || span.isBlank()) return "«" + Excerpt.around(text, 0, 0, SentenceAnswers.MAX_ANSWER_CHARS) + "»";
        if (span.length() >= 0.8 * text.length()) return span;
        int at = Math.max(0, text.indexOf(span));
        String quote = Excerpt.around(text, at, at + span.length(), SentenceAnswers.MAX_ANSWER_CHARS - span.length() - 3);
        return span + " — «" + quote + "»";
    }

    /** A light verb or a verb form follows word {@code p} in its clause: the word is the non-verbal part of a verb. */
    static boolean verbAfter(Doc doc, int p) {
        return p + 1 < doc.length() && !doc.punctBefore(p + 1)
                && (Lang.LIGHT_VERBS.contains(doc.words[p + 1]) || Lang.isVerbLike(doc.words[p + 1]));
    }

    static Evidence evidence(Doc d) {
        return new Evidence(d.index(), d.text());
    }

    /** Confidence from the coverage of the evidence, whether a span of the asked type was found, and the score. */
    static double confidence(double coverage, boolean typed, double score) {
        return round(0.5 * coverage + (typed ? 0.3 : 0.15) + 0.2 * score / (score + 3));
    }

    /** Clamped to 0..1 and rounded to two decimals. */
    static double round(double c) {
        return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100.0;
    }
}
