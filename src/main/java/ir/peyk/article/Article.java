package ir.peyk.article;

import java.util.List;

/**
 * A parsed article: immutable, shared by every reader.
 *
 * @param id        content hash (stable: re-ingesting the same text gives the same id)
 * @param meta      title, outlet, dates
 * @param sentences all sentences in order: the title (section TITLE), the body, then the footer
 * @param raw       the text as ingested
 */
public record Article(String id, ArticleMeta meta, List<Sentence> sentences, String raw) {
    public Article {
        sentences = List.copyOf(sentences);
    }

    public List<Sentence> body() {
        return sentences.stream().filter(s -> s.section() == Section.BODY).toList();
    }

    public List<Sentence> footer() {
        return sentences.stream().filter(s -> s.section() == Section.FOOTER).toList();
    }

    public String title() {
        return meta.title();
    }
}
