package ir.peyk.cli;

import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.Article;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Runs the bot. SKELETON: the adapter issue starts the transports here. */
@Command(name = "run", description = "Run the bot on the enabled transports (the console when no token is set).")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        try (Peyk peyk = Peyk.open(main.loadConfig())) {
            Article article = peyk.article(null);
            System.out.println(article.title());
            System.out.println(new AnswerEngine(article).summary(1).gist());
            System.out.println("commands: run, ingest, articles, stats");
            return 0;
        }
    }
}
