package ir.peyk.adapter;

/** One inline-query result: an article-type result whose message is {@code text}. */
public record InlineResult(String id, String title, String description, String text) {}
