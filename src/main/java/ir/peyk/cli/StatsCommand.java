package ir.peyk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import ir.peyk.article.Article;
import ir.peyk.article.ArticleStats;
import ir.peyk.article.Statistics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Prints what the bot knows about an article. */
@Command(name = "stats", description = "Statistics of an article: counts, keywords, numbers, dates.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--article", paramLabel = "ID", description = "article id (default: the default article)")
    String articleId;

    @Option(names = "--json", description = "one JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Peyk peyk = Peyk.open(main.loadConfig())) {
            Article article = peyk.article(articleId);
            ArticleStats stats = Statistics.of(article);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(stats));
            } else {
                System.out.println(article.title());
                System.out.printf("words %d, unique %d, sentences %d, paragraphs %d, characters %d, reading time %d s%n",
                        stats.words(), stats.uniqueWords(), stats.sentences(), stats.paragraphs(), stats.characters(),
                        stats.readingTimeSeconds());
            }
            return 0;
        }
    }
}
