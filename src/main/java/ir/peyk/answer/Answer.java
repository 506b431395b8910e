package ir.peyk.answer;

import java.util.List;

/**
 * The answer to one question: extractive (the article's own words) or a decline ({@code answered == false}, with no
 * answer text: the bot says the article does not say).
 *
 * @param answer     the span that answers, or the answering sentence when no narrower span fits; null on decline
 * @param evidence   the sentence(s) the answer comes from
 * @param confidence 0..1
 * @param kind       a typed span with its sentence, the best-matching sentence(s) as what the article says, or a
 *                   decline
 */
public record Answer(String question, boolean answered, String answer, List<Evidence> evidence, double confidence,
                     Kind kind) {
    /** The three outcomes of answering. */
    public enum Kind {
        /** A span of the asked type (a name, a number, a date …) found in a well-matched sentence. */
        SPAN,
        /** The best-matching sentence(s), given as what the article says: no typed span was certain. */
        SENTENCE,
        /** The article does not match the question. */
        DECLINE
    }

    public Answer {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (kind == null) kind = answered ? Kind.SPAN : Kind.DECLINE;
    }

    /** A typed answer (or a decline when {@code answered} is false). */
    public Answer(String question, boolean answered, String answer, List<Evidence> evidence, double confidence) {
        this(question, answered, answer, evidence, confidence, null);
    }

    public static Answer decline(String question) {
        return new Answer(question, false, null, List.of(), 0, Kind.DECLINE);
    }
}
