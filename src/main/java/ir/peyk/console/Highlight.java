package ir.peyk.console;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleStats;
import ir.peyk.article.DateExtractor;
import ir.peyk.article.NumberExtractor;
import ir.peyk.article.Sentence;
import ir.peyk.handler.I18n;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The article's text with the numbers and dates the extractors found marked, and the keyword chart. */
final class Highlight {
    private record Span(int start, int end, String kind, String title) {}

    private Highlight() {}

    /** The body, one {@code <p>} per paragraph; every piece of text escaped, marks added around found spans. */
    static String body(Article a) {
        StringBuilder b = new StringBuilder("<div id=\"article-text\" class=\"article-text\">");
        int paragraph = Integer.MIN_VALUE;
        for (Sentence s : a.body()) {
            if (s.paragraph() != paragraph) {
                if (paragraph != Integer.MIN_VALUE) b.append("</p>");
                b.append("<p dir=\"auto\">");
                paragraph = s.paragraph();
            } else {
                b.append(' ');
            }
            b.append(marked(s.text(), a.meta().published()));
        }
        if (paragraph != Integer.MIN_VALUE) b.append("</p>");
        return b.append("</div>").toString();
    }

    static String marked(String text, ir.peyk.text.JalaliDate reference) {
        List<Span> spans = new ArrayList<>();
        for (DateExtractor.DateMatch d : DateExtractor.extract(text, reference)) {
            spans.add(new Span(d.start(), d.end(), "date", d.jalali() + " = " + d.gregorian()));
        }
        for (NumberExtractor.NumberMatch n : NumberExtractor.extract(text)) {
            spans.add(new Span(n.start(), n.end(), "num", String.valueOf(n.number()) + (n.unit() == null ? "" : " " + n.unit())));
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -s.end()));
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at || s.end() > text.length() || s.start() >= s.end()) continue; // overlaps a date: the date wins
            b.append(Html.esc(text.substring(at, s.start()))).append("<mark class=\"").append(s.kind()).append("\" title=\"")
                    .append(Html.esc(s.title())).append("\">").append(Html.esc(text.substring(s.start(), s.end()))).append("</mark>");
            at = s.end();
        }
        return b.append(Html.esc(text.substring(at))).toString();
    }

    /**
     * Horizontal bars as SVG (attributes, not inline styles: the page's CSP allows no style attributes). The bars
     * grow from the side the text starts on.
     */
    static String keywordChart(List<ArticleStats.Keyword> keywords, String caption, String lang) {
        if (keywords.isEmpty()) return "";
        int max = keywords.stream().mapToInt(ArticleStats.Keyword::count).max().orElse(1);
        boolean rtl = !"en".equals(lang);
        int rowH = 22;
        int width = 320;
        int labelW = 110;
        int barMax = width - labelW - 40;
        // The SVG is laid out left to right whatever the page's direction (an inherited rtl flips every anchor);
        // a Persian label anchored at its end still reads right to left on its own.
        StringBuilder b = new StringBuilder("<figure id=\"keywords\"><figcaption>").append(Html.esc(caption))
                .append("</figcaption><svg class=\"chart\" role=\"img\" direction=\"ltr\" viewBox=\"0 0 ").append(width).append(' ')
                .append(keywords.size() * rowH).append("\">");
        for (int i = 0; i < keywords.size(); i++) {
            ArticleStats.Keyword k = keywords.get(i);
            int w = Math.max(2, k.count() * barMax / max);
            int y = i * rowH;
            int labelX = rtl ? width - 2 : labelW - 6;
            int barX = rtl ? width - labelW - w : labelW;
            int countX = rtl ? barX - 4 : barX + w + 4;
            b.append("<text x=\"").append(labelX).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(Html.esc(k.term())).append("</text><rect x=\"").append(barX).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(w).append("\" height=\"").append(rowH - 8).append("\"></rect><text x=\"")
                    .append(countX).append("\" y=\"").append(y + 15).append("\" text-anchor=\"").append(rtl ? "end" : "start")
                    .append("\">").append(I18n.of(lang).digits(Integer.toString(k.count()))).append("</text>");
        }
        return b.append("</svg></figure>").toString();
    }
}
