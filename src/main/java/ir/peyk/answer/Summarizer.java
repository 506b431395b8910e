package ir.peyk.answer;

import ir.peyk.article.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extractive summaries from the body only (never the title, dateline or footer). Each sentence is scored by
 * 0.4·position (1/(1+i)) + 0.3·TextRank centrality + 0.2·similarity to the title + 0.1·information density (numbers,
 * dates, people), with a penalty for very short or very long sentences; sentences are then picked by MMR (λ 0.7) and
 * near-duplicates (cosine ≥ 0.7 with a picked sentence) are dropped. Output is in article order, verbatim. Only the
 * first {@value #MAX_SENTENCES} body sentences compete (the graph is quadratic; news leads with its point).
 */
final class Summarizer {
    static final double LAMBDA = 0.7;
    static final double DUPLICATE = 0.7;
    /** Only the first sentences compete: news puts its point first, and the graph is quadratic in its size. */
    static final int MAX_SENTENCES = 150;

    private final List<Doc> body = new ArrayList<>();
    private final List<Set<String>> bags = new ArrayList<>();
    private final double[] score;
    private final double[][] sim;

    Summarizer(ArticleIndex index, People people) {
        Set<String> title = new HashSet<>();
        for (Doc d : index.docs) {
            if (d.section() == Section.TITLE) title.addAll(bag(d));
            if (d.section() == Section.BODY && d.length() > 0 && body.size() < MAX_SENTENCES) {
                body.add(d);
                bags.add(bag(d));
            }
        }
        int n = body.size();
        sim = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (i != j) sim[i][j] = cosine(bags.get(i), bags.get(j));
        double[] rank = textRank(n);
        double maxRank = 1e-9;
        for (double r : rank) maxRank = Math.max(maxRank, r);
        score = new double[n];
        for (int i = 0; i < n; i++) {
            Doc d = body.get(i);
            double density = Math.min(1, (d.numbers.size() + d.dates.size() + people.in(d.index()).size()) / 3.0);
            double s = 0.4 / (1 + i) + 0.3 * rank[i] / maxRank + 0.2 * cosine(bags.get(i), title) + 0.1 * density;
            if (d.length() < 6) s *= 0.5;
            else if (d.length() > 60) s *= 0.7;
            score[i] = s;
        }
    }

    Summary summary(int n, String titleText) {
        int want = Math.max(1, Math.min(10, n));
        List<Integer> picked = new ArrayList<>();
        Set<Integer> left = new HashSet<>();
        for (int i = 0; i < body.size(); i++) left.add(i);
        while (picked.size() < want && !left.isEmpty()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i : left) {
                double redundancy = 0;
                for (int p : picked) redundancy = Math.max(redundancy, sim[i][p]);
                double v = LAMBDA * score[i] - (1 - LAMBDA) * redundancy;
                if (v > bestValue || v == bestValue && i < best) { bestValue = v; best = i; }
            }
            left.remove(best);
            boolean duplicate = false;
            for (int p : picked) duplicate |= sim[best][p] >= DUPLICATE;
            if (!duplicate) picked.add(best);
        }
        picked.sort(Comparator.naturalOrder());
        List<Evidence> out = new ArrayList<>();
        for (int i : picked) out.add(new Evidence(body.get(i).index(), body.get(i).text()));
        return new Summary(out, gist(titleText));
    }

    /** The best single sentence; the title when that sentence is long-winded (over 40 words) and there is a title. */
    private String gist(String titleText) {
        int best = -1;
        for (int i = 0; i < body.size(); i++) if (best < 0 || score[i] > score[best]) best = i;
        if (best < 0) return titleText == null ? "" : titleText;
        Doc d = body.get(best);
        if (d.length() > 40 && titleText != null && !titleText.isBlank()) return titleText;
        return withoutWireCredit(d);
    }

    /** The sentence without an opening "به گزارش خبرگزاری X،" (the credit is not news). */
    private static String withoutWireCredit(Doc d) {
        if (Lang.phraseAt(Lang.AGENCY_OPENERS, d.words, 0) == 0) return d.text();
        for (int k = 1; k < Math.min(d.length(), 10); k++) {
            if (PersonMentions.isComma(d.gapBefore(k))) return d.text().substring(d.start[k]);
        }
        return d.text();
    }

    /** Content words of a sentence, lightly stemmed. */
    private static Set<String> bag(Doc d) {
        Set<String> s = new HashSet<>();
        for (String w : d.words) if (!Lang.isFunctionWord(w) && w.length() > 1) s.add(TermMatcher.stem(w));
        return s;
    }

    private static double cosine(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int common = 0;
        for (String x : a) if (b.contains(x)) common++;
        return common / Math.sqrt((double) a.size() * b.size());
    }

    /** PageRank (d 0.85) over the sentence similarity graph until the change is below 1e-4. */
    private double[] textRank(int n) {
        double[] r = new double[n];
        if (n == 0) return r;
        java.util.Arrays.fill(r, 1.0 / n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) out[i] += sim[i][j];
        for (int iter = 0; iter < 100; iter++) {
            double[] next = new double[n];
            double delta = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) if (sim[j][i] > 0 && out[j] > 0) s += sim[j][i] / out[j] * r[j];
                next[i] = (1 - 0.85) / n + 0.85 * s;
                delta += Math.abs(next[i] - r[i]);
            }
            r = next;
            if (delta < 1e-4) break;
        }
        return r;
    }
}
