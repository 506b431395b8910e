package ir.peyk.cli;

import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Times {@code ask} after a warm-up: every question is asked {@code --rounds} times, each call timed on its own;
 * prints p50 / p99 / max in microseconds and single-thread throughput. Numbers, not assertions: run it on a quiet
 * machine.
 */
@Command(name = "bench", description = "Benchmark question answering: p50/p99 latency and throughput.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--article", paramLabel = "ID", description = "article id (default: the default article)")
    String articleId;

    @Option(names = "--questions", paramLabel = "FILE", description = "one question per line (default: built-in set)")
    Path questions;

    @Option(names = "--warmup", paramLabel = "N", description = "warm-up calls (default: ${DEFAULT-VALUE})")
    int warmup = 200_000;

    @Option(names = "--rounds", paramLabel = "N", description = "timed passes over the questions (default: ${DEFAULT-VALUE})")
    int rounds = 2_000;

    @Override
    public Integer call() throws Exception {
        if (warmup < 0 || rounds < 1) throw new Main.UserError("--warmup must be >= 0 and --rounds >= 1");
        List<String> qs = load();
        if (qs.isEmpty()) throw new Main.UserError("no questions to time");
        try (Peyk peyk = main.openForReading()) {
            Article article = peyk.article(articleId);
            long t0 = System.nanoTime();
            AnswerEngine engine = new AnswerEngine(article);
            long build = System.nanoTime() - t0;
            int answered = 0;
            for (String q : qs) if (engine.ask(q).answered()) answered++;
            long sink = 0;
            for (int i = 0; i < warmup; i++) sink += engine.ask(qs.get(i % qs.size())).evidence().size();
            long[] times = new long[qs.size() * rounds];
            int k = 0;
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (String q : qs) {
                    long a = System.nanoTime();
                    sink += engine.ask(q).evidence().size();
                    times[k++] = System.nanoTime() - a;
                }
            }
            long total = System.nanoTime() - start;
            Arrays.sort(times);
            PrintStream out = Output.utf8();
            out.printf("article %s: %d questions (%d answered), engine built in %.1f ms%n", article.id(), qs.size(),
                    answered, build / 1e6);
            out.printf("warm-up %d calls; timed %d calls (%d rounds)%n", warmup, times.length, rounds);
            out.printf("ask latency: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs%n", pct(times, 50) / 1e3,
                    pct(times, 90) / 1e3, pct(times, 99) / 1e3, times[times.length - 1] / 1e3);
            out.printf("throughput: %.0f questions/s on one thread%n", times.length / (total / 1e9));
            if (sink == Long.MIN_VALUE) out.println();     // keeps the JIT from dropping the calls
            out.flush();
            return 0;
        }
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private List<String> load() throws IOException {
        List<String> lines;
        if (questions != null) {
            if (!Files.isReadable(questions)) throw new Main.UserError("cannot read " + questions);
            lines = Files.readAllLines(questions, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = BenchCommand.class.getResourceAsStream("/peyk/bench/questions.txt")) {
                if (in == null) throw new IllegalStateException("missing resource /peyk/bench/questions.txt");
                lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"));
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) if (!l.isBlank() && !l.startsWith("#")) out.add(l.strip());
        return out;
    }
}
