package ir.peyk.answer;

/** A sentence of the article that supports an answer: its index in {@code Article.sentences()} and its text. */
public record Evidence(int sentence, String text) {}
