package ir.peyk.answer;

import java.util.List;

/**
 * The answer to one question: extractive (the article's own words) or a decline ({@code answered == false}, with no
 * answer text: the bot says the article does not say).
 *
 * @param answer     the span that answers, or the answering sentence when no narrower span fits; null on decline
 * @param evidence   the sentence(s) the answer comes from
 * @param confidence 0..1
 */
public record Answer(String question, boolean answered, String answer, List<Evidence> evidence, double confidence) {
    public Answer {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public static Answer decline(String question) {
        return new Answer(question, false, null, List.of(), 0);
    }
}
