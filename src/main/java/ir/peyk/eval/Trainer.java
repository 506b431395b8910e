package ir.peyk.eval;

import ir.peyk.answer.Answer;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.AnswerModel;
import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the decision model: logistic regression (batch gradient descent, L2) of "the best candidate sentence answers
 * the question" over the questions no typed reader answered, then the threshold: the lowest that keeps false answers
 * to unanswerable questions within a bound. Deterministic: the same data gives the same weights.
 */
public final class Trainer {
    /**
     * One question run through both paths.
     *
     * @param typedAnswered  a typed reader answered (the model is not asked)
     * @param typedRight     …and its answer passes
     * @param features       the graded path's features (null when it has none: a news-item question, no terms)
     * @param probability    the model's probability for them
     * @param sentenceRight  the graded path's sentence answer passes
     */
    public record Row(String set, String group, QaItem item, boolean typedAnswered, boolean typedRight, double[] features,
                      double probability, boolean sentenceRight, String typedAnswer, String sentenceAnswer,
                      List<String> unmatched, String type) {
        public boolean graded() {
            return !typedAnswered && features != null;
        }

        /** The label the model learns: the sentence answers an answerable question. */
        public boolean label() {
            return item.answerable() && sentenceRight;
        }

        /** Whether the final answer at threshold {@code t} is right. */
        public boolean right(double t) {
            if (typedAnswered) return item.answerable() ? typedRight : false;
            boolean answers = features != null && probability >= t && sentenceAnswer != null;
            return item.answerable() ? answers && sentenceRight : !answers;
        }
    }

    /** A point of the curve: at threshold {@code t}, the share of answerable questions right and unanswerable declined. */
    public record Point(double threshold, int answerableRight, int answerable, int declined, int unanswerable) {
        public double declinedShare() {
            return unanswerable == 0 ? 1 : (double) declined / unanswerable;
        }

        public int total() {
            return answerableRight + declined;
        }
    }

    private Trainer() {}

    public static Article article(QaSet set) throws IOException {
        try {
            return ArticleParser.parse(Files.readAllBytes(set.article()));
        } catch (ArticleException e) {
            throw new IOException(set.article() + ": " + e.getMessage());
        }
    }

    /** Every question of {@code sets} through an engine deciding with {@code model}. */
    public static List<Row> rows(List<QaSet> sets, AnswerModel model) throws IOException {
        List<Row> out = new ArrayList<>();
        for (QaSet set : sets) {
            AnswerEngine engine = new AnswerEngine(article(set), model);
            for (QaItem item : set.items()) {
                AnswerEngine.Trace t = engine.trace(item.question());
                Answer typed = t.typed();
                Answer sentence = t.sentence();
                boolean sentenceRight = sentence.answered() && Judge.passes(sentence.answer(), item.expect());
                out.add(new Row(set.name(), String.valueOf(set.article().toAbsolutePath().getParent()), item, typed.answered(), typed.answered() && Judge.passes(typed.answer(), item.expect()),
                        t.features(), t.probability(), sentenceRight, typed.answer(),
                        sentence.answered() ? sentence.answer() : null, t.unmatched(), t.type()));
            }
        }
        return out;
    }

    /**
     * Logistic regression over the graded rows, each source folder weighing the same in all (the team's own sets are
     * many and mostly answered by the typed readers; real articles written by others must count as much).
     */
    public static AnswerModel fit(List<Row> rows, double l2, int iterations) {
        // every question with features teaches the model, also those a typed reader answers: they show what a well
        // matched question looks like, and at answer time the model sees the rest
        List<Row> graded = rows.stream().filter(Row::graded).toList();
        java.util.Map<String, Integer> perGroup = new java.util.HashMap<>();
        for (Row r : graded) perGroup.merge(r.group(), 1, Integer::sum);
        double[] weight = new double[graded.size()];
        for (int i = 0; i < weight.length; i++) weight[i] = (double) graded.size() / perGroup.size() / perGroup.get(graded.get(i).group());
        int d = AnswerModel.FEATURES.size();
        double[] w = new double[d];
        double b = 0;
        if (graded.isEmpty()) return new AnswerModel(w, b, 0.5);
        double rate = 0.5;
        for (int it = 0; it < iterations; it++) {
            double[] g = new double[d];
            double gb = 0;
            for (int j = 0; j < graded.size(); j++) {
                Row r = graded.get(j);
                double z = b;
                for (int i = 0; i < d; i++) z += w[i] * r.features()[i];
                double err = (1 / (1 + Math.exp(-z)) - (r.label() ? 1 : 0)) * weight[j];
                for (int i = 0; i < d; i++) g[i] += err * r.features()[i];
                gb += err;
            }
            for (int i = 0; i < d; i++) {
                w[i] -= rate * (g[i] / graded.size() + l2 * w[i]);
                // sign constraints: more of a good thing never lowers the probability (more coverage, a typed span
                // found), more of a bad one never raises it — so the model cannot learn one question set's quirks
                int sign = AnswerModel.SIGNS.get(i);
                if (sign > 0 && w[i] < 0 || sign < 0 && w[i] > 0) w[i] = 0;
            }
            b -= rate * gb / graded.size();
        }
        return new AnswerModel(w, b, 0.5);
    }

    /** The rows with each graded probability recomputed under {@code model}. */
    public static List<Row> rescore(List<Row> rows, AnswerModel model) {
        return rows.stream().map(r -> r.features() == null ? r : new Row(r.set(), r.group(), r.item(), r.typedAnswered(), r.typedRight(),
                r.features(), model.probability(r.features()), r.sentenceRight(), r.typedAnswer(), r.sentenceAnswer(),
                r.unmatched(), r.type())).toList();
    }

    /** The curve at thresholds 0.05, 0.10 … 0.95. */
    public static List<Point> curve(List<Row> rows) {
        List<Point> out = new ArrayList<>();
        for (int i = 1; i <= 19; i++) out.add(point(rows, i * 0.05));
        return out;
    }

    public static Point point(List<Row> rows, double t) {
        int ar = 0, an = 0, dec = 0, un = 0;
        for (Row r : rows) {
            if (r.item().answerable()) { an++; if (r.right(t)) ar++; }
            else { un++; if (r.right(t)) dec++; }
        }
        return new Point(t, ar, an, dec, un);
    }

    /**
     * The threshold (on a 0.01 grid) with the best mean accuracy over the source folders (so the team's many sets do
     * not outvote the real articles) among those where every folder answers at most {@code maxFalse} of its
     * unanswerable questions; the most cautious one when none does.
     */
    public static double threshold(List<Row> rows, double maxFalse) {
        java.util.Map<String, List<Row>> groups = new java.util.TreeMap<>();
        for (Row r : rows) groups.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
        double best = 0.99;
        double bestScore = -1;
        for (int i = 1; i < 100; i++) {
            double t = i / 100.0;
            double score = 0;
            boolean ok = true;
            for (List<Row> g : groups.values()) {
                Point p = point(g, t);
                ok &= p.declinedShare() >= 1 - maxFalse - 1e-9;
                score += (double) p.total() / g.size();
            }
            if (ok && score > bestScore + 1e-12) { bestScore = score; best = t; }
        }
        return best;
    }


    /**
     * Leave one set out: fits the model and its threshold on every other set, then scores the held-out one — the
     * figure for an article the model never saw (the decision is the part most at risk of fitting its data).
     */
    public static Point heldOut(List<Row> rows, String set, double l2, int iterations, double maxFalse) {
        List<Row> train = rows.stream().filter(r -> !r.set().equals(set)).toList();
        AnswerModel m = fit(train, l2, iterations);
        double t = threshold(rescore(train, m), maxFalse);
        return point(rescore(rows.stream().filter(r -> r.set().equals(set)).toList(), m), t);
    }
}
