package ir.peyk.cli;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.ArticleStats;
import ir.peyk.article.Statistics;
import ir.peyk.chart.ChartImage;
import ir.peyk.handler.I18n;
import ir.peyk.handler.StatsChart;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Prints what the bot knows about an article: counts, keywords, numbers, dates and relative times. */
@Command(name = "stats", description = "Statistics of an article: counts, keywords, numbers, dates.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--article", paramLabel = "ID", description = "article id (default: the default article)")
    String articleId;

    @Option(names = "--json", description = "one JSON document with stable field names")
    boolean json;

    @Option(names = "--chart", paramLabel = "FILE", description = "also draw the /stats chart into FILE (PNG)")
    Path chart;

    @Option(names = "--lang", paramLabel = "fa|en", description = "the chart's language (default: fa)")
    String lang = I18n.DEFAULT;

    @Override
    public Integer call() throws Exception {
        try (Peyk peyk = main.openForReading()) {
            Article article = peyk.article(articleId);
            ArticleStats stats = Statistics.of(article);
            if (chart != null) writeChart(stats);
            PrintStream out = System.out;
            if (json) {
                out.println(Output.prettyJson(stats));
                return 0;
            }
            ArticleMeta m = article.meta();
            out.println(article.title());
            out.printf("id %s · outlet %s · agency %s · published %s%s%n", article.id(), dash(m.outlet()),
                    dash(m.agency()), m.published() == null ? "-" : m.published() + " (" + m.publishedIso() + ")",
                    m.time() == null ? "" : " " + m.time());
            out.printf("words %d, unique %d, sentences %d, paragraphs %d, characters %d, reading time %d s%n",
                    stats.words(), stats.uniqueWords(), stats.sentences(), stats.paragraphs(), stats.characters(),
                    stats.readingTimeSeconds());
            out.println("keywords: " + stats.keywords().stream().map(k -> k.term() + " ×" + k.count())
                    .collect(Collectors.joining("، ")));
            out.println("numbers:");
            for (ArticleStats.NumberMention n : stats.numbers()) {
                out.printf("  %s = %s%s%s  [%s, sentence %d]%n", n.text(), n.value(),
                        n.unit() == null ? "" : " " + n.unit(), n.qualifier() == null ? "" : " (" + n.qualifier() + ")",
                        n.section(), n.sentence());
            }
            out.println("dates:");
            for (ArticleStats.DateMention d : stats.dates()) {
                out.printf("  %s = %s = %s  [%s%s]%n", d.text(), d.jalali(), d.gregorian(), d.section(),
                        d.sentence() < 0 ? "" : ", sentence " + d.sentence());
            }
            out.println("relative times:");
            for (ArticleStats.RelativeTime r : stats.relativeTimes()) {
                out.printf("  %s = %s  [%s, sentence %d]%n", r.text(), r.resolved() == null ? "?" : r.resolved(),
                        r.section(), r.sentence());
            }
            return 0;
        }
    }

    /** The picture the bot sends for /stats, as a file: for a look at it without a messenger. */
    private void writeChart(ArticleStats stats) {
        if (!I18n.LANGUAGES.contains(lang)) throw new Main.UserError("--lang must be fa or en, not '" + lang + "'");
        byte[] png = ChartImage.png(StatsChart.of(I18n.of(lang), stats));
        try {
            Path parent = chart.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(chart, png);
        } catch (IOException e) {
            throw new Main.UserError("cannot write the chart to " + chart + " (" + e.getClass().getSimpleName() + ")");
        }
        System.err.println("peyk: chart written to " + chart.toAbsolutePath());
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
