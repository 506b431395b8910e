package ir.peyk.answer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The content terms of a question: its words less question words, stopwords, light verbs, vague words and reporting
 * verbs, with adjacent words joined where the article writes them as one (پیام رسان های → پیامرسانهای), each matched
 * to the article's words (and through synonyms.txt), weighted (nouns 1, verbs and units less) and marked required or
 * as the predicate of the question's verb.
 */
final class QuestionTerms {
    private final TermMatcher matcher;

    QuestionTerms(TermMatcher matcher) {
        this.matcher = matcher;
    }

    /** Answer types whose answer is a fact of one event: the sentence must say the question's event verb too. */
    private static final Set<AnswerType> NEEDS_PREDICATE = EnumSet.of(AnswerType.DATE,
            AnswerType.NUMBER, AnswerType.LOCATION, AnswerType.PERSON, AnswerType.WHICH, AnswerType.LIST, AnswerType.REASON);

    /**
     * Marks the predicate: the content term written right before the question's last run of light verbs when it holds
     * one other than a copula (راه‌اندازی in "… راه‌اندازی کرد", افتتاح in "کی افتتاح می‌شود") — the event the question is about. "سد X کی
     * ساخته شد" is not answered by a sentence where X is put into service, so for the types that ask a fact of that
     * event the predicate is required. The word before a final copula ("… پر است") is a predicate too, but a state
     * the article may word otherwise: never required.
     */
    private static List<Question.Term> markPredicate(String[] w, List<Question.Term> terms, boolean require, int asked) {
        int end = w.length;                               // the question's last run of light verbs: [verb, end)
        while (end > 0 && Lang.QUESTION_MARKERS.contains(w[end - 1])) end--;
        int verb = end;
        while (verb > 1 && Lang.LIGHT_VERBS.contains(w[verb - 1]) && !isContent(w, verb - 1)) verb--;
        boolean event = false;                            // a verb other than a copula ("خواهد بود" is one too)
        for (int i = verb; i < end; i++) {
            // "… را می‌خواهد", "چند کاربر ماهانه دارد": verbs of their own, no compound with the noun before
            if (Lang.is(w[i], "modal") || Lang.is(w[i], "possession")) return terms;
            event |= !isCopula(w[i]) && !Lang.is(w[i], "future");
        }
        if (verb == end) verb = -1;
        if (verb < 0) return terms;
        List<Question.Term> out = new ArrayList<>(terms);
        for (int k = 0; k < out.size(); k++) {
            Question.Term t = out.get(k);
            if (t.pos() + t.len() != verb || t.weight() < 1 || t.pos() == asked) continue;
            boolean required = t.required() || require && event;
            Question.Role role = event ? Question.Role.EVENT : Question.Role.STATE;
            out.set(k, new Question.Term(t.text(), t.pos(), t.len(), t.weight(), required, role, t.hits()));
        }
        return out;
    }

    static boolean isCopula(String w) {
        return Lang.is(w, "copula");
    }

    /**
     * The question's subject is its event: it ends with a copula ("افتتاح چه روزی بود") or its verb names no event of
     * its own ("تصادف کی رخ داد").
     */
    static boolean subjectIsTheEvent(String[] w) {
        if (endsWithCopula(w)) return true;
        for (int i = 0; i + 1 < w.length; i++) if (Lang.is(w[i], "vague-event") && Lang.LIGHT_VERBS.contains(w[i + 1])) return true;
        return false;
    }

    static boolean endsWithCopula(String[] w) {
        return w.length > 0 && isCopula(w[w.length - 1]);
    }

    /**
     * A word that pins the question to one thing — a month, a number, a place, a first name, a Latin name: when the
     * article lacks it, the question is about something else ("تورم اسفند" of an article on بهمن).
     */
    private static boolean isSpecific(String w) {
        if (Character.isDigit(w.charAt(0)) || Lang.MONTHS.contains(w) || Lang.FIRST_NAMES.contains(w)) return true;
        return w.charAt(0) >= 'a' && w.charAt(0) <= 'z' || Lang.ONE_WORD_PLACES.contains(w);
    }

    /**
     * Word {@code i} is content: a content word, or a light-verb form standing before the object marker را — a verb
     * never does, so there it is a noun ("مرکز داده را", data).
     */
    static boolean isContent(String[] w, int i) {
        if (isContent(w[i])) return true;
        // an honorific with no name after it is a noun: "چند تا خانم … قبول شدند" asks about women
        if (Lang.HONORIFICS.contains(w[i]) && w[i].length() > 1 && !Lang.isFunctionWord(w[i])
                && (i + 1 == w.length || Lang.isFunctionWord(w[i + 1]) || Lang.isVerbLike(w[i + 1]))) return true;
        return Lang.LIGHT_VERBS.contains(w[i]) && i + 1 < w.length && (w[i + 1].equals("را") || w[i + 1].equals("رو"));
    }

    /**
     * Content words: not function words, not reporting verbs, not a single letter (an initial: "م. رضایی") nor an
     * honorific ("دکتر رضایی" asks about رضایی).
     */
    static boolean isContent(String w) {
        if (w.length() == 1 && !Character.isDigit(w.charAt(0)) || Lang.HONORIFICS.contains(w)) return false;
        if (Lang.isFunctionWord(w) || Lang.REPORTING_WORDS.contains(w)) return false;
        return !spokenFunctionWord(w);
    }

    /** A spoken form of a function word or modal is one too: میتونن (میتوانند)، اومده (آمده)، موقعیه (موقع). */
    private static boolean spokenFunctionWord(String w) {
        Boolean known = SPOKEN_FUNCTION.get(w);
        if (known != null) return known;
        boolean is = false;
        for (String f : Colloquial.forms(w)) is |= Lang.isFunctionWord(f) || Lang.is(f, "modal");
        if (SPOKEN_FUNCTION.size() < 20_000) SPOKEN_FUNCTION.put(w, is);   // asked for every word, many times
        return is;
    }

    private static final java.util.Map<String, Boolean> SPOKEN_FUNCTION = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The content terms of question words {@code w} (cue and reporting words {@code used}), joined where the article
     * writes two words as one, weighted, with the required ones and the predicate marked.
     */
    List<Question.Term> terms(String[] w, boolean[] used, AnswerType type, int headPos, int unitFrom) {
        List<Question.Term> out = new ArrayList<>();
        boolean firstNoun = true;
        int nouns = 0;
        for (int i = 0; i < w.length; i++) if (!used[i] && isContent(w, i) && !Lang.isVerbLike(w[i]) && !Lang.is(w[i], "now")) nouns++;
        int i = 0;
        while (i < w.length) {
            if (used[i]) { i++; continue; }
            int joined = join(w, used, i);
            if (joined > 1) {
                String text = concat(w, i, joined);
                out.add(term(text, i, joined, 1.0, firstNoun && nouns >= 2 || i <= headPos && headPos < i + joined));
                firstNoun = false;
                i += joined;
                continue;
            }
            String x = w[i];
            if (!isContent(w, i)) { i++; continue; }
            if (Lang.is(x, "some") && matcher.match(x).isEmpty()) { i++; continue; }   // "آیا بخشی از X …": X is asked
            boolean unitWord = unitFrom >= 0 && i >= unitFrom && (Lang.UNITS.get(x) != null || Lang.SCALES.get(x) != null);
            boolean verb = Lang.isVerbLike(x);
            double weight = unitWord ? 0.6 : verb ? 0.35 : 1.0;
            // the noun of a light verb that names no event ("رخ داد", "انجام شد") is no term: the event is the
            // question's subject. Words a reader hardly weighs: a classifier after the count cue ("چند نفر",
            // "چند بار") and a noun pointed back to that the article does not write ("این آمار": its figures, however it words them).
            if (Lang.is(x, "vague-event") && i + 1 < w.length && Lang.LIGHT_VERBS.contains(w[i + 1])) { i++; continue; }
            boolean light = i > 0 && used[i - 1] && w[i - 1].startsWith("چند") && Lang.is(x, "counter");   // چند، چندمین، چندتا
            boolean pointed = i > 0 && Lang.is(w[i - 1], "determiner") && !used[i - 1] && matcher.match(x).isEmpty();
            boolean now = Lang.is(x, "now");             // "امسال": the story's own time, often unsaid
            boolean figure = (Lang.is(x, "figure") || Lang.is(x, "generic")) && matcher.match(x).isEmpty();   // "سهم زنان … چند درصد"
            if (light) weight = 0.15;
            else if ((pointed || now || figure) && !verb && !unitWord) weight = 0.5;
            boolean minor = light || pointed || now || figure;
            boolean required = !verb && !unitWord && !minor && (Lang.TITLES.contains(x) || i == headPos
                    || firstNoun && nouns >= 2 || isSpecific(x));
            out.add(term(x, i, 1, weight, required));
            if (!verb && !unitWord && !minor) firstNoun = false;
            i++;
        }
        // "چه جایزه‌هایی گرفت": the asked kind is the verb's object, which the answer names otherwise — not the event
        int asked = type == AnswerType.WHICH || type == AnswerType.LIST ? headPos : -1;
        if (asked >= 0) categoryWordedOtherwise(out, asked);
        return markPredicate(w, out, NEEDS_PREDICATE.contains(type), asked);
    }

    /**
     * "کدام اماکن تاریخی" of an article that writes "مجموعه‌های تاریخی": the asked kind is a category noun the answer
     * fills; when the article lacks it but has the adjective after it, the noun weighs half and pins nothing.
     */
    private static void categoryWordedOtherwise(List<Question.Term> terms, int headPos) {
        for (int k = 0; k + 1 < terms.size(); k++) {
            Question.Term h = terms.get(k);
            Question.Term next = terms.get(k + 1);
            if (h.pos() != headPos || !h.hits().isEmpty() || next.pos() != h.pos() + h.len() || next.hits().isEmpty()
                    || Lang.isVerbLike(next.text())) continue;
            terms.set(k, new Question.Term(h.text(), h.pos(), h.len(), 0.5, false, h.role(), h.hits()));
        }
    }

    private Question.Term term(String text, int pos, int len, double weight, boolean required) {
        return new Question.Term(text, pos, len, weight, required, Question.Role.NOUN, hits(text));
    }

    /**
     * The article words a question word matches: itself (exactly, by suffix, stem or n-grams); through its synonyms,
     * broken plural, equivalents and number form (a little weaker); and, when it matches nothing itself, through its
     * written forms if it is spoken Persian (خونه → خانه).
     */
    private List<TermMatcher.Hit> hits(String text) {
        List<TermMatcher.Hit> own = matcher.match(text);
        java.util.Map<String, Double> all = new java.util.LinkedHashMap<>();
        for (TermMatcher.Hit h : own) all.put(h.word(), h.quality());
        List<String> alts = new ArrayList<>(Lang.SYNONYMS.getOrDefault(text, List.of()));
        String other = WordForms.otherNumber(text);
        if (other != null) alts.add(other);
        alts.addAll(WordForms.bases(text));
        for (String a : alts) add(all, a, 0.8);
        String number = Lang.NUMBER_FORMS.get(text);
        if (number != null) add(all, number, 0.95);
        for (String form : WordForms.forms(text)) for (String a : Lang.EQUIVALENTS.getOrDefault(form, List.of())) add(all, a, 0.75);
        for (String noun : WordForms.verbNouns(text)) add(all, noun, 0.75);
        if (own.isEmpty() || own.get(0).quality() < 0.8) {
            for (String spoken : Colloquial.forms(text)) {
                add(all, spoken, 0.9);
                for (String a : Lang.EQUIVALENTS.getOrDefault(spoken, List.of())) add(all, a, 0.7);
            }
        }
        if (all.size() == own.size()) return own;
        List<TermMatcher.Hit> out = new ArrayList<>();
        all.forEach((word, quality) -> out.add(new TermMatcher.Hit(word, quality)));
        out.sort((a, b) -> Double.compare(b.quality(), a.quality()));
        return List.copyOf(out);
    }

    /** Adds the article words {@code alt} matches, at {@code weight} of their quality (keeping the best per word). */
    private void add(java.util.Map<String, Double> all, String alt, double weight) {
        // a phrase ("مراکز درمانی") is found as the article's two adjacent words, which the index keeps joined
        for (TermMatcher.Hit h : matcher.match(alt.indexOf(' ') < 0 ? alt : alt.replace(" ", ""))) {
            if (h.quality() < 0.8 || Lang.isFunctionWord(h.word())) continue;   // no fuzzy match of a fuzzy form
            all.merge(h.word(), weight * h.quality(), Math::max);
        }
    }

    /**
     * How many words from {@code i} to join: 3 or 2 when their concatenation is an article word (or one with a
     * suffix) that the parts alone would not find — a ZWNJ typed as a space, or written solid.
     */
    private int join(String[] w, boolean[] used, int i) {
        for (int len = 3; len >= 2; len--) {
            if (i + len > w.length) continue;
            boolean free = true;
            for (int k = i; k < i + len; k++) free &= !used[k];
            if (!free || !isContent(w, i)) continue;
            String j = concat(w, i, len);
            int closeness = matcher.closeness(j);
            if (closeness == 2) return len;                 // one article word: پیام رسان های → پیامرسانهای
            if (closeness == 0) continue;
            boolean stop = false;
            boolean unknownPart = false;
            for (int k = i; k < i + len; k++) {
                // a title stays a word of its own unless the article writes the whole as one (رئیس‌جمهور)
                stop |= Lang.STOPWORDS.contains(w[k]) || Lang.TITLES.contains(w[k]);
                unknownPart |= !matcher.matchesClosely(w[k]);
            }
            if (!stop && unknownPart) return len;         // two article words the question wrote solid or split oddly
        }
        return 1;
    }

    private static String concat(String[] w, int i, int len) {
        StringBuilder b = new StringBuilder();
        for (int k = i; k < i + len; k++) b.append(w[k]);
        return b.toString();
    }
}
