package ir.peyk.answer;

import java.util.List;
import java.util.Optional;

/**
 * "کدام X / چه Xی / نام X / X کدامند": a list written after the head noun — in parentheses, after شامل / از جمله …, or
 * right after it ("استان‌های A، B، C و D") — else the head noun with the modifiers the article adds to it
 * ("خدمات دولتی", "بعضی از این پلتفرم‌ها") in the clause of the question's event. Empty when there is neither.
 */
final class ListAnswers {
    private static final List<String[]> LIST_OPENERS = List.of(
            new String[]{"شامل"}, new String[]{"از", "جمله"}, new String[]{"مانند"}, new String[]{"مثل"},
            new String[]{"نظیر"}, new String[]{"همچون"}, new String[]{"یعنی"});

    /** How far (mean words, clause breaks counting 3) a which-answer may stand from the question's other words. */
    static final double MAX_WHICH_DISTANCE = 8;

    /**
     * "کدام X / چه Xی / نام X": a list after the head noun — in parentheses, or after شامل / از جمله / مانند — else the
     * head noun with the modifiers the article adds to it ("خدمات دولتی").
     */
    static Optional<Answer> which(Ctx c, boolean listWanted) {
        Question.Term head = c.q.head();
        int headK = head == null ? -1 : c.q.terms().indexOf(head);
        if (headK >= 0 && head.hits().isEmpty()) headK = modifierOf(c.q, head);   // "اماکن تاریخی" ↔ "مجموعه‌های تاریخی"
        if (headK >= 0) {
            for (Ranker.Scored s : c.candidates(0.5, 6, false)) {
                Doc d = c.doc(s.doc());
                for (int p : c.positions(s.doc(), headK)) {
                    String list = listAfter(d, p + 1);
                    if (list != null) return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(list, d),
                            List.of(Ctx.evidence(d)), Ctx.confidence(c.coverage(s.doc(), false), true, s.score())));
                }
            }
            if (!listWanted) {
                Optional<Answer> object = NounPhrases.whichObject(c, head.pos());   // "کدام تیم را شکست داد"
                if (object.isPresent()) return object;
                for (Ranker.Scored s : c.candidates(0.5, 3, false)) {
                    Doc d = c.doc(s.doc());
                    for (int p : c.positions(s.doc(), headK)) {
                        int end = p + 1;
                        while (end < d.length() && c.positions(s.doc(), headK).contains(end)) end++;
                        // the modifiers the article adds, up to the next word the question has (another constituent)
                        int limit = SpanAnswers.nounPhraseEnd(d, end, 3);
                        int np = end;
                        while (np < limit && !c.isQuestionWord(s.doc(), np)) np++;
                        // "تیم ملی فوتبال | ایران" for "ایران با کدام تیم‌ها …": the phrase goes on into the question's
                        // own subject, so it names that, not an answer
                        if (c.veto(np > end && np < limit && requiredAt(c, s.doc(), np))) continue;
                        if (np > end && plural(head.text())) np = coordinated(c, s.doc(), np);
                        int from = NounPhrases.partitiveStart(d, p);          // "بعضی از این پلتفرم‌ها"
                        if (np == end && from == p) continue;
                        if (c.distance(s.doc(), p, np) > MAX_WHICH_DISTANCE || c.veto(!predicateInClause(c, s.doc(), p))) continue;
                        return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(d.span(from, np), d),
                                List.of(Ctx.evidence(d)), Ctx.confidence(c.coverage(s.doc(), false), true, s.score())));
                    }
                }
            }
        }
        return listWanted ? SpanAnswers.sentence(c, 0.75) : Optional.empty();   // "کدام X": a sentence without X is no answer
    }

    /**
     * A head the article words otherwise ("کدام اماکن تاریخی" of an article on "مجموعه‌های تاریخی"): the term of the
     * adjective right after it, which the article writes, stands in for it; −1 when there is none.
     */
    private static int modifierOf(Question q, Question.Term head) {
        for (int k = 0; k < q.terms().size(); k++) {
            Question.Term t = q.terms().get(k);
            if (t.pos() == head.pos() + head.len() && !t.hits().isEmpty() && t.role() == Question.Role.NOUN) return k;
        }
        return -1;
    }

    /** Word {@code i} of sentence {@code d} is one of the question's required terms. */
    private static boolean requiredAt(Ctx c, int d, int i) {
        for (int k = 0; k < c.q.terms().size(); k++) {
            if (c.q.terms().get(k).required() && c.positions(d, k).contains(i)) return true;
        }
        return false;
    }

    /** A word with a plural ending: a head noun that asks for all of them (کدام بیمارستان‌ها), or a list's noun. */
    private static boolean plural(String head) {
        return head.endsWith("ها") || head.endsWith("های") || head.endsWith("هایی");
    }

    /**
     * "به مراکز درمانی A و B": a plural head's answer goes on over "و" and the next noun phrase, up to a word the
     * question has; {@code np} itself when no such phrase follows.
     */
    private static int coordinated(Ctx c, int doc, int np) {
        Doc d = c.doc(doc);
        if (np + 1 >= d.length() || !d.words[np].equals("و") || d.punctBefore(np) || d.punctBefore(np + 1)) return np;
        int limit = SpanAnswers.nounPhraseEnd(d, np + 1, 3);
        int k = np + 1;
        while (k < limit && !c.isQuestionWord(doc, k)) k++;
        return k > np + 1 ? k : np;
    }

    /**
     * The question's predicate (its event: راه‌اندازی of "کدام شرکت … راه‌اندازی کرد") is a verb of the clause of word
     * {@code at} — else the noun at {@code at} belongs to another clause of the sentence, or the event is only named
     * there ("در مراسم افتتاح"). True when the question has none.
     */
    static boolean predicateInClause(Ctx c, int d, int at) {
        Doc doc = c.doc(d);
        for (int k = 0; k < c.q.terms().size(); k++) {
            if (!c.q.terms().get(k).predicate() || !c.q.terms().get(k).required()) continue;
            for (int p : c.positions(d, k)) {
                if (!Ctx.verbAfter(doc, p)) continue;
                boolean clean = true;
                for (int i = Math.min(p, at) + 1; i <= Math.max(p, at) && clean; i++) clean = !doc.punctBefore(i);
                if (clean) return true;
            }
            return false;
        }
        return true;
    }

    /** A parenthesised list, or a comma list after شامل / از جمله …, within three words after {@code from}. */
    static String listAfter(Doc d, int from) {
        String bare = bareList(d, from);
        if (bare != null) return bare;
        for (int k = from; k <= Math.min(d.length(), from + 3); k++) {
            String gap = d.gapBefore(k);
            if (gap.contains("(") && k < d.length()) {
                int open = d.text().lastIndexOf('(', d.start[k]);
                int close = d.text().indexOf(')', open);
                if (open >= 0 && close > open) {
                    String inner = d.text().substring(open + 1, close).strip();
                    if (inner.contains("،") || inner.contains(",") || inner.contains(" و ")) return inner;
                }
                return null;
            }
            if (k > from && d.punctBefore(k)) return null;
            if (k < d.length()) {
                int len = Lang.phraseAt(LIST_OPENERS, d.words, k);
                String opened = len > 0 ? bareList(d, k + len) : null;    // "از جمله عراق، ترکیه، امارات و افغانستان"
                if (opened != null) return opened;
                if (len > 0) {
                    int end = SpanAnswers.clauseEnd(d, k + len, 15);
                    while (end > k + len && (Lang.LIGHT_VERBS.contains(d.words[end - 1]) || Lang.isVerbLike(d.words[end - 1]))) end--;
                    String items = d.span(k + len, end);
                    if (items.contains("،") || items.contains(",") || items.contains(" و ")) return items;
                }
            }
        }
        return null;
    }

    /**
     * A list written right after the head with no opener: "استان‌های تهران، اصفهان، خراسان رضوی و فارس در …" — items of
     * one to three nouns, at least two commas between them and و before the last; null when the words after the head
     * are not such a list.
     */
    static String bareList(Doc d, int from) {
        int end = bareListEnd(d, from);
        return end < 0 ? null : d.span(from, end);
    }

    /**
     * A written-out list may start at word {@code k}: right after a plural noun ("استان‌های | تهران، …") or an opener
     * ("از جمله | عراق، …") — not after any word, or "به گفته کرمانی، استان‌های تهران، …" would start at کرمانی.
     */
    static boolean listMayStartAt(Doc d, int k) {
        if (k <= 0 || k >= d.length() || d.punctBefore(k)) return false;
        String before = d.words[k - 1];
        return plural(before) || Lang.phraseEndingAt(LIST_OPENERS, d.words, k) > 0;
    }

    /** End of the list {@link #bareList} reads from {@code from}, or −1. */
    static int bareListEnd(Doc d, int from) {
        if (from <= 0 || from >= d.length() || d.punctBefore(from)) return -1;
        int k = from;
        int items = 0;
        int commas = 0;
        while (k < d.length()) {
            k = itemEnd(d, k);
            if (k < 0) return -1;
            items++;
            if (k < d.length() && isComma(d.gapBefore(k))) { commas++; continue; }
            if (k < d.length() && d.words[k].equals("و") && !d.punctBefore(k) && commas >= 1) {
                k = itemEnd(d, k + 1);
                return k < 0 || items + 1 < 3 ? -1 : k;
            }
            return -1;
        }
        return -1;
    }

    /**
     * End of one list item (one to three nouns, not the noun of a compound verb) from {@code start}, or −1. A dash
     * joins two such parts into one item: a route or a pairing ("میدان ساعت - ائل‌گلی").
     */
    private static int itemEnd(Doc d, int start) {
        int k = start;
        int max = 3;
        boolean dashed = false;
        while (k < d.length() && k - start < max && NounPhrases.isNoun(d.words[k]) && !(k > start && Ctx.verbAfter(d, k))) {
            if (k > start && d.punctBefore(k)) {
                if (dashed || !isDash(d.gapBefore(k))) break;
                dashed = true;
                max = k - start + 3;
            }
            k++;
        }
        return k == start ? -1 : k;
    }

    private static boolean isDash(String gap) {
        String g = gap.strip();
        return g.length() == 1 && (g.charAt(0) == '-' || g.charAt(0) >= '\u2010' && g.charAt(0) <= '\u2015');
    }

    private static boolean isComma(String gap) {
        String g = gap.strip();
        return g.equals("،") || g.equals(",");
    }

    private ListAnswers() {}
}
