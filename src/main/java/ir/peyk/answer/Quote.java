package ir.peyk.answer;

/**
 * A direct quote.
 *
 * @param speaker  who said it, resolved from pronouns and titles to the named person where the article names them
 * @param title    the speaker's title as the article gives it (e.g. a ministry post), or null
 * @param verb     the reporting verb as written (گفت, افزود, تاکید کرد …)
 * @param text     the quoted words
 * @param sentence the index of the sentence it stands in
 */
public record Quote(String speaker, String title, String verb, String text, int sentence) {}
