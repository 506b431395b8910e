package ir.peyk.handler;

import ir.peyk.adapter.TransportException;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.ArticleStats;
import ir.peyk.article.Statistics;
import ir.peyk.ingest.Sources;
import ir.peyk.text.JalaliDate;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** /stats and /source: what the article holds, and where it comes from. */
final class ArticleInfo {
    static final int KEYWORDS = 5;
    static final int NUMBERS = 6;

    private final AnswerEngine engine;
    /** The article never changes under an engine, so its statistics are computed once. */
    private volatile ArticleStats stats;

    ArticleInfo(AnswerEngine engine) {
        this.engine = engine;
    }

    void stats(Turn turn, String args) throws TransportException {
        ArticleStats s = stats();
        StringBuilder b = new StringBuilder(turn.t("stats.title", "title", engine.article().title()));
        b.append("\n\n").append(turn.t("stats.counts", "words", s.words(), "unique", s.uniqueWords(),
                "sentences", s.sentences(), "paragraphs", s.paragraphs()));
        int seconds = Math.max(0, s.readingTimeSeconds());
        b.append('\n').append(seconds < 60 ? turn.t("stats.readingSeconds", "s", Math.max(1, seconds))
                : turn.t("stats.readingMinutes", "m", (seconds + 30) / 60));
        if (!s.keywords().isEmpty()) {
            String kw = s.keywords().stream().limit(KEYWORDS)
                    .map(k -> turn.t("stats.keyword", "term", k.term(), "count", k.count()))
                    .collect(Collectors.joining(turn.t("list.separator")));
            b.append("\n\n").append(turn.t("stats.keywords")).append(' ').append(kw);
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (ArticleStats.NumberMention n : s.numbers()) {
            // The footer's numbers are the aggregator's legal boilerplate, not the news.
            if ("footer".equals(n.section()) || n.text() == null || n.text().isBlank()) continue;
            numbers.add(n.text().strip());
            if (numbers.size() == NUMBERS) break;
        }
        if (!numbers.isEmpty()) {
            b.append("\n\n").append(turn.t("stats.numbers"));
            for (String n : numbers) b.append("\n• ").append(n);
        }
        turn.reply(b.toString());
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
