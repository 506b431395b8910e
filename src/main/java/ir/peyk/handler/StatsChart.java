package ir.peyk.handler;

import ir.peyk.article.ArticleStats;
import ir.peyk.chart.BarChart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /stats as a picture: the same content as the text (counts, reading time, top keywords, the news's numbers), worded
 * in the chat's language, as a {@link BarChart}. Keywords are bars of their counts; numbers are bars of their values,
 * scaled within their unit (40 million people and 3 percent are not drawn to one scale).
 */
final class StatsChart {
    /** The chart has room for more keywords than the text line. */
    static final int KEYWORDS = 8;

    private StatsChart() {}

    static BarChart of(Turn turn, String title, ArticleStats s, List<ArticleStats.NumberMention> numbers) {
        List<String> facts = List.of(ArticleInfo.counts(turn, s), ArticleInfo.readingTime(turn, s));
        List<BarChart.Bar> keywordBars = new ArrayList<>();
        int top = s.keywords().stream().limit(KEYWORDS).mapToInt(ArticleStats.Keyword::count).max().orElse(0);
        for (ArticleStats.Keyword k : s.keywords().subList(0, Math.min(KEYWORDS, s.keywords().size()))) {
            keywordBars.add(new BarChart.Bar(k.term(), k.count(), top, turn.i18n().number(k.count())));
        }
        Map<String, Double> maxByUnit = new HashMap<>();
        for (ArticleStats.NumberMention n : numbers) maxByUnit.merge(unit(n), value(n), Math::max);
        List<BarChart.Bar> numberBars = numbers.stream()
                .map(n -> new BarChart.Bar(turn.i18n().localDigits(n.text().strip()), value(n), maxByUnit.get(unit(n)), ""))
                .toList();
        return new BarChart(title, facts, List.of(
                new BarChart.Section(heading(turn, "stats.keywords"), keywordBars),
                new BarChart.Section(heading(turn, "stats.numbers"), numberBars)),
                turn.t("stats.chartEmpty"), "fa".equals(turn.lang()));
    }

    private static String unit(ArticleStats.NumberMention n) {
        return n.unit() == null ? "" : n.unit();
    }

    private static double value(ArticleStats.NumberMention n) {
        return n.value() == null ? 0 : Math.abs(n.value().doubleValue());
    }

    /** A text heading ("Keywords:") without its colon, which a picture's heading does not need. */
    private static String heading(Turn turn, String key) {
        return turn.t(key).replaceAll("[:：]\\s*$", "");
    }
}
