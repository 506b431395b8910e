package ir.peyk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.answer.Answer;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.answer.Evidence;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Answers questions about an article: the words after the options form one question; with none, every line of stdin
 * is a question and every answer is one line of stdout (so thousands of questions run in one JVM, in order).
 */
@Command(name = "ask", description = "Answer a question about an article (or one question per stdin line).")
final class AskCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--article", paramLabel = "ID", description = "article id (default: the default article)")
    String articleId;

    @Option(names = "--json", description = "one JSON object per answer: question, answered, answer, evidence, confidence")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "the question (omit to read stdin)")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        try (Peyk peyk = main.openForReading()) {
            AnswerEngine engine = new AnswerEngine(peyk.article(articleId));
            PrintStream out = Output.utf8();
            ObjectMapper mapper = new ObjectMapper();
            if (words != null && !words.isEmpty()) {
                Answer a = engine.ask(String.join(" ", words));
                out.println(json ? mapper.writeValueAsString(a) : detailed(a));
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    Answer a = engine.ask(line);
                    out.println(json ? mapper.writeValueAsString(a) : oneLine(a));
                    if (!in.ready()) out.flush();          // interactive use sees each answer at once
                }
            }
            out.flush();
            return 0;
        }
    }

    /** The answer, then its evidence sentences and the confidence; or the decline sentence. */
    static String detailed(Answer a) {
        if (!a.answered()) return AnswerEngine.declineMessage(a.question());
        StringBuilder b = new StringBuilder(a.answer());
        for (Evidence e : a.evidence()) {
            b.append(System.lineSeparator()).append("  [").append(e.sentence() < 0 ? "dateline" : e.sentence())
                    .append("] ").append(e.text());
        }
        return b.append(System.lineSeparator()).append("  confidence ").append(a.confidence()).toString();
    }

    /** One line per question, for stdin mode. */
    static String oneLine(Answer a) {
        if (!a.answered()) return AnswerEngine.declineMessage(a.question());
        List<String> ids = a.evidence().stream().map(e -> e.sentence() < 0 ? "dateline" : String.valueOf(e.sentence())).toList();
        return a.answer().replaceAll("\\R", " ") + "  (sentences " + String.join(", ", ids) + "; confidence "
                + a.confidence() + ")";
    }
}
