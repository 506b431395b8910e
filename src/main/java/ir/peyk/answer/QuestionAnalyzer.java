package ir.peyk.answer;

import ir.peyk.text.KeyedText;
import ir.peyk.text.PersianText;
import ir.peyk.text.PhraseTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns a question into a {@link Question}: drops the phrases that point at the text itself ("نام برده شده"), detects
 * the answer type from the question words FIRST (they are stopwords to everything else), the unit or counted noun of a
 * number question and the head noun of a which-question, and whether it asks about the news item itself; the content
 * terms come from {@link QuestionTerms}.
 */
final class QuestionAnalyzer {
    /** Longer questions are cut: the answer never depends on a question's tail, and latency stays bounded. */
    static final int MAX_CHARS = 1000;
    private static final int MAX_WORDS = 60;

    private final QuestionTerms termsOf;

    QuestionAnalyzer(TermMatcher matcher) {
        this.termsOf = new QuestionTerms(matcher);
    }

    Question analyze(String question) {
        String raw = question == null ? "" : question;
        if (raw.length() > MAX_CHARS) raw = raw.substring(0, MAX_CHARS);
        List<String> ws = PersianText.words(PersianText.key(raw));
        if (ws.size() > MAX_WORDS) ws = ws.subList(0, MAX_WORDS);
        String[] w = withoutMentions(ws.toArray(String[]::new));
        for (int i = 0; i < w.length; i++) w[i] = withoutCopula(w[i], i == w.length - 1);
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
        // a second cue of the same type ("چه روزی و ساعت چند") asks the same: its words are no content either
        for (int i = 0; cue != null && i < w.length; i++) {
            for (Lang.Cue c : Lang.CUES_BY_FIRST.getOrDefault(w[i], List.of())) {
                if (c == cue || c.type() != cue.type()) continue;
                int[] at = matchCue(w, c, i);
                if (at != null && at.length > 1) for (int p : at) used[p] = true;
            }
        }
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
                type = QuestionTerms.endsWithCopula(w) && title ? AnswerType.PERSON : AnswerType.DATE;
            } else {
                type = hasTimeCue(w) || !reporting && endsWithEventVerb(w) ? AnswerType.DATE : AnswerType.PERSON;
                fallback = type == AnswerType.DATE ? AnswerType.PERSON : AnswerType.DATE;
            }
        }
        if (EnumSet.of(AnswerType.DEFINITION, AnswerType.UNKNOWN, AnswerType.LIST, AnswerType.WHICH).contains(type) && namesATitle(w)) {
            type = AnswerType.PERSON;
        }
        // "کسی تو این حادثه زخمی شد؟": no question word, a verb last and a question mark — spoken yes/no, no آیا
        if (type == AnswerType.UNKNOWN && !english && (raw.indexOf('؟') >= 0 || raw.indexOf('?') >= 0) && endsWithVerb(w)) {
            type = AnswerType.YESNO;
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
            } else if (cue.counted() && i < w.length && QuestionTerms.isContent(w, i) && WordForms.verbNouns(w[i]).isEmpty()) {
                headPos = i;                              // "چند ایستگاه": the noun counted
            }
        }
        if (type == AnswerType.DEFINITION && isSingleWhat(cue)
                && !(cue.words().length == 2 && (cueEnd >= w.length || Lang.VAGUE.contains(w[cueEnd])))) {   // از چه چیزی
            // "چه خدماتی", "چه نوع تماسی": what + noun asks "which"
            int i = cueEnd;
            while (i < w.length && Lang.VAGUE.contains(w[i])) i++;
            if (i < w.length && QuestionTerms.isContent(w, i) && !Lang.isVerbLike(w[i])) {
                type = AnswerType.WHICH;
                headPos = i;
            }
        } else if ((type == AnswerType.WHICH || type == AnswerType.LIST || type == AnswerType.LOCATION) && cueStart >= 0) {
            headPos = firstContent(w, used, cueStart + 1, w.length);
            if (headPos < 0) headPos = firstContent(w, used, 0, cueStart);
        }

        if (type == AnswerType.MANNER || type == AnswerType.DEFINITION) fallback = AnswerType.QUOTE;   // "وزیر X را چطور می‌بیند"
        List<Question.Term> terms = termsOf.terms(w, used, type, headPos, unit != null || scale > 0 ? cueEnd : -1);
        Question.Term head = null;
        for (Question.Term t : terms) if (headPos >= t.pos() && headPos < t.pos() + t.len()) head = t;
        return new Question(raw, w, type, terms, head, unit, scale, english, fallback, NewsAnswers.field(w, used, type));
    }

    /**
     * The question without the phrases that point at the text itself ("نام برده شده", "در خبر"), and with a verb's
     * می / نمی typed as a word of its own joined to it ("می رسد" is میرسد, as ZWNJ would have written it).
     */
    private static String[] withoutMentions(String[] w) {
        List<String> out = new ArrayList<>(w.length);
        for (int i = 0; i < w.length; i++) {
            if ((w[i].equals("می") || w[i].equals("نمی")) && i + 1 < w.length && Character.isLetter(w[i + 1].charAt(0))) {
                out.add(w[i] + w[++i]);
                continue;
            }
            int len = Lang.MENTION_FIRST_WORDS.contains(w[i]) ? Lang.phraseAt(Lang.MENTION_PHRASES, w, i) : 0;
            if (len > 0) { i += len - 1; continue; }
            out.add(w[i]);
        }
        return out.toArray(String[]::new);
    }

    /** "اسم معاون استاندار چیست": the name of a title holder is a person asked for. */
    private static boolean namesATitle(String[] w) {
        for (int i = 0; i + 1 < w.length; i++) {
            if ((w[i].equals("اسم") || w[i].equals("نام")) && Lang.TITLES.contains(w[i + 1])) return true;
        }
        return false;
    }

    /** A content word stands right before the cue (not an object marked by را): the cue's subject is given. */
    private static boolean subjectBefore(String[] w, int cueStart) {
        if (cueStart <= 0) return false;
        String prev = w[cueStart - 1];
        return QuestionTerms.isContent(prev) && !Lang.isVerbLike(prev);
    }

    /**
     * A question word or a unit with a spoken copula attached ("چقدره", "چنده", "کدومه", "نفرند") is that word: the
     * copula only asks.
     */
    private static final String[] CLITICS = {"ه", "ست", "اند", "ند", "ن"};

    private static String withoutCopula(String w, boolean last) {
        if (Lang.CUES_BY_FIRST.containsKey(w) || Lang.QUESTION_MARKERS.contains(w)) return w;
        for (String clitic : CLITICS) {
            // spoken -ن only after a unit ending the question ("… چند نفرن"): چین is China, سالن a hall
            if (clitic.equals("ن") && !last) continue;
            if (w.length() > clitic.length() + 1 && w.endsWith(clitic)) {
                String base = w.substring(0, w.length() - clitic.length());
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

    /** "چه" alone or after a preposition ("از چه محلی", "درباره چه موضوعی"): a noun after it makes it "which". */
    private static boolean isSingleWhat(Lang.Cue c) {
        if (c == null) return false;
        String[] w = c.words();
        return w.length == 1 || w.length == 2 && (w[1].equals("چه") || w[1].equals("چی")) && Lang.is(w[0], "preposition");
    }

    private static boolean hasTimeCue(String[] w) {
        for (String x : w) {
            if (Lang.TIME_CUES.contains(x)) return true;
            for (String t : Lang.TIME_CUES) if (x.length() > t.length() && x.startsWith(t) && t.length() >= 4) return true;
        }
        return false;
    }

    /** "کی پلتفرمها گلایه کردند": a question that ends in a verb of an event (not a copula) asks "when". */
    /** The last word is a verb: an event verb, a copula, "have", or a negated verb. */
    private static boolean endsWithVerb(String[] w) {
        if (endsWithEventVerb(w)) return true;
        if (w.length < 2) return false;
        String last = w[w.length - 1];
        return QuestionTerms.isCopula(last) || Lang.is(last, "possession") || SpanAnswers.isNegativeVerb(last);
    }

    private static boolean endsWithEventVerb(String[] w) {
        if (w.length < 2) return false;
        String last = w[w.length - 1];
        return !QuestionTerms.isCopula(last) && (Lang.LIGHT_VERBS.contains(last) || Lang.isVerbLike(last));
    }

    private static int firstContent(String[] w, boolean[] used, int from, int to) {
        for (int i = Math.max(0, from); i < to && i < w.length; i++) if (!used[i] && QuestionTerms.isContent(w, i)) return i;
        return -1;
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
