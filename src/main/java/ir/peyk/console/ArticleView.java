package ir.peyk.console;

import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.Quote;
import ir.peyk.answer.Summary;
import ir.peyk.answer.Evidence;
import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.ArticleParser;
import ir.peyk.article.ArticleStats;
import ir.peyk.article.Statistics;
import ir.peyk.handler.I18n;
import ir.peyk.store.ArticleRepository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The article page: the stored articles and the default one; ingesting a text (pasted, or a file read into the form
 * by the page) or a URL, with a preview that is stored and made the default only when the admin says so; and the
 * parsed article — title, outlet, dates in both calendars, quotes with speakers, the text with numbers and dates
 * marked, the summary, the statistics with a keyword chart.
 */
final class ArticleView {
    private final Console console;
    private final ArticleFetcher fetcher = new ArticleFetcher();
    /** Each session's previewed article, until stored or replaced by another preview. */
    private final Map<String, Article> drafts = new ConcurrentHashMap<>();

    ArticleView(Console console) {
        this.console = console;
    }

    void handle(Exchange x) throws Exception {
        switch (x.path) {
            case "/console/article" -> page(x, null);
            case "/console/article/preview" -> preview(x);
            case "/console/article/save" -> save(x);
            case "/console/article/default" -> makeDefault(x);
            default -> x.text(404, "not found");
        }
    }

    private void preview(Exchange x) throws Exception {
        if (!x.isPost()) {
            x.redirect("/console/article");
            return;
        }
        String text = x.field("text", ConsoleHandler.MAX_FORM_BYTES);
        String url = x.field("url");
        Article a;
        try {
            if (text != null && !text.isBlank()) {
                a = ArticleParser.parse(text.getBytes(StandardCharsets.UTF_8));
            } else if (url != null && !url.isBlank()) {
                a = ArticleParser.parse(fetcher.fetch(url.strip()));
            } else {
                page(x, x.lang.equals("en") ? "Paste the article's text, choose a file or give a URL."
                        : "متن خبر را بچسبانید، فایلی برگزینید یا نشانی بدهید.");
                return;
            }
        } catch (ArticleException | ArticleFetcher.FetchException e) {
            page(x, e.getMessage());
            return;
        }
        drafts.put(x.session.id(), a);
        String l = x.lang;
        String body = "<section class=\"card\"><h1>" + Labels.t(l, "article.previewOf") + "</h1>"
                + "<form method=\"post\" action=\"/console/article/save\">" + Html.csrf(x.session)
                + "<input type=\"hidden\" name=\"id\" value=\"" + Html.esc(a.id()) + "\"><button id=\"save\">"
                + Labels.t(l, "article.save") + "</button></form></section>" + render(a, new AnswerEngine(a), l);
        x.html(200, Layout.page(x, "article", Labels.t(l, "article.previewOf"), body));
    }

    private void save(Exchange x) throws Exception {
        Article a = drafts.get(x.session.id());
        if (!x.isPost() || a == null || !a.id().equals(x.field("id"))) {
            page(x, x.lang.equals("en") ? "That preview is gone; preview the article again."
                    : "آن پیش‌نمایش دیگر نیست؛ دوباره پیش‌نمایش بگیرید.");
            return;
        }
        console.articles().makeDefault(a);
        drafts.remove(x.session.id());
        x.redirect("/console/article?saved=1");
    }

    private void makeDefault(Exchange x) throws Exception {
        Optional<Article> a = x.isPost() ? console.repository().find(String.valueOf(x.field("id"))) : Optional.empty();
        if (a.isEmpty()) {
            page(x, x.lang.equals("en") ? "No such article." : "چنین خبری نیست.");
            return;
        }
        console.articles().makeDefault(a.get());
        x.redirect("/console/article?saved=1");
    }

    private void page(Exchange x, String error) {
        String l = x.lang;
        StringBuilder b = new StringBuilder();
        if (error != null) b.append("<p class=\"error\" id=\"article-error\">").append(Html.bdi(error)).append("</p>");
        if ("1".equals(x.query("saved"))) b.append("<p class=\"notice\" id=\"saved\">").append(Labels.t(l, "article.saved")).append("</p>");
        b.append("<section class=\"card\"><h2>").append(Labels.t(l, "article.stored")).append("</h2>");
        List<ArticleRepository.Listing> list = console.repository().list();
        if (list.isEmpty()) b.append("<p>").append(Labels.t(l, "article.none")).append("</p>");
        else {
            b.append("<ul id=\"articles\">");
            for (ArticleRepository.Listing a : list) {
                b.append("<li><a href=\"/console/article?id=").append(Html.esc(a.id())).append("\">").append(Html.bdi(a.title()))
                        .append("</a> <span class=\"muted\">").append(Html.bdi(a.outlet())).append("</span>");
                if (a.isDefault()) b.append(" <strong>(").append(Labels.t(l, "article.default")).append(")</strong>");
                else b.append(" <form method=\"post\" action=\"/console/article/default\" class=\"inline-form\">")
                        .append(Html.csrf(x.session)).append("<input type=\"hidden\" name=\"id\" value=\"").append(Html.esc(a.id()))
                        .append("\"><button class=\"secondary\">").append(Labels.t(l, "article.default")).append("</button></form>");
                b.append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</section><section class=\"card\"><h2>").append(Labels.t(l, "article.ingest")).append("</h2>")
                .append("<form method=\"post\" action=\"/console/article/preview\" id=\"ingest\">").append(Html.csrf(x.session))
                .append("<label>").append(Labels.t(l, "article.text")).append("<br><input type=\"file\" id=\"file\" accept=\"text/plain,.txt\">")
                .append("<textarea name=\"text\" id=\"article-text\" dir=\"auto\"></textarea></label>")
                .append("<label>").append(Labels.t(l, "article.url")).append(" <input name=\"url\" id=\"article-url\" type=\"url\" dir=\"ltr\"></label> ")
                .append("<button id=\"preview\">").append(Labels.t(l, "article.preview")).append("</button></form></section>");
        String id = x.query("id");
        AnswerEngine current = console.articles().engine();
        Article shown = id == null || id.equals(current.article().id()) ? current.article()
                : console.repository().find(id).orElse(null);
        if (shown != null) b.append(render(shown, shown == current.article() ? current : new AnswerEngine(shown), l));
        x.html(200, Layout.page(x, "article", Labels.t(l, "nav.article"), b.toString()));
    }

    /** The parsed article, every piece of its text escaped. */
    static String render(Article a, AnswerEngine engine, String l) {
        ArticleMeta m = a.meta();
        ArticleStats stats = Statistics.of(a);
        StringBuilder b = new StringBuilder("<article id=\"article\" class=\"card\"><h1 id=\"article-title\" dir=\"auto\">")
                .append(Html.esc(m.title())).append("</h1><dl class=\"meta\">");
        meta(b, Labels.t(l, "article.outlet"), m.outlet());
        meta(b, Labels.t(l, "article.agency"), m.agency());
        if (m.published() != null || m.publishedIso() != null) {
            // Each part isolated: an ISO date or a time set inside right-to-left text would otherwise read reversed.
            StringBuilder d = new StringBuilder();
            if (m.published() != null) d.append(Html.bdi(I18n.of(l).digits(m.published().display()))).append(" · ");
            d.append("<bdi dir=\"ltr\">").append(Html.esc(String.valueOf(m.publishedIso() != null ? m.publishedIso()
                    : m.published().toGregorian()))).append("</bdi>");
            if (m.time() != null && !m.time().isBlank()) d.append(" · <bdi dir=\"ltr\">").append(Html.esc(m.time())).append("</bdi>");
            b.append("<dt>").append(Labels.t(l, "article.date")).append("</dt><dd id=\"article-date\">").append(d).append("</dd>");
        }
        b.append("</dl>");

        Summary summary = engine.summary(3);
        b.append("<h2>").append(Labels.t(l, "article.summary")).append("</h2><div id=\"summary\" class=\"prewrap\" dir=\"auto\">");
        for (Evidence e : summary.sentences()) b.append("<p>").append(Html.esc(e.text())).append("</p>");
        b.append("</div>");

        List<Quote> quotes = engine.quotes();
        if (!quotes.isEmpty()) {
            b.append("<h2>").append(Labels.t(l, "article.quotes")).append("</h2><div id=\"quotes\">");
            for (Quote q : quotes) {
                b.append("<blockquote dir=\"auto\"><strong>").append(Html.esc(q.speaker())).append("</strong>");
                if (q.title() != null && !q.title().isBlank()) b.append(" <span class=\"muted\">(").append(Html.esc(q.title())).append(")</span>");
                if (q.verb() != null) b.append(' ').append(Html.esc(q.verb()));
                b.append(": «").append(Html.esc(q.text())).append("»</blockquote>");
            }
            b.append("</div>");
        }

        b.append("<h2>").append(Labels.t(l, "article.text.title")).append("</h2>").append(Highlight.body(a));

        b.append("<h2>").append(Labels.t(l, "article.stats")).append("</h2><p id=\"stats\">")
                .append(digits(l, stats.words())).append(' ').append(Labels.t(l, "article.words")).append(" · ")
                .append(digits(l, stats.sentences())).append(' ').append(Labels.t(l, "article.sentences")).append(" · ")
                .append(digits(l, stats.paragraphs())).append(' ').append(Labels.t(l, "article.paragraphs")).append("</p>")
                .append(Highlight.keywordChart(stats.keywords(), Labels.t(l, "article.keywords"), l));
        return b.append("</article>").toString();
    }

    private static String digits(String lang, int n) {
        return I18n.of(lang).digits(Integer.toString(n));
    }

    private static void meta(StringBuilder b, String label, String value) {
        if (value == null || value.isBlank()) return;
        b.append("<dt>").append(label).append("</dt><dd>").append(Html.bdi(value)).append("</dd>");
    }
}
