package ir.peyk.cli;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleException;
import ir.peyk.article.ArticleParser;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Stores an article and prints its id. Bad files are refused with one line and exit 2; nothing is stored. */
@Command(name = "ingest", description = "Store an article (UTF-8 text, at most 1 MiB) and print its id.")
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "the article text")
    Path file;

    @Option(names = "--default", description = "make it the default article")
    boolean makeDefault;

    @Override
    public Integer call() throws Exception {
        Article article;
        // Everything is checked before the store is opened: a refused file leaves no trace.
        try {
            if (!Files.exists(file)) throw new Main.UserError(file + ": no such file");
            if (Files.isDirectory(file)) throw new Main.UserError(file + " is a folder, not a file");
            if (!Files.isRegularFile(file)) throw new Main.UserError(file + " is not a regular file");
            long size = Files.size(file);
            if (size > ArticleParser.MAX_BYTES) {
                throw new Main.UserError(file + ": the file is " + size + " bytes; articles over "
                        + ArticleParser.MAX_BYTES + " bytes (1 MiB) are refused");
            }
            article = ArticleParser.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new Main.UserError(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Main.UserError(file + ": no permission to read it");
        } catch (IOException e) {
            throw new Main.UserError(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        } catch (ArticleException e) {
            throw new Main.UserError(file + ": " + e.getMessage());
        }
        try (Peyk peyk = Peyk.open(main.loadConfig())) {
            if (!makeDefault) peyk.ingestDefaultIfEmpty();
            peyk.articles().save(article, makeDefault);
        }
        System.out.println(article.id());
        return 0;
    }
}
