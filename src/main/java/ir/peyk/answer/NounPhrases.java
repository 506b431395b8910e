package ir.peyk.answer;

import ir.peyk.article.Section;
import ir.peyk.text.PersianText;
import java.util.List;
import java.util.Optional;

/**
 * Noun phrases read off a sentence by shape: the subject of a clause (its first noun phrase once clause-opening
 * adverbs and times are skipped), the doer after توسط / از سوی, and partitives ("بعضی از این پلتفرم‌ها") that run on
 * across their از. Used where the answer is a group or an organisation rather than a named person.
 */
final class NounPhrases {
    private static final int MAX_WORDS = 7;

    private NounPhrases() {}

    /**
     * "چه کسانی X را راه‌اندازی کرده‌اند" when the doer is a group or an organisation: the subject of the one body
     * sentence that holds every noun of the question (and most of it in all). Empty when no sentence does, when the
     * clause is passive with no doer named, or when two such sentences name different doers.
     */
    static Optional<Answer> doer(Ctx c) {
        int nouns = 0;
        for (Question.Term t : c.q.terms()) if (t.weight() >= 1) nouns++;
        if (nouns < 2) return Optional.empty();                   // too little of the question to pin one clause
        String found = null;
        Ranker.Scored at = null;
        int[] span = null;
        String preposition = prepositionAsked(c.q.words());
        for (Ranker.Scored s : c.candidates(0.85, 3, false)) {
            Doc d = c.doc(s.doc());
            if (d.section() != Section.BODY || !everyNounIn(c, s.doc())) continue;
            int[] subject = preposition != null ? objectOf(c, s.doc(), preposition) : doerOf(c, s.doc());
            if (subject == null || person(c, s.doc(), subject)) continue;   // a person: the person path's to answer
            String text = d.span(subject[0], subject[1]);
            if (found == null) {
                found = text;
                at = s;
                span = subject;
            } else if (c.veto(!PersianText.key(text).equals(PersianText.key(found)))) {
                return Optional.empty();                          // two sentences, two doers: not clear
            }
        }
        if (at == null) return Optional.empty();
        Doc d = c.doc(at.doc());
        return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(d.span(span[0], span[1]), d), List.of(Ctx.evidence(d)),
                Ctx.round(Ctx.confidence(c.coverage(at.doc(), false), true, at.score()) * 0.85)));
    }

    /** A person mention (a name, a title, دکتر …) overlaps words [span[0], span[1]) of sentence {@code d}. */
    private static boolean person(Ctx c, int d, int[] span) {
        for (People.Mention m : c.people.in(d)) if (m.from() < span[1] && m.to() > span[0]) return true;
        Doc doc = c.doc(d);
        for (int i = span[0]; i < span[1]; i++) {
            if (Lang.HONORIFICS.contains(doc.words[i]) || Lang.TITLES.contains(doc.words[i])) return true;
        }
        return false;
    }

    /**
     * "کدام X را شکست داد" / "با کدام X بازی می‌کند": the object of the question's event in the best sentence that
     * says that event — the noun phrase before را, or after the same preposition — when it holds none of the question's
     * words. Empty when the question's which-noun is no such object or no sentence has one.
     */
    static Optional<Answer> whichObject(Ctx c, int head) {
        String[] w = c.q.words();
        int which = head - 1;
        while (which >= 0 && !Lang.is(w[which], "which")) which--;
        if (which < 0) return Optional.empty();
        String preposition = which > 0 && Lang.is(w[which - 1], "preposition") ? w[which - 1] : null;
        boolean object = head + 1 < w.length && (w[head + 1].equals("را") || w[head + 1].equals("رو"));
        if (preposition == null && !object) return Optional.empty();
        boolean event = false;                      // without the question's event there is no clause to take it from
        for (Question.Term t : c.q.terms()) event |= t.predicate();
        if (!event) return Optional.empty();
        for (Ranker.Scored s : c.candidates(0.6, 3, false)) {
            Doc d = c.doc(s.doc());
            if (d.section() == Section.FOOTER) continue;
            int[] span = preposition != null ? objectOf(c, s.doc(), preposition) : objectBeforeRa(c, s.doc());
            if (span == null) continue;
            return Optional.of(new Answer(c.q.raw(), true, Ctx.compose(d.span(span[0], span[1]), d),
                    List.of(Ctx.evidence(d)), Ctx.round(Ctx.confidence(c.coverage(s.doc(), false), true, s.score()) * 0.9)));
        }
        return Optional.empty();
    }

    /** "… ژاپن را شکست داد": the noun phrase before the را of the clause whose verb is the question's event. */
    private static int[] objectBeforeRa(Ctx c, int d) {
        Doc doc = c.doc(d);
        if (!predicateIsVerb(c, d)) return null;
        for (int i = 1; i < doc.length(); i++) {
            if (!doc.words[i].equals("را") || doc.punctBefore(i) || !ListAnswers.predicateInClause(c, d, i)) continue;
            int from = i;
            while (from > 0 && i - from < 4 && !doc.punctBefore(from) && isNoun(doc.words[from - 1])
                    && !c.isQuestionWord(d, from - 1) && !inNumber(doc, from - 1)) from--;
            if (from < i) return new int[]{from, i};
        }
        return null;
    }

    private static boolean inNumber(Doc d, int i) {
        for (Doc.Span<?> n : d.numbers) if (i >= n.from() && i < n.to()) return true;
        return Character.isDigit(d.words[i].charAt(0)) || Lang.NUMBER_WORDS.contains(d.words[i]);
    }

    private static boolean everyNounIn(Ctx c, int d) {
        List<Question.Term> ts = c.q.terms();
        for (int k = 0; k < ts.size(); k++) if (ts.get(k).weight() >= 1 && !c.has(d, k)) return false;
        return true;
    }

    /** Words [from, to) of the doer of the clause that holds the question's words in sentence {@code d}, or null. */
    private static int[] doerOf(Ctx c, int d) {
        Doc doc = c.doc(d);
        int first = doc.length();
        for (int k = 0; k < c.q.terms().size(); k++) for (int p : c.positions(d, k)) first = Math.min(first, p);
        if (first >= doc.length()) return null;
        int start = first;                                    // the clause: back to punctuation, که or زیرا / چون …
        while (start > 0 && !doc.punctBefore(start) && !doc.words[start - 1].equals("که")
                && Lang.phraseEndingAt(Lang.REASON_MARKERS, doc.words, start) == 0) start--;
        int end = first;
        while (end < doc.length() && !(end > first && doc.punctBefore(end))) end++;
        for (int i = start; i < end; i++) {                     // passive with its doer: "توسط X", "از سوی X"
            int len = Lang.phraseAt(Lang.AGENT_MARKERS, doc.words, i);
            if (len == 0) continue;
            int to = phraseEnd(doc, i + len, end);
            return to > i + len ? new int[]{i + len, to} : null;
        }
        if (passive(c, d) || !predicateIsVerb(c, d)) return null;  // "X افتتاح شد": the doer is not said
        int from = skipOpeners(doc, start, first);
        int to = phraseEnd(doc, from, first);
        return to > from ? new int[]{from, to} : null;
    }

    /**
     * "به چه کسانی", "با چه کسانی", "از چه کسی": the preposition before the who-word — the question asks for that
     * preposition's object, not the doer. Null when the who-word has none.
     */
    static String prepositionAsked(String[] w) {
        for (int i = 1; i + 1 < w.length; i++) {
            if (w[i].equals("چه") && Lang.is(w[i + 1], "who-noun")) {
                return Lang.is(w[i - 1], "preposition") ? w[i - 1] : null;
            }
            if ((w[i].equals("کی") || w[i].equals("کیا")) && Lang.is(w[i - 1], "preposition")) return w[i - 1];
        }
        return null;
    }


    /**
     * "واکسن‌ها به چه کسانی تحویل داده شد": the noun phrase after the same preposition in the clause of the question's
     * event ("… به دانشگاه‌های علوم پزشکی تحویل داده شده"), not a question word itself; null when there is none.
     */
    private static int[] objectOf(Ctx c, int d, String preposition) {
        Doc doc = c.doc(d);
        if (!predicateIsVerb(c, d)) return null;
        int[] best = null;
        for (int i = 0; i + 1 < doc.length(); i++) {
            if (!doc.words[i].equals(preposition) || c.isQuestionWord(d, i + 1)) continue;
            int to = phraseEnd(doc, i + 1, doc.length());
            if (to <= i + 1 || !ListAnswers.predicateInClause(c, d, i + 1)) continue;
            boolean clean = true;
            for (int k = i + 1; k < to; k++) clean &= !c.isQuestionWord(d, k);
            if (clean && best == null) best = new int[]{i + 1, to};
        }
        return best;
    }

    /** The question's predicate stands in sentence {@code d} followed by a passive auxiliary (افتتاح شد). */
    private static boolean passive(Ctx c, int d) {
        Doc doc = c.doc(d);
        for (int k = 0; k < c.q.terms().size(); k++) {
            if (!c.q.terms().get(k).predicate()) continue;
            for (int p : c.positions(d, k)) {
                if (p + 1 < doc.length() && Lang.is(doc.words[p + 1], "passive")) return true;
            }
        }
        return false;
    }

    /**
     * The question's predicate is the sentence's verb too, not a noun inside a phrase: "چه کسی بودجه را تخصیص داد" is
     * not answered by "پلتفرم‌ها از تخصیص بودجه گلایه‌مند بودند".
     */
    private static boolean predicateIsVerb(Ctx c, int d) {
        Doc doc = c.doc(d);
        for (int k = 0; k < c.q.terms().size(); k++) {
            if (!c.q.terms().get(k).predicate()) continue;
            for (int p : c.positions(d, k)) if (Ctx.verbAfter(doc, p)) return true;
            return false;
        }
        return true;
    }

    /** Past the adverbs, times and dates that open a clause before its subject. */
    private static int skipOpeners(Doc d, int from, int limit) {
        int i = from;
        boolean moved = true;
        while (moved && i < limit) {
            moved = false;
            int len = Lang.phraseAt(Lang.CLAUSE_ADVERBS, d.words, i);
            if (len > 0) { i += len; moved = true; continue; }
            for (Doc.Span<?> s : d.relatives) if (s.from() == i && s.to() > i) { i = s.to(); moved = true; }
            for (Doc.Span<?> s : d.dates) if (s.from() == i && s.to() > i) { i = s.to(); moved = true; }
            if (!moved && i < limit && d.words[i].equals("روز") && i + 1 < limit && Lang.WEEKDAYS.contains(d.words[i + 1])) {
                i += 2;
                moved = true;
            }
        }
        return i;
    }

    /**
     * End of the noun phrase from {@code from} (before {@code limit}): content words, "و" between them, and a partitive's
     * "از (این)"; it stops at punctuation, a function word, a verb or را. {@code from} itself when none starts there.
     */
    static int phraseEnd(Doc d, int from, int limit) {
        int j = from;
        int partitive = Lang.phraseAt(Lang.PARTITIVES, d.words, from);
        if (partitive > 0 && from + partitive + 1 < limit && d.words[from + partitive].equals("از")) {
            j = from + partitive + 1;
            if (isDeterminer(d.words[j])) j++;
        }
        int nounFrom = j;
        while (j < limit && j - from < MAX_WORDS) {
            if (j > from && d.punctBefore(j)) break;
            int number = numberAt(d, j);                        // "بیش از ۸۵ هزار خانوار": the number, then its noun
            if (number > j) { j = Math.min(number, limit); continue; }
            String w = d.words[j];
            boolean inner = (w.equals("و") || isDeterminer(w)) && j > nounFrom && j + 1 < limit
                    && isNoun(d.words[j + 1]);                  // "پلتفرم‌ها و پیام‌رسان‌ها", "ساخت این مرکز"
            if (!inner && !isNoun(w) || j > nounFrom && Ctx.verbAfter(d, j)) break;   // "… ایران | تولید شده"
            j++;
        }
        while (j > nounFrom && d.words[j - 1].equals("و")) j--;
        return j > nounFrom ? j : from;
    }

    /**
     * "بعضی از این X": where the partitive that ends right before the noun at {@code head} starts; {@code head} when
     * there is none.
     */
    static int partitiveStart(Doc d, int head) {
        int k = head;
        if (k > 0 && isDeterminer(d.words[k - 1]) && !d.punctBefore(k)) k--;
        if (k < 2 || !d.words[k - 1].equals("از") || d.punctBefore(k) || d.punctBefore(k - 1)) return head;
        int len = Lang.phraseEndingAt(Lang.PARTITIVES, d.words, k - 1);
        return len > 0 ? k - 1 - len : head;
    }

    /** End of the number (with its qualifier and unit) that starts at word {@code i}, or {@code i}. */
    private static int numberAt(Doc d, int i) {
        for (Doc.Span<?> n : d.numbers) if (n.from() == i && n.to() > i) return n.to();
        return i;
    }

    private static boolean isDeterminer(String w) {
        return Lang.is(w, "determiner");
    }

    static boolean isNoun(String w) {
        return !Lang.isFunctionWord(w) && !Lang.isVerbLike(w) && !Lang.REPORTING_WORDS.contains(w)
                && !Lang.PRONOUNS.contains(w);
    }
}
