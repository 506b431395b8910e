package ir.peyk.answer;

import java.util.List;

/**
 * A question as the engine understands it.
 *
 * @param raw      the question as asked (capped)
 * @param words    its words in key space
 * @param type     the expected answer type, decided before stopwords were removed
 * @param terms    content terms, each with the article words it matches
 * @param head     the head noun of "کدام X / چه X / نام X / چند X", or null
 * @param units    unit constraint of a NUMBER question: canonical unit (from units.txt) or null
 * @param scale    scale word value the question asks in (میلیون → 1e6), or 0
 * @param english  the question is written in Latin letters
 * @param fallback the other reading of an ambiguous question word (کی: who or when), tried when the first finds
 *                 nothing; null when unambiguous
 * @param news     the header field asked for when the question is about the news item itself (its headline, agency,
 *                 outlet, date or time), else null
 */
record Question(String raw, String[] words, AnswerType type, List<Term> terms, Term head, String units, double scale,
                boolean english, AnswerType fallback, NewsAnswers.Field news) {

    /**
     * A content term.
     *
     * @param text      key-space text (a joined form such as پیامرسانهای when the question split it)
     * @param pos       first question word it covers
     * @param len       number of question words it covers
     * @param weight    1 for nouns and names, less for verbs and unit words
     * @param required  the answer must not be given when this term is not in the article
     * @param role      NOUN, or the non-verbal part of the question's last verb: EVENT (راه‌اندازی of "راه‌اندازی
     *                  کرد") or STATE (پر of "پر است")
     * @param hits      the article words it matches
     */
    record Term(String text, int pos, int len, double weight, boolean required, Role role, List<TermMatcher.Hit> hits) {
        /** The term names the event the question asks about. */
        boolean predicate() {
            return role == Role.EVENT;
        }

        boolean matched() {
            return !hits.isEmpty();
        }
    }

    /** What a term is to the question's verb. */
    enum Role { NOUN, EVENT, STATE }

    /** Weighted share of the terms found anywhere in the article. */
    double articleCoverage() {
        double all = 0;
        double got = 0;
        for (Term t : terms) {
            all += t.weight();
            if (t.matched()) got += t.weight();
        }
        return all == 0 ? 0 : got / all;
    }

    /**
     * A noun of the question (not its verb) that the article never writes: "هزینه بلیت اتوبوس" of an article without
     * buses. Its other words may all be there, but the question is about something the article does not cover.
     */
    boolean nounMissing() {
        for (Term t : terms) if (t.weight() >= 1 && t.role() == Role.NOUN && !t.matched()) return true;
        return false;
    }

    boolean requiredMissing() {
        for (Term t : terms) if (t.required() && !t.matched()) return true;
        return false;
    }
}
