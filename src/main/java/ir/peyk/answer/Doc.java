package ir.peyk.answer;

import ir.peyk.article.DateExtractor.DateMatch;
import ir.peyk.article.NumberExtractor.NumberMatch;
import ir.peyk.article.RelativeTimeExtractor.RelativeMatch;
import ir.peyk.article.Section;
import ir.peyk.article.Sentence;
import ir.peyk.text.KeyedText;
import java.util.List;

/**
 * One sentence prepared for answering: its words in key space with their offsets in the original text, and the
 * numbers, dates and relative times it mentions as word ranges. Immutable.
 */
final class Doc {
    /** A typed mention over words [from, to) of a sentence. */
    record Span<T>(int from, int to, T match) {}

    final Sentence sentence;
    final KeyedText keyed;
    final String[] words;
    /** Original offsets of each word in {@code sentence.text()}. */
    final int[] start;
    final int[] end;
    /** Key-space offsets of each word (to look at the punctuation between words). */
    final int[] keyStart;
    final int[] keyEnd;
    /** Whether each word stands inside parentheses (an apposition: "پیامرسانهای بومی (بله، ایتا …)"). */
    final boolean[] inParen;
    /** Adjacent word pairs "a b" (no punctuation between), for phrase matches. */
    final java.util.Set<String> bigrams;
    final List<Span<NumberMatch>> numbers;
    final List<Span<DateMatch>> dates;
    final List<Span<RelativeMatch>> relatives;

    Doc(Sentence sentence, KeyedText keyed, List<KeyedText.Token> tokens, List<Span<NumberMatch>> numbers,
        List<Span<DateMatch>> dates, List<Span<RelativeMatch>> relatives) {
        this.sentence = sentence;
        this.keyed = keyed;
        int n = tokens.size();
        this.words = new String[n];
        this.start = new int[n];
        this.end = new int[n];
        this.keyStart = new int[n];
        this.keyEnd = new int[n];
        for (int i = 0; i < n; i++) {
            KeyedText.Token t = tokens.get(i);
            words[i] = t.text();
            keyStart[i] = t.start();
            keyEnd[i] = t.end();
            start[i] = keyed.originalStart(t.start());
            end[i] = keyed.originalEnd(t.end());
        }
        this.inParen = new boolean[n];
        int depth = 0;
        String key = keyed.key();
        for (int i = 0; i < n; i++) {
            for (int k = i == 0 ? 0 : keyEnd[i - 1]; k < keyStart[i]; k++) {
                char ch = key.charAt(k);
                if (ch == '(') depth++;
                else if (ch == ')') depth = Math.max(0, depth - 1);
            }
            inParen[i] = depth > 0;
        }
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 1; i < n; i++) if (!punctBefore(i)) pairs.add(words[i - 1] + " " + words[i]);
        this.bigrams = java.util.Set.copyOf(pairs);
        this.numbers = List.copyOf(numbers);
        this.dates = List.copyOf(dates);
        this.relatives = List.copyOf(relatives);
    }

    int index() {
        return sentence.index();
    }

    Section section() {
        return sentence.section();
    }

    int length() {
        return words.length;
    }

    String text() {
        return sentence.text();
    }

    /** The original text of words [from, to). */
    String span(int from, int to) {
        if (from >= to || from < 0 || to > words.length) return "";
        return sentence.text().substring(start[from], end[to - 1]);
    }

    /** The key-space characters between word {@code i-1} and word {@code i} (punctuation, spaces). */
    String gapBefore(int i) {
        String key = keyed.key();
        if (i <= 0) return i == 0 ? key.substring(0, keyStart[0]) : "";
        if (i >= words.length) return key.substring(keyEnd[words.length - 1]);
        return key.substring(keyEnd[i - 1], keyStart[i]);
    }

    /** True when something other than white space stands between word {@code i-1} and word {@code i}. */
    boolean punctBefore(int i) {
        if (i <= 0 || i >= words.length) return true;
        String key = keyed.key();
        for (int k = keyEnd[i - 1]; k < keyStart[i]; k++) if (key.charAt(k) != ' ') return true;
        return false;
    }

    /** The first word at or after original offset {@code offset}. */
    int wordAtOrAfter(int offset) {
        for (int i = 0; i < words.length; i++) if (end[i] > offset) return i;
        return words.length;
    }

    /** One past the last word that starts before original offset {@code offset}. */
    int wordsBefore(int offset) {
        int i = 0;
        while (i < words.length && start[i] < offset) i++;
        return i;
    }
}
