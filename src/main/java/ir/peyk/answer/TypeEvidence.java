package ir.peyk.answer;

import ir.peyk.article.NumberExtractor;
import java.util.List;

/**
 * Whether a candidate holds the kind of thing a question asks for — a number for "چند", a date or weekday for "کی /
 * چه روزی", a person for "چه کسی", a reason marker for "چرا" — without extracting it. A cheap read that the decision
 * weighs; it never vetoes by itself.
 */
final class TypeEvidence {
    enum Found { YES, NO, UNKNOWN }

    private TypeEvidence() {}

    static Found of(Question q, Doc d, People people, List<NumberExtractor.NumberMatch> questionNumbers) {
        return switch (q.type()) {
            case NUMBER -> found(hasNumber(d, questionNumbers) || QuantityAnswers.asksOrdinal(q) && hasOrdinal(d));
            case DATE -> found(!d.dates.isEmpty() || !d.relatives.isEmpty() || hasAny(d, Lang.WEEKDAYS)
                    || hasAny(d, Lang.MONTHS) || hasYear(d));
            case PERSON, SPEAKER -> found(named(q, people, d));
            case QUOTE -> found(people.speakerIn(d.index()) != null || d.text().contains("«"));
            case REASON -> found(hasPhrase(d, Lang.REASON_MARKERS) || hasPhrase(d, Lang.RESULT_MARKERS) || saysWhyNot(q, d));
            case LOCATION -> found(placeAfterPreposition(d) || hasPlaceNoun(d));
            default -> Found.UNKNOWN;
        };
    }

    /**
     * A person the sentence names (not only by a title: "معاون استاندار" alone does not say who) — with the title the
     * question asks about, when it asks about one.
     */
    private static boolean named(Question q, People people, Doc d) {
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (String w : q.words()) if (Lang.TITLES.contains(w)) titles.add(w);
        for (People.Mention m : people.in(d.index())) {
            if (m.person().name == null) continue;
            if (titles.isEmpty()) return true;
            for (String t : titles) if (m.person().titleWords.contains(t)) return true;
        }
        return false;
    }

    /** An ordinal word (دومین، چهل‌ودومین). */
    private static boolean hasOrdinal(Doc d) {
        for (String w : d.words) if (QuantityAnswers.isOrdinal(w)) return true;
        return false;
    }

    /** A year written as a number (۱۴۰۲، 2018). */
    private static boolean hasYear(Doc d) {
        for (Doc.Span<NumberExtractor.NumberMatch> n : d.numbers) {
            double v = n.match().value();
            if (n.match().unit() == null && (v >= 1300 && v <= 1500 || v >= 1900 && v <= 2100) && v == Math.rint(v)) return true;
        }
        return false;
    }

    /**
     * "چرا X بازی نمی‌کند": a why-not is answered by a sentence that says what could not or did not happen ("آنها
     * نتوانستند تیمشان را آماده کنند"), with or without a reason marker.
     */
    private static boolean saysWhyNot(Question q, Doc d) {
        return SpanAnswers.hasNegativeVerb(q.words()) && SpanAnswers.hasNegativeVerb(d.words);
    }

    private static Found found(boolean yes) {
        return yes ? Found.YES : Found.NO;
    }

    /** A number other than one the question itself states. */
    private static boolean hasNumber(Doc d, List<NumberExtractor.NumberMatch> questionNumbers) {
        for (Doc.Span<NumberExtractor.NumberMatch> n : d.numbers) if (!QuantityAnswers.inQuestion(questionNumbers, n)) return true;
        return false;
    }

    private static boolean hasAny(Doc d, java.util.Set<String> words) {
        for (String w : d.words) if (words.contains(w)) return true;
        return false;
    }

    /** A place named after a preposition (در تونس، به شیلی): not one that only qualifies a noun (شرکت … ایران). */
    private static boolean placeAfterPreposition(Doc d) {
        for (int i = 1; i < d.length(); i++) {
            if (Lang.ONE_WORD_PLACES.contains(d.words[i]) && Lang.is(d.words[i - 1], "preposition")) return true;
        }
        return false;
    }

    private static boolean hasPlaceNoun(Doc d) {
        for (int i = 0; i + 1 < d.length(); i++) if (d.words[i].equals("در") && Lang.isPlaceNoun(d.words[i + 1])) return true;
        return false;
    }

    private static boolean hasPhrase(Doc d, List<String[]> phrases) {
        for (int i = 0; i < d.length(); i++) if (Lang.phraseAt(phrases, d.words, i) > 0) return true;
        return false;
    }
}
