package ir.peyk.cli;

import ir.peyk.article.Article;
import ir.peyk.ingest.IngestException;
import ir.peyk.ingest.PageFetcher;
import ir.peyk.ingest.Sources;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Stores an article — a text file, a saved HTML page or a page's address — and prints its id; what the page gave and
 * did not give goes to stderr. Bad sources are refused with one line and exit 2; nothing is stored.
 */
@Command(name = "ingest", description = "Store an article (a UTF-8 text file, a saved HTML page or an http(s) address;"
        + " at most 1 MiB) and print its id.")
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "SOURCE", description = "the article: a file (text or .html) or an http(s):// address")
    String source;

    @Option(names = "--default", description = "make it the default article (a running bot picks it up in seconds)")
    boolean makeDefault;

    @Override
    public Integer call() throws Exception {
        Article article;
        // Everything is checked before the store is opened: a refused source leaves no trace.
        try {
            article = new Sources(new PageFetcher()).read(source);
        } catch (IngestException e) {
            throw new Main.UserError(PageFetcher.isUrl(source) ? source + ": " + e.getMessage() : e.getMessage());
        }
        try (Peyk peyk = Peyk.open(main.loadConfig())) {
            if (!makeDefault) peyk.ingestDefaultIfEmpty();
            peyk.articles().save(article, makeDefault);
        }
        System.out.println(article.id());
        List<String> missing = Sources.missing(article.meta());
        System.err.println("peyk: read " + String.join(", ", Sources.given(article.meta()))
                + (missing.isEmpty() ? "" : "; not on the page: " + String.join(", ", missing)));
        return 0;
    }
}
