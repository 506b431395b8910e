package ir.peyk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.Quote;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The article's direct quotes with their speakers; optionally only those holding some words, or one at random. */
@Command(name = "quotes", description = "List an article's direct quotes with their speakers.")
final class QuotesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--article", paramLabel = "ID", description = "article id (default: the default article)")
    String articleId;

    @Option(names = "--search", paramLabel = "WORDS", description = "only quotes holding these words (any spelling)")
    String search;

    @Option(names = "--random", description = "one quote at random")
    boolean random;

    @Option(names = "--json", description = "a JSON array of {speaker, title, verb, text, sentence}")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Peyk peyk = main.openForReading()) {
            AnswerEngine engine = new AnswerEngine(peyk.article(articleId));
            List<Quote> quotes = search != null ? engine.searchQuotes(search) : engine.quotes();
            if (random) quotes = quotes.isEmpty() ? quotes : List.of(quotes.get(new Random().nextInt(quotes.size())));
            PrintStream out = Output.utf8();
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(quotes));
            } else if (quotes.isEmpty()) {
                out.println(search != null ? "no quote holds \"" + search + "\"" : "the article has no direct quotes");
            } else {
                for (Quote q : quotes) out.println(format(q));
            }
            out.flush();
            return 0;
        }
    }

    static String format(Quote q) {
        String who = q.title() != null && !q.title().equals(q.speaker()) ? q.speaker() + " (" + q.title() + ")" : q.speaker();
        return "[" + q.sentence() + "] " + who + " " + q.verb() + ": «" + q.text() + "»";
    }
}
