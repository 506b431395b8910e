package ir.peyk.cli;

import ir.peyk.ingest.Sources;
import ir.peyk.store.ArticleRepository;
import java.util.List;
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
        try (Peyk peyk = Peyk.open(main.loadConfig())) {
            peyk.article(null); // ingests the configured default into an empty store
            for (ArticleRepository.Listing l : peyk.articles().list()) {
                // What the text or page did not give, named (issue #11); the listing's columns show "-" for it.
                List<String> missing = peyk.articles().find(l.id()).map(a -> Sources.missing(a.meta())).orElse(List.of());
                System.out.printf("%s %s  %s  %s  %s%s%n", l.isDefault() ? "*" : " ", l.id(),
                        l.published() == null ? "-" : l.published(), l.outlet() == null ? "-" : l.outlet(), l.title(),
                        missing.isEmpty() ? "" : "  (not on the page: " + String.join(", ", missing) + ")");
            }
            return 0;
        }
    }
}
