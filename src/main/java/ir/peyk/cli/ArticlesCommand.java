package ir.peyk.cli;

import ir.peyk.store.ArticleRepository;
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
                System.out.printf("%s %s  %s  %s  %s%n", l.isDefault() ? "*" : " ", l.id(),
                        l.published() == null ? "-" : l.published(), l.outlet() == null ? "-" : l.outlet(), l.title());
            }
            return 0;
        }
    }
}
