package ir.peyk.cli;

import ir.peyk.answer.AnswerModel;
import ir.peyk.eval.QaSet;
import ir.peyk.eval.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Scores question sets in one JVM (the real-article scorer's rules: spans inside an answer of at most 450 characters,
 * declines for unanswerable questions), one line per set and a total, with the misses on {@code -v}.
 */
@Command(name = "eval", description = "Score labelled question sets (folders of NAME.fa.txt + NAME.jsonl, or sets.tsv).")
final class EvalCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FOLDER", description = "folders of question sets")
    List<Path> folders;

    @Option(names = "--model", paramLabel = "FILE", description = "decision model (default: the shipped one)")
    Path model;

    @Option(names = {"-v", "--verbose"}, description = "print every miss, with the graded path's features")
    boolean verbose;

    @Option(names = "--dump", paramLabel = "FILE", description = "write every question's outcome and features as TSV")
    Path dump;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "only these sets")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        AnswerModel m = model == null ? AnswerModel.shipped() : loadModel(model);
        List<QaSet> sets = EvalCommand.sets(folders, only);
        PrintStream out = Output.utf8();
        List<Trainer.Row> all = new ArrayList<>();
        for (QaSet set : sets) {
            List<Trainer.Row> rows = Trainer.rows(List.of(set), m);
            all.addAll(rows);
            if (verbose) for (Trainer.Row r : rows) if (!r.right(m.threshold())) out.println(miss(r, m));
            out.println(line(set.name(), Trainer.point(rows, m.threshold())));
        }
        out.println(line("total", Trainer.point(all, m.threshold())));
        if (dump != null) Files.write(dump, tsv(all), StandardCharsets.UTF_8);
        out.flush();
        return 0;
    }

    private static List<String> tsv(List<Trainer.Row> rows) {
        List<String> out = new ArrayList<>();
        out.add("set\tid\tanswerable\ttyped\ttypedRight\tsentenceRight\tp\t" + String.join("\t", AnswerModel.FEATURES)
                + "\tquestion\tunmatched\ttype");
        for (Trainer.Row r : rows) {
            StringBuilder b = new StringBuilder();
            b.append(r.set()).append('\t').append(r.item().id()).append('\t').append(r.item().answerable() ? 1 : 0).append('\t')
                    .append(r.typedAnswered() ? 1 : 0).append('\t').append(r.typedRight() ? 1 : 0).append('\t')
                    .append(r.sentenceRight() ? 1 : 0).append('\t').append(String.format(Locale.ROOT, "%.3f", r.probability()));
            for (int i = 0; i < AnswerModel.FEATURES.size(); i++) {
                b.append('\t').append(r.features() == null ? "" : String.format(Locale.ROOT, "%.3f", r.features()[i]));
            }
            b.append('\t').append(r.item().question()).append('\t').append(String.join(" ", r.unmatched()))
                    .append('\t').append(r.type());
            out.add(b.toString());
        }
        return out;
    }

    static AnswerModel loadModel(Path file) throws IOException {
        try {
            return AnswerModel.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(file + ": " + e.getMessage());
        }
    }

    static List<QaSet> sets(List<Path> folders, List<String> only) {
        List<QaSet> out = new ArrayList<>();
        for (Path f : folders) {
            try {
                for (QaSet s : QaSet.load(f)) if (only == null || only.contains(s.name())) out.add(s);
            } catch (IOException e) {
                throw new Main.UserError(e.getMessage());
            }
        }
        if (out.isEmpty()) throw new Main.UserError("no question sets found in " + folders);
        return out;
    }

    static String line(String name, Trainer.Point p) {
        int n = p.answerable() + p.unanswerable();
        return String.format(Locale.ROOT, "%-36s answerable %d/%d, declined %d/%d, score %.0f%%", name, p.answerableRight(),
                p.answerable(), p.declined(), p.unanswerable(), n == 0 ? 0 : 100.0 * p.total() / n);
    }

    private static String miss(Trainer.Row r, AnswerModel m) {
        StringBuilder b = new StringBuilder("    miss ").append(r.item().id()).append(' ').append(r.item().answerable() ? "A" : "U")
                .append(": ").append(r.item().question());
        if (r.typedAnswered()) b.append("\n      typed: ").append(r.typedAnswer());
        else if (r.features() != null) {
            b.append(String.format(Locale.ROOT, "\n      p=%.2f sentenceRight=%s: %s", r.probability(), r.sentenceRight(),
                    r.sentenceAnswer() == null ? "-" : cut(r.sentenceAnswer())));
            b.append("\n      f=");
            for (int i = 0; i < r.features().length; i++) {
                b.append(AnswerModel.FEATURES.get(i)).append(String.format(Locale.ROOT, "=%.2f ", r.features()[i]));
            }
        } else b.append("\n      (no terms)");
        if (!r.unmatched().isEmpty()) b.append("\n      unmatched ").append(r.unmatched());
        if (r.item().answerable()) b.append("\n      expect ").append(r.item().expect());
        return b.toString();
    }

    private static String cut(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
