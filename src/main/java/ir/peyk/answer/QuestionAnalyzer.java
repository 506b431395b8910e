package ir.peyk.answer;

import ir.peyk.text.KeyedText;
import ir.peyk.text.PersianText;
import ir.peyk.text.PhraseTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a question into a {@link Question}: detects the answer type from the question words FIRST (they are
 * stopwords to everything else), then keeps the content terms — dropping question words, stopwords, light verbs,
 * vague words and reporting verbs — after joining adjacent words the article writes as one (پیام رسان های →
 * پیامرسانهای).
 */
final class QuestionAnalyzer {
    /** Longer questions are cut: the answer never depends on a question's tail, and latency stays bounded. */
    static final int MAX_CHARS = 1000;
    private static final int MAX_WORDS = 60;

    private final TermMatcher matcher;

    QuestionAnalyzer(TermMatcher matcher) {
        this.matcher = matcher;
    }

    Question analyze(String question) {
        String raw = question == null ? "" : question;
        if (raw.length() > MAX_CHARS) raw = raw.substring(0, MAX_CHARS);
        List<String> ws = PersianText.words(PersianText.key(raw));
        if (ws.size() > MAX_WORDS) ws = ws.subList(0, MAX_WORDS);
        String[] w = withoutMentions(ws.toArray(String[]::new));
        for (int i = 0; i < w.length; i++) w[i] = withoutCopula(w[i]);
        boolean english = isEnglish(w);

        boolean[] used = new boolean[w.length];
        Lang.Cue cue = null;
        int[] cuePos = null;
        for (int i = 0; i < w.length; i++) {
            for (Lang.Cue c : Lang.CUES_BY_FIRST.getOrDefault(w[i], List.of())) {
                if (cue != null && c.rank() >= cue.rank()) continue;
                int[] at = matchCue(w, c, i);
                if (at != null) { cue = c; cuePos = at; }
            }
        }
        AnswerType type = cue == null ? AnswerType.UNKNOWN : cue.type();
        if (cuePos != null) for (int p : cuePos) used[p] = true;
        int cueEnd = cuePos == null ? -1 : cuePos[cuePos.length - 1] + 1;
        int cueStart = cuePos == null ? -1 : cuePos[0];

        boolean reporting = false;
        for (int i = 0; i < w.length; i++) {
            if (!Lang.REPORTING_WORDS.contains(w[i])) continue;
            int len = Lang.phraseAt(Lang.REPORTING_VERBS, w, i);
            if (len > 0) {
                reporting = true;
                for (int k = i; k < i + len; k++) used[k] = true;
            }
        }
        AnswerType fallback = null;
        if (type == AnswerType.WHO_OR_WHEN) {
            // "وزیر نیرو کی به تهران سفر کرد" asks when; "کی وزیر ارتباطاته" and "کی گفت …" ask who. With its subject
            // written before it ("مرکز آمار کی … اعلام کرد") the reading is decided: no other to fall back on.
            if (subjectBefore(w, cueStart)) {
                // "… کی بود": who when the subject holds a title ("وزیر ارتباطات کی بود"), when otherwise ("نشست کی بود")
                boolean title = false;
                for (int i = 0; i < cueStart; i++) title |= Lang.TITLES.contains(w[i]);
                type = endsWithCopula(w) && title ? AnswerType.PERSON : AnswerType.DATE;
            } else {
                type = hasTimeCue(w) || !reporting && endsWithEventVerb(w) ? AnswerType.DATE : AnswerType.PERSON;
                fallback = type == AnswerType.DATE ? AnswerType.PERSON : AnswerType.DATE;
            }
        }
        if (type == AnswerType.PERSON && reporting) type = AnswerType.SPEAKER;
        if (type == AnswerType.MANNER && reporting) type = AnswerType.QUOTE;


        // NUMBER: the unit and scale asked for ("چند میلیارد تومان", "چند درصد").
        String unit = null;
        double scale = 0;
        int headPos = -1;
        if (type == AnswerType.NUMBER && cueEnd >= 0) {
            int i = cueEnd;
            while (i < w.length && Lang.VAGUE.contains(w[i])) i++;
            while (i < w.length) {
                Double s = Lang.SCALES.get(w[i]);
                if (s == null) break;
                scale = scale == 0 ? s : scale * s;
                i++;
            }
            String rest = String.join(" ", Arrays.copyOfRange(w, i, w.length));
            List<KeyedText.Token> tokens = KeyedText.tokens(rest);
            Optional<PhraseTable.Match<String>> u = tokens.isEmpty() ? Optional.empty()
                    : Lang.UNITS.longestAt(rest, tokens, 0);
            if (u.isPresent()) {
                unit = u.get().value();
                headPos = i;
            } else if (cue.counted() && i < w.length && isContent(w[i])) {
                headPos = i;                              // "چند ایستگاه": the noun counted
            }
        }
        if (type == AnswerType.DEFINITION && isSingleWhat(cue)) {
            // "چه خدماتی", "چه نوع تماسی": what + noun asks "which"
            int i = cueEnd;
            while (i < w.length && Lang.VAGUE.contains(w[i])) i++;
            if (i < w.length && isContent(w[i]) && !Lang.isVerbLike(w[i])) {
                type = AnswerType.WHICH;
                headPos = i;
            }
        } else if ((type == AnswerType.WHICH || type == AnswerType.LIST || type == AnswerType.LOCATION) && cueStart >= 0) {
            headPos = firstContent(w, used, cueStart + 1, w.length);
            if (headPos < 0) headPos = firstContent(w, used, 0, cueStart);
        }

        if (type == AnswerType.MANNER || type == AnswerType.DEFINITION) fallback = AnswerType.QUOTE;   // "وزیر X را چطور می‌بیند"
        List<Question.Term> terms = terms(w, used, type, headPos, unit != null || scale > 0 ? cueEnd : -1);
        terms = markPredicate(w, terms, NEEDS_PREDICATE.contains(type));
        Question.Term head = null;
        for (Question.Term t : terms) if (headPos >= t.pos() && headPos < t.pos() + t.len()) head = t;
        return new Question(raw, w, type, terms, head, unit, scale, english, fallback, NewsAnswers.field(w, used, type));
    }

    /** The question without the phrases that point at the text itself ("نام برده شده", "در خبر"). */
    private static String[] withoutMentions(String[] w) {
        List<String> out = new ArrayList<>(w.length);
        for (int i = 0; i < w.length; i++) {
            int len = Lang.phraseAt(Lang.MENTION_PHRASES, w, i);
            if (len > 0) { i += len - 1; continue; }
            out.add(w[i]);
        }
        return out.size() == w.length ? w : out.toArray(String[]::new);
    }

    /** Answer types whose answer is a fact of one event: the sentence must say the question's event verb too. */
    private static final java.util.Set<AnswerType> NEEDS_PREDICATE = java.util.EnumSet.of(AnswerType.DATE,
            AnswerType.NUMBER, AnswerType.LOCATION, AnswerType.PERSON, AnswerType.WHICH, AnswerType.LIST, AnswerType.REASON);

    /**
     * Marks the predicate: the content term written right before the question's first light verb other than a copula
     * (راه‌اندازی in "… راه‌اندازی کرد", افتتاح in "کی افتتاح می‌شود") — the event the question is about. "سد X کی
     * ساخته شد" is not answered by a sentence where X is put into service, so for the types that ask a fact of that
     * event the predicate is required. The word before a final copula ("… پر است") is a predicate too, but a state
     * the article may word otherwise: never required.
     */
    private static List<Question.Term> markPredicate(String[] w, List<Question.Term> terms, boolean require) {
        int end = w.length;                               // the question's last run of light verbs: [verb, end)
        while (end > 0 && Lang.QUESTION_MARKERS.contains(w[end - 1])) end--;
        int verb = end;
        while (verb > 1 && Lang.LIGHT_VERBS.contains(w[verb - 1]) && !isContent(w, verb - 1)) verb--;
        boolean event = false;                            // a verb other than a copula ("خواهد بود" is one too)
        for (int i = verb; i < end; i++) {
            if (Lang.is(w[i], "modal")) return terms;     // "… را می‌خواهد": a verb of its own, no compound
            event |= !isCopula(w[i]) && !Lang.is(w[i], "future");
        }
        if (verb == end) verb = -1;
        if (verb < 0) return terms;
        List<Question.Term> out = new ArrayList<>(terms);
        for (int k = 0; k < out.size(); k++) {
            Question.Term t = out.get(k);
            if (t.pos() + t.len() != verb || t.weight() < 1) continue;
            boolean required = t.required() || require && event;
            Question.Role role = event ? Question.Role.EVENT : Question.Role.STATE;
            out.set(k, new Question.Term(t.text(), t.pos(), t.len(), t.weight(), required, role, t.hits()));
        }
        return out;
    }

    /** A content word stands right before the cue (not an object marked by را): the cue's subject is given. */
    private static boolean subjectBefore(String[] w, int cueStart) {
        if (cueStart <= 0) return false;
        String prev = w[cueStart - 1];
        return isContent(prev) && !Lang.isVerbLike(prev);
    }

    private static boolean isCopula(String w) {
        return Lang.is(w, "copula");
    }

    private static boolean endsWithCopula(String[] w) {
        return w.length > 0 && isCopula(w[w.length - 1]);
    }

    /**
     * A question word or a unit with a spoken copula attached ("چقدره", "چنده", "کدومه", "نفرند") is that word: the
     * copula only asks.
     */
    private static String withoutCopula(String w) {
        if (Lang.CUES_BY_FIRST.containsKey(w) || Lang.QUESTION_MARKERS.contains(w)) return w;
        for (String clitic : new String[]{"ه", "ست", "اند", "ند", "ن"}) {
            if (w.length() > clitic.length() + 1 && w.endsWith(clitic)) {
                String base = w.substring(0, w.length() - clitic.length());
                // spoken -ن only after a unit ("نفرن"): چین is China, not "چی‌اند"
                boolean marker = Lang.QUESTION_MARKERS.contains(base) && !clitic.equals("ن");
                if (marker || Lang.UNITS.get(base) != null) return base;
            }
        }
        return w;
    }

    /** Positions of the cue's words in {@code w} when cue {@code c} matches at {@code i}, else null. */
    private static int[] matchCue(String[] w, Lang.Cue c, int i) {
        String[] cw = c.words();
        List<Integer> pos = new ArrayList<>();
        pos.add(i);
        int j = i + 1;
        boolean gap = false;
        for (int k = 1; k < cw.length; k++) {
            if (cw[k].equals("*")) { gap = true; continue; }
            int found = -1;
            if (gap) {
                for (int x = j; x < w.length && x - j <= 8; x++) if (w[x].equals(cw[k])) { found = x; break; }
            } else if (j < w.length && w[j].equals(cw[k])) {
                found = j;
            }
            if (found < 0) return null;
            pos.add(found);
            j = found + 1;
            gap = false;
        }
        return pos.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean isSingleWhat(Lang.Cue c) {
        return c != null && c.words().length == 1;
    }

    private static boolean hasTimeCue(String[] w) {
        for (String x : w) {
            if (Lang.TIME_CUES.contains(x)) return true;
            for (String t : Lang.TIME_CUES) if (x.length() > t.length() && x.startsWith(t) && t.length() >= 4) return true;
        }
        return false;
    }


    /** "کی پلتفرمها گلایه کردند": a question that ends in a verb of an event (not a copula) asks "when". */
    private static boolean endsWithEventVerb(String[] w) {
        if (w.length < 2) return false;
        String last = w[w.length - 1];
        return !isCopula(last) && (Lang.LIGHT_VERBS.contains(last) || Lang.isVerbLike(last));
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
    private static boolean isContent(String[] w, int i) {
        if (isContent(w[i])) return true;
        return Lang.LIGHT_VERBS.contains(w[i]) && i + 1 < w.length && (w[i + 1].equals("را") || w[i + 1].equals("رو"));
    }

    /**
     * Content words: not function words, not reporting verbs, not a single letter (an initial: "م. رضایی") nor an
     * honorific ("دکتر رضایی" asks about رضایی).
     */
    private static boolean isContent(String w) {
        if (w.length() == 1 && !Character.isDigit(w.charAt(0)) || Lang.HONORIFICS.contains(w)) return false;
        return !Lang.isFunctionWord(w) && !Lang.REPORTING_WORDS.contains(w);
    }

    private static int firstContent(String[] w, boolean[] used, int from, int to) {
        for (int i = Math.max(0, from); i < to && i < w.length; i++) if (!used[i] && isContent(w, i)) return i;
        return -1;
    }

    private List<Question.Term> terms(String[] w, boolean[] used, AnswerType type, int headPos, int unitFrom) {
        List<Question.Term> out = new ArrayList<>();
        boolean firstNoun = true;
        int nouns = 0;
        for (int i = 0; i < w.length; i++) if (!used[i] && isContent(w, i) && !Lang.isVerbLike(w[i])) nouns++;
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
            boolean unitWord = unitFrom >= 0 && i >= unitFrom && (Lang.UNITS.get(x) != null || Lang.SCALES.get(x) != null);
            boolean verb = Lang.isVerbLike(x);
            double weight = unitWord ? 0.6 : verb ? 0.35 : 1.0;
            boolean required = !verb && !unitWord && (Lang.TITLES.contains(x) || i == headPos || firstNoun && nouns >= 2
                    || isSpecific(x));
            out.add(term(x, i, 1, weight, required));
            if (!verb && !unitWord) firstNoun = false;
            i++;
        }
        return out;
    }

    private Question.Term term(String text, int pos, int len, double weight, boolean required) {
        return new Question.Term(text, pos, len, weight, required, Question.Role.NOUN, hits(text));
    }

    /** The article words a question word matches, itself or through its synonyms (a little weaker). */
    private List<TermMatcher.Hit> hits(String text) {
        List<TermMatcher.Hit> own = matcher.match(text);
        List<String> alts = Lang.SYNONYMS.get(text);
        if (alts == null) return own;
        java.util.Map<String, Double> all = new java.util.LinkedHashMap<>();
        for (TermMatcher.Hit h : own) all.put(h.word(), h.quality());
        for (String a : alts) {
            for (TermMatcher.Hit h : matcher.match(a)) all.merge(h.word(), 0.8 * h.quality(), Math::max);
        }
        List<TermMatcher.Hit> out = new ArrayList<>();
        all.forEach((word, quality) -> out.add(new TermMatcher.Hit(word, quality)));
        return List.copyOf(out);
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

    private static boolean isEnglish(String[] w) {
        int latin = 0;
        int other = 0;
        for (String x : w) {
            for (int k = 0; k < x.length(); k++) {
                char c = x.charAt(k);
                if (c >= 'a' && c <= 'z') latin++;
                else if (Character.isLetter(c)) other++;
            }
        }
        return latin > 0 && latin >= other;
    }
}
