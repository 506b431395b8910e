package ir.peyk.handler;

import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.ArticleStats;
import ir.peyk.article.Statistics;
import ir.peyk.chart.ChartImage;
import ir.peyk.ingest.Sources;
import ir.peyk.text.JalaliDate;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** /stats and /source: what the article holds, and where it comes from. */
final class ArticleInfo {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleInfo.class);
    static final int KEYWORDS = 5;

    private final AnswerEngine engine;
    /** The article never changes under an engine, so its statistics are computed once. */
    private volatile ArticleStats stats;

    ArticleInfo(AnswerEngine engine) {
        this.engine = engine;
    }

    /**
     * The statistics as text; where the messenger takes photos, also as a chart (the text becomes its caption, or
     * follows it when too long for one). A messenger that refuses the photo, or a chart that cannot be drawn, leaves
     * the text alone — the answer never depends on the picture.
     */
    void stats(Turn turn, String args) throws TransportException {
        ArticleStats s = stats();
        List<ArticleStats.NumberMention> numbers = StatsChart.newsNumbers(s);
        StringBuilder b = new StringBuilder(turn.t("stats.title", "title", engine.article().title()));
        b.append("\n\n").append(StatsChart.counts(turn.i18n(), s));
        b.append('\n').append(StatsChart.readingTime(turn.i18n(), s));
        if (!s.keywords().isEmpty()) {
            String kw = s.keywords().stream().limit(KEYWORDS)
                    .map(k -> turn.t("stats.keyword", "term", k.term(), "count", k.count()))
                    .collect(Collectors.joining(turn.t("list.separator")));
            b.append("\n\n").append(turn.t("stats.keywords")).append(' ').append(kw);
        }
        if (!numbers.isEmpty()) {
            b.append("\n\n").append(turn.t("stats.numbers"));
            // A list of the figures is ours, not a quotation: its digits follow the reply's language.
            for (ArticleStats.NumberMention n : numbers) b.append("\n• ").append(turn.i18n().localDigits(n.text().strip()));
        }
        String text = b.toString();
        if (!sendChart(turn, s, text)) turn.reply(text);
    }

    /** Sends the chart (with {@code text} as caption when it fits); false when the text must go alone. */
    private boolean sendChart(Turn turn, ArticleStats s, String text)
            throws TransportException {
        Transport t = turn.ctx().transport();
        int captionMax = t.photoCaptionLength();
        if (captionMax <= 0 || turn.chat() == null) return false;
        byte[] png;
        try {
            png = ChartImage.png(StatsChart.of(turn.i18n(), s));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("the /stats chart could not be drawn, sending the text only: {}", e.toString());
            return false;
        }
        boolean captioned = text.length() <= captionMax;
        try {
            t.sendPhoto(turn.chat().id(), png, captioned ? text : "", turn.ctx().quotedMessage());
        } catch (TransportException e) {
            if (e.kind() != TransportException.Kind.REJECTED) throw e;
            LOG.info("{} refused the /stats chart ({}); sending the text", t.name(), e.getMessage());
            return false;
        } catch (UnsupportedOperationException e) {
            return false;
        }
        if (!captioned) turn.reply(text);
        return true;
    }

    void source(Turn turn, String args) throws TransportException {
        ArticleMeta m = engine.article().meta();
        String unknown = turn.t("source.unknown");
        StringBuilder b = new StringBuilder(turn.t("source.title", "title", orElse(m.title(), unknown)));
        b.append('\n').append(turn.t("source.outlet", "outlet", orElse(m.outlet(), unknown)));
        if (m.agency() != null && !m.agency().isBlank()) b.append('\n').append(turn.t("source.agency", "agency", m.agency()));
        LocalDate iso = m.publishedIso() != null ? m.publishedIso()
                : m.published() != null ? m.published().toGregorian() : null;
        String jalali = m.published() == null ? unknown : jalali(turn, m.published());
        String gregorian = iso == null ? unknown : gregorian(turn, iso);
        if (m.published() != null) b.append('\n').append(turn.t("source.date", "jalali", jalali, "gregorian", gregorian));
        else if (m.publishedDayMonth() != null) {           // a day and month without a year: the year is not known
            String dm = turn.t("date.format", "day", m.publishedDayMonth().day(), "month",
                    turn.t("jalali.month." + m.publishedDayMonth().month()), "year", "").strip();
            b.append('\n').append(turn.t("source.date", "jalali", dm, "gregorian", unknown));
        }
        if (m.time() != null && !m.time().isBlank()) {
            b.append('\n').append(turn.t("source.time", "time", turn.i18n().digits(m.time())));
        }
        if (m.service() != null) b.append('\n').append(turn.t("source.service", "service", m.service()));
        if (m.author() != null) b.append('\n').append(turn.t("source.author", "author", m.author()));
        // What the page did not give, by name (issue #11): "not on the page: date, author".
        List<String> missing = Sources.missing(m).stream().map(f -> turn.t("source.field." + f)).toList();
        if (!missing.isEmpty()) {
            b.append('\n').append(turn.t("source.missing", "fields", String.join(turn.t("list.separator"), missing)));
        }
        turn.reply(b.toString());
    }

    static String jalali(Turn turn, JalaliDate d) {
        return turn.t("date.format", "day", d.day(), "month", turn.t("jalali.month." + d.month()), "year", d.year());
    }

    static String gregorian(Turn turn, LocalDate d) {
        return turn.t("date.format", "day", d.getDayOfMonth(), "month", turn.t("gregorian.month." + d.getMonthValue()),
                "year", d.getYear());
    }

    private ArticleStats stats() {
        ArticleStats s = stats;
        if (s == null) {
            Article a = engine.article();
            stats = s = Statistics.of(a);
        }
        return s;
    }

    private static String orElse(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
