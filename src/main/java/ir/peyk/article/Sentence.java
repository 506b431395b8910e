package ir.peyk.article;

/**
 * One sentence of an article.
 *
 * @param index     0-based position among all the article's sentences (title first, then body, then footer)
 * @param paragraph 0-based paragraph number within its section
 * @param section   title, body or footer
 * @param text      the original text, for display
 * @param key       {@link ir.peyk.text.PersianText#key(String)} of {@code text}, for matching
 */
public record Sentence(int index, int paragraph, Section section, String text, String key) {}
