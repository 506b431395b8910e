package ir.peyk.handler;

import ir.peyk.article.ArticleStats;
import ir.peyk.chart.BarChart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /stats as a picture: the same content as the text (counts, reading time, top keywords, the news's numbers), worded
 * in the chat's language, as a {@link BarChart}. Keywords are bars of their counts; numbers are bars of their values,
 * scaled within their unit (40 million people and 3 percent are not drawn to one scale). Public for
 * {@code peyk stats --chart}, which draws the same picture.
 */
public final class StatsChart {
    /** The chart has room for more keywords than the text line. */
    static final int KEYWORDS = 8;
    /** How many of the news's numbers are listed. */
    static final int NUMBERS = 6;

    private StatsChart() {}

    /** The chart of {@code s} in {@code i18n}'s language (right to left in Persian). */
    public static BarChart of(I18n i18n, ArticleStats s) {
        List<String> facts = List.of(counts(i18n, s), readingTime(i18n, s));
        List<BarChart.Bar> keywordBars = new ArrayList<>();
        List<ArticleStats.Keyword> keywords = s.keywords().subList(0, Math.min(KEYWORDS, s.keywords().size()));
        int top = keywords.stream().mapToInt(ArticleStats.Keyword::count).max().orElse(0);
        for (ArticleStats.Keyword k : keywords) {
            keywordBars.add(new BarChart.Bar(k.term(), k.count(), top, i18n.number(k.count())));
        }
        List<ArticleStats.NumberMention> numbers = newsNumbers(s);
        Map<String, Double> maxByUnit = new HashMap<>();
        for (ArticleStats.NumberMention n : numbers) maxByUnit.merge(unit(n), value(n), Math::max);
        List<BarChart.Bar> numberBars = numbers.stream()
                .map(n -> new BarChart.Bar(i18n.localDigits(n.text().strip()), value(n), maxByUnit.get(unit(n)), ""))
                .toList();
        return new BarChart(s.title(), facts, List.of(
                new BarChart.Section(heading(i18n, "stats.keywords"), keywordBars),
                new BarChart.Section(heading(i18n, "stats.numbers"), numberBars)),
                i18n.t("stats.chartEmpty"), "fa".equals(i18n.lang()));
    }

    static String counts(I18n i18n, ArticleStats s) {
        return i18n.t("stats.counts", "words", s.words(), "unique", s.uniqueWords(), "sentences", s.sentences(),
                "paragraphs", s.paragraphs());
    }

    static String readingTime(I18n i18n, ArticleStats s) {
        int seconds = Math.max(0, s.readingTimeSeconds());
        return seconds < 60 ? i18n.t("stats.readingSeconds", "s", Math.max(1, seconds))
                : i18n.t("stats.readingMinutes", "m", (seconds + 30) / 60);
    }

    /** The numbers of the news, first mention of each, at most {@link #NUMBERS}. */
    static List<ArticleStats.NumberMention> newsNumbers(ArticleStats s) {
        Set<String> seen = new LinkedHashSet<>();
        List<ArticleStats.NumberMention> out = new ArrayList<>();
        for (ArticleStats.NumberMention n : s.numbers()) {
            // The footer's numbers are the aggregator's legal boilerplate, not the news.
            if ("footer".equals(n.section()) || n.text() == null || n.text().isBlank()) continue;
            if (!seen.add(n.text().strip())) continue;
            out.add(n);
            if (out.size() == NUMBERS) break;
        }
        return out;
    }

    private static String unit(ArticleStats.NumberMention n) {
        return n.unit() == null ? "" : n.unit();
    }

    private static double value(ArticleStats.NumberMention n) {
        return n.value() == null ? 0 : Math.abs(n.value().doubleValue());
    }

    /** A text heading ("Keywords:") without its colon, which a picture's heading does not need. */
    private static String heading(I18n i18n, String key) {
        return i18n.t(key).replaceAll("[:：]\\s*$", "");
    }
}
