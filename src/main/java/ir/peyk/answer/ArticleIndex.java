package ir.peyk.answer;

import ir.peyk.article.Article;
import ir.peyk.article.DateExtractor;
import ir.peyk.article.DateExtractor.DateMatch;
import ir.peyk.article.NumberExtractor;
import ir.peyk.article.NumberExtractor.NumberMatch;
import ir.peyk.article.RelativeTimeExtractor;
import ir.peyk.article.RelativeTimeExtractor.RelativeMatch;
import ir.peyk.article.Sentence;
import ir.peyk.text.JalaliDate;
import ir.peyk.text.KeyedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sentence of an article as a {@link Doc}, plus an inverted index from key-space words (and joined adjacent word
 * pairs, so a question's پیامرسان finds the article's پیام رسان) to where they occur. Built once per article.
 */
final class ArticleIndex {
    /** Where a vocabulary entry occurs: sentence position in {@link #docs}, first word, number of words. */
    record Occ(int doc, int pos, int len) {}

    final Article article;
    final List<Doc> docs;
    final Map<String, List<Occ>> postings;
    final double avgLength;
    final TermMatcher matcher;

    ArticleIndex(Article article) {
        this.article = article;
        JalaliDate reference = article.meta().published() != null ? article.meta().published() : article.meta().pageDate();
        List<Doc> ds = new ArrayList<>();
        for (Sentence s : article.sentences()) ds.add(prepare(s, reference));
        this.docs = List.copyOf(ds);
        Map<String, List<Occ>> p = new HashMap<>();
        java.util.Set<String> single = new java.util.HashSet<>();
        java.util.Set<String> joined = new java.util.HashSet<>();
        long total = 0;
        for (int d = 0; d < docs.size(); d++) {
            String[] w = docs.get(d).words;
            total += w.length;
            // A footer's boilerplate (site credits, legal notes) is no part of the story: its words must not make a
            // question's word count as one the article writes ("وزیر کشور" is not found in "قوانین کشور").
            boolean story = docs.get(d).section() != ir.peyk.article.Section.FOOTER;
            boolean[] inBigger = partsOfLargerNumbers(docs.get(d));
            for (int i = 0; i < w.length; i++) {
                if (!inBigger[i]) p.computeIfAbsent(w[i], k -> new ArrayList<>()).add(new Occ(d, i, 1));
                if (story) single.add(w[i]);
                String month = monthOf(w[i]);             // "بهمن‌ماه" is written for the month بهمن too
                if (month != null) {
                    p.computeIfAbsent(month, k -> new ArrayList<>()).add(new Occ(d, i, 1));
                    if (story) single.add(month);
                }
                if (i + 1 < w.length && !docs.get(d).punctBefore(i + 1) && !Lang.STOPWORDS.contains(w[i])
                        && !Lang.STOPWORDS.contains(w[i + 1])) {
                    p.computeIfAbsent(w[i] + w[i + 1], k -> new ArrayList<>()).add(new Occ(d, i, 2));
                    if (story) joined.add(w[i] + w[i + 1]);
                }
            }
        }
        carryCounts(p);
        p.replaceAll((k, v) -> List.copyOf(v));
        this.postings = Map.copyOf(p);
        this.avgLength = docs.isEmpty() ? 1 : Math.max(1, (double) total / docs.size());
        this.matcher = new TermMatcher(single, joined);
    }

    /**
     * "… شناسایی ۱۲ باند سرقت شدند. … اعضای این باندها …": a noun pointed back to (این/آن X) carries the count the
     * sentence before gave it, so a question's "اعضای ۱۲ باند" finds the sentence that goes on about them. The count
     * is indexed at the pointing word; the sentence's text and its numbers are unchanged.
     */
    private void carryCounts(Map<String, List<Occ>> p) {
        for (int d = 1; d < docs.size(); d++) {
            String[] w = docs.get(d).words;
            String[] before = docs.get(d - 1).words;
            for (int i = 0; i + 1 < w.length; i++) {
                if (!Lang.is(w[i], "determiner")) continue;
                String noun = TermMatcher.stem(w[i + 1]);
                if (noun.length() < 2) continue;
                for (int j = 1; j < before.length; j++) {
                    String count = before[j - 1];
                    if (!Character.isDigit(count.charAt(0)) && !Lang.NUMBER_WORDS.contains(count)) continue;
                    if (TermMatcher.stem(before[j]).equals(noun)) {
                        p.computeIfAbsent(count, k -> new ArrayList<>()).add(new Occ(d, i, 1));
                    }
                }
            }
        }
    }

    /**
     * Digits that are only a part of a larger number ("95" of "۲ هزار و ۹۵"): not indexed as that number, so a
     * question's "کنکور ۹۵" does not find them.
     */
    private static boolean[] partsOfLargerNumbers(Doc doc) {
        boolean[] out = new boolean[doc.length()];
        for (Doc.Span<NumberMatch> n : doc.numbers) {
            if (n.to() - n.from() < 2) continue;
            for (int i = n.from(); i < n.to() && i < out.length; i++) {
                String x = doc.words[i];
                if (!x.isEmpty() && Character.isDigit(x.charAt(0)) && x.chars().allMatch(Character::isDigit)
                        && Double.parseDouble(x) != n.match().value()) out[i] = true;
            }
        }
        return out;
    }

    /** The month name of "بهمنماه" (a month written solid with ماه), else null. */
    private static String monthOf(String w) {
        if (!w.endsWith("ماه") || w.length() <= 3) return null;
        String m = w.substring(0, w.length() - 3);
        return Lang.MONTHS.contains(m) ? m : null;
    }

    private static Doc prepare(Sentence s, JalaliDate reference) {
        KeyedText kt = KeyedText.of(s.text());
        List<KeyedText.Token> tokens = kt.tokens();
        List<Doc.Span<NumberMatch>> numbers = new ArrayList<>();
        List<Doc.Span<DateMatch>> dates = new ArrayList<>();
        List<Doc.Span<RelativeMatch>> relatives = new ArrayList<>();
        Doc probe = new Doc(s, kt, tokens, List.of(), List.of(), List.of());
        for (NumberMatch m : NumberExtractor.extract(kt)) {
            numbers.add(new Doc.Span<>(probe.wordAtOrAfter(m.start()), probe.wordsBefore(m.end()), m));
        }
        for (DateMatch m : DateExtractor.extract(kt, reference, true)) {
            dates.add(new Doc.Span<>(probe.wordAtOrAfter(m.start()), probe.wordsBefore(m.end()), m));
        }
        for (RelativeMatch m : RelativeTimeExtractor.extract(kt, reference)) {
            relatives.add(new Doc.Span<>(probe.wordAtOrAfter(m.start()), probe.wordsBefore(m.end()), m));
        }
        return new Doc(s, kt, tokens, numbers, dates, relatives);
    }

    Doc doc(int i) {
        return docs.get(i);
    }

    /** Which words of sentence {@code d} are items of a written-out list ("A، B، C و D"), computed once. */
    boolean[] listItems(int d) {
        boolean[] cached = listItems.get(d);
        if (cached != null) return cached;
        Doc doc = docs.get(d);
        boolean[] out = new boolean[doc.length()];
        for (int k = 1; k < doc.length(); k++) {
            int end = ListAnswers.listMayStartAt(doc, k) ? ListAnswers.bareListEnd(doc, k) : -1;
            if (end < 0) continue;
            for (int i = k; i < end; i++) out[i] = true;
            k = end - 1;
        }
        listItems.putIfAbsent(d, out);
        return out;
    }

    private final java.util.Map<Integer, boolean[]> listItems = new java.util.concurrent.ConcurrentHashMap<>();

    int size() {
        return docs.size();
    }

    List<Occ> occurrences(String vocabWord) {
        return postings.getOrDefault(vocabWord, List.of());
    }
}
