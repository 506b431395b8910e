package ir.peyk.cli;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.store.ArticleRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Lists stored articles. */
@Command(name = "articles", description = "List stored articles (* marks the default).")
final class ArticlesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        try (Peyk peyk = main.openForReading()) {
            peyk.article(null); // ingests the configured default into an empty store
            for (ArticleRepository.Listing l : peyk.articles().list()) {
                // Read from the stored text, not the row's columns: a row stored by an older parser shows what the
                // parser reads today (issue #11), and what the text or page did not give is named.
                Optional<ArticleMeta> m = peyk.articles().find(l.id()).map(Article::meta);
                String published = m.map(x -> x.publishedIso() == null ? null : x.publishedIso().toString())
                        .orElse(l.published());
                String outlet = m.map(ArticleMeta::outlet).orElse(l.outlet());
                String title = m.map(ArticleMeta::title).orElse(l.title());
                List<String> missing = m.map(ArticleMeta::notGiven).orElse(List.of());
                System.out.printf("%s %s  %s  %s  %s%s%n", l.isDefault() ? "*" : " ", l.id(),
                        published == null ? "-" : published, outlet == null ? "-" : outlet, title,
                        missing.isEmpty() ? "" : "  (not on the page: " + String.join(", ", missing) + ")");
            }
            return 0;
        }
    }
}
