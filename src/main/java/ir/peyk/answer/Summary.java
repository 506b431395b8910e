package ir.peyk.answer;

import java.util.List;

/** An extractive summary: body sentences in article order, and a one-line gist. */
public record Summary(List<Evidence> sentences, String gist) {
    public Summary {
        sentences = List.copyOf(sentences);
    }

    public String text() {
        return String.join(" ", sentences.stream().map(Evidence::text).toList());
    }
}
