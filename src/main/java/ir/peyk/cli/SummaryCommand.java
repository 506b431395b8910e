package ir.peyk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.Evidence;
import ir.peyk.answer.Summary;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** An extractive summary: a one-line gist and N body sentences in article order. */
@Command(name = "summary", description = "Summarize an article: a gist and N of its own sentences.")
final class SummaryCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--article", paramLabel = "ID", description = "article id (default: the default article)")
    String articleId;

    @Option(names = "--sentences", paramLabel = "N", description = "how many sentences, 1..10 (default: ${DEFAULT-VALUE})")
    int sentences = 3;

    @Option(names = "--json", description = "one JSON document: gist, sentences[] {sentence, text}")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (sentences < 1 || sentences > 10) throw new Main.UserError("--sentences must be 1..10, got " + sentences);
        try (Peyk peyk = main.openForReading()) {
            Summary s = new AnswerEngine(peyk.article(articleId)).summary(sentences);
            PrintStream out = Output.utf8();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("gist", s.gist());
                doc.put("sentences", s.sentences());
                out.println(new ObjectMapper().writeValueAsString(doc));
            } else {
                out.println(s.gist());
                out.println();
                for (Evidence e : s.sentences()) out.println("[" + e.sentence() + "] " + e.text());
            }
            out.flush();
            return 0;
        }
    }
}
