package ir.peyk.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the article words a question word stands for, cheapest test first:
 * <ol>
 *   <li>the same key (ZWNJ, Arabic letters and digits already folded): quality 1;</li>
 *   <li>the article word is the question word plus an allowed suffix (پیامرسان → پیامرسانهای), 0.95, or the reverse
 *       (کاربران → کاربر), 0.9;</li>
 *   <li>both reduce to the same light stem, 0.8;</li>
 *   <li>only when nothing above matched: character 3-gram Dice ≥ 0.6 (absorbs inflection and typos).</li>
 * </ol>
 * Results are cached per question word (bounded), so repeated questions cost a map lookup.
 */
final class TermMatcher {
    /** An article vocabulary entry matched by a question word, with the match quality (0..1]. */
    record Hit(String word, double quality) {}

    static final double DICE_THRESHOLD = 0.6;
    private static final int CACHE_LIMIT = 50_000;

    private final Set<String> vocab;
    private final Set<String> singles;
    /** Every prefix (2+ letters) of a vocabulary entry: a string that is none can match nothing closely. */
    private final Set<String> prefixes;
    private final Map<String, List<String>> byStem = new HashMap<>();
    private final Map<Long, List<String>> byTrigram = new HashMap<>();
    private final Map<String, Integer> trigramCount = new HashMap<>();
    private final Map<String, List<Hit>> cache = new ConcurrentHashMap<>();

    /**
     * @param words the article's words (stemmed and n-grammed for the fuzzy steps)
     * @param joins joined adjacent word pairs: matched exactly or by suffix only
     */
    TermMatcher(Set<String> words, Set<String> joins) {
        Set<String> all = new HashSet<>(words);
        all.addAll(joins);
        this.vocab = Collections.unmodifiableSet(all);
        this.singles = Collections.unmodifiableSet(new HashSet<>(words));
        Set<String> pre = new HashSet<>();
        for (String w : all) for (int i = 2; i <= w.length(); i++) pre.add(w.substring(0, i));
        this.prefixes = Collections.unmodifiableSet(pre);
        for (String w : words) {
            byStem.computeIfAbsent(stem(w), k -> new ArrayList<>()).add(w);
            long[] g = trigrams(w);
            trigramCount.put(w, g.length);
            for (long t : g) byTrigram.computeIfAbsent(t, k -> new ArrayList<>()).add(w);
        }
    }

    boolean contains(String word) {
        return vocab.contains(word);
    }

    /** The article words {@code term} matches, best first; empty when none. */
    List<Hit> match(String term) {
        List<Hit> c = cache.get(term);
        if (c != null) return c;
        List<Hit> hits = compute(term);
        if (cache.size() < CACHE_LIMIT) cache.put(term, hits);
        return hits;
    }

    /** Whether {@code term} matches an article word exactly or by a suffix (used to accept joined question words). */
    boolean matchesClosely(String term) {
        if (vocab.contains(term)) return true;
        for (String s : Lang.SUFFIXES) if (vocab.contains(term + s)) return true;
        return false;
    }

    /** 2 when {@code term} is an article word (or one plus a suffix), 1 when only two adjacent words joined, else 0. */
    int closeness(String term) {
        if (!prefixes.contains(term)) return 0;
        if (singles.contains(term)) return 2;
        for (String s : Lang.SUFFIXES) if (singles.contains(term + s)) return 2;
        return matchesClosely(term) ? 1 : 0;
    }

    private List<Hit> compute(String t) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (vocab.contains(t)) out.put(t, 1.0);
        // به written solid with its noun ("بهفروش میرسند", "بهدست آورد"): the noun itself
        if (t.length() >= 3 && vocab.contains("به" + t)) out.putIfAbsent("به" + t, 0.9);
        boolean digits = t.chars().allMatch(Character::isDigit);
        if (!digits && t.length() >= 2) {
            for (String s : Lang.SUFFIXES) {
                String w = t + s;
                if (vocab.contains(w)) out.putIfAbsent(w, 0.95);
            }
            for (String s : Lang.SUFFIXES) {
                // a plural ها/های leaves a stem of two letters too (سدها → سد); other suffixes need three
                int min = s.startsWith("ها") ? 2 : 3;
                if (t.length() - s.length() < min || !t.endsWith(s) || comparative(s)) continue;
                String base = t.substring(0, t.length() - s.length());
                if (vocab.contains(base)) out.putIfAbsent(base, 0.9);
                for (String s2 : Lang.SUFFIXES) {
                    if (vocab.contains(base + s2)) out.putIfAbsent(base + s2, 0.85);
                }
            }
            if (t.length() >= 3) {                        // not a function word: استانها → است is over-stemming
                for (String w : byStem.getOrDefault(stem(t), List.of())) if (!Lang.isFunctionWord(w)) out.putIfAbsent(w, 0.8);
            }
            if (out.isEmpty() && t.length() >= 3) compounds(t, out);
            if (out.isEmpty() && t.length() >= 4) dice(t, out);
        }
        List<Hit> hits = new ArrayList<>(out.size());
        out.forEach((w, q) -> hits.add(new Hit(w, q)));
        hits.sort((a, b) -> Double.compare(b.quality(), a.quality()));
        return List.copyOf(hits);
    }

    /**
     * The first part of a compound the article writes solid (فیبر of فیبرنوری، کسب of کسبوکار): an article word that
     * starts with the whole question word and goes on with three or more letters that are no mere suffix.
     */
    private void compounds(String t, Map<String, Double> out) {
        for (String w : singles) {
            if (w.length() < t.length() + 3 || !w.startsWith(t) || Lang.isFunctionWord(w)) continue;
            String rest = w.substring(t.length());
            if (Lang.SUFFIXES.contains(rest) || stem(w).equals(t)) continue;
            out.put(w, 0.7);
        }
    }

    private void dice(String t, Map<String, Double> out) {
        long[] g = trigrams(t);
        Map<String, Integer> shared = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (long x : g) {
            if (!seen.add(x)) continue;
            for (String w : byTrigram.getOrDefault(x, List.of())) shared.merge(w, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : shared.entrySet()) {
            double d = 2.0 * e.getValue() / (g.length + trigramCount.get(e.getKey()));
            if (d >= DICE_THRESHOLD && !Lang.isFunctionWord(e.getKey())) out.put(e.getKey(), 0.9 * d);
        }
    }

    /** Light stem: strips up to two suffixes while at least three letters remain. */
    static String stem(String w) {
        String s = w;
        for (int round = 0; round < 2; round++) {
            String next = null;
            for (String suf : Lang.SUFFIXES) {
                if (suf.length() == 1 && !suf.equals("ی")) continue; // ش، م … over-stem (مردم → مرد)
                if (comparative(suf)) continue;                       // بیشترین is not بیش
                if (s.endsWith(suf) && s.length() - suf.length() >= 3) {
                    next = s.substring(0, s.length() - suf.length());
                    break;
                }
            }
            if (next == null) break;
            s = next;
        }
        return s;
    }

    /**
     * تر / ترین / تری change what a word says (بیشترین "the most" is not بیش): a question word is never stripped of
     * them to match, though a question's گران still finds the article's گران‌تر.
     */
    private static boolean comparative(String suffix) {
        return suffix.startsWith("تر");
    }

    /** Distinct character 3-grams of "_w_", each packed into a long. */
    static long[] trigrams(String w) {
        String p = "_" + w + "_";
        int n = Math.max(0, p.length() - 2);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((long) p.charAt(i) << 32) | ((long) p.charAt(i + 1) << 16) | p.charAt(i + 2);
        }
        return Arrays.stream(out).distinct().toArray();
    }
}
