package ir.peyk.cli;

import ir.peyk.answer.AnswerModel;
import ir.peyk.eval.QaSet;
import ir.peyk.eval.Trainer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Trains the decision model from labelled question sets and writes it as TSV: logistic regression, refitted once
 * after the candidates are re-chosen with the first fit, then the threshold that keeps false answers on unanswerable
 * questions within {@code --max-false}. Prints the curve (answerable right vs unanswerable declined per threshold).
 */
@Command(name = "train", description = "Train the answer/decline model from labelled question sets.")
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FOLDER", description = "folders of question sets")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the model (TSV)")
    Path out;

    @Option(names = "--max-false", paramLabel = "SHARE", description = "most unanswerable questions answered (default: ${DEFAULT-VALUE})")
    double maxFalse = 0.10;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 penalty (default: ${DEFAULT-VALUE})")
    double l2 = 0.001;

    @Option(names = "--iterations", paramLabel = "N", description = "gradient steps (default: ${DEFAULT-VALUE})")
    int iterations = 4000;

    @Option(names = "--held-out", paramLabel = "FOLDER", description = "also score each set of FOLDER with a model fitted without it")
    Path heldOut;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "only these sets")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        if (maxFalse < 0 || maxFalse > 1) throw new Main.UserError("--max-false must be in 0..1, got " + maxFalse);
        if (iterations < 1) throw new Main.UserError("--iterations must be at least 1");
        List<QaSet> sets = EvalCommand.sets(folders, only);
        PrintStream log = Output.utf8();
        AnswerModel model = new AnswerModel(new double[AnswerModel.FEATURES.size()], 0, 0.5);   // ranks do not need one
        List<Trainer.Row> rows = Trainer.rows(sets, model);   // the candidates do not depend on the model
        model = Trainer.fit(rows, l2, iterations);
        rows = Trainer.rescore(rows, model);
        double t = Trainer.threshold(rows, maxFalse);
        model = new AnswerModel(model.weights(), model.bias(), t);
        log.println("threshold   answerable right   unanswerable declined   total");
        for (Trainer.Point p : Trainer.curve(rows)) log.println(row(p));
        log.println("chosen:");
        log.println(row(Trainer.point(rows, t)));
        java.util.Map<String, List<Trainer.Row>> groups = new java.util.TreeMap<>();
        for (Trainer.Row r : rows) groups.computeIfAbsent(r.group(), k -> new java.util.ArrayList<>()).add(r);
        for (var g : groups.entrySet()) {
            log.println("  " + g.getKey() + ":");
            log.println(row(Trainer.point(g.getValue(), t)));
        }
        for (var g : groups.entrySet()) {
            log.println("curve of " + g.getKey() + ":");
            for (Trainer.Point p : Trainer.curve(g.getValue())) log.println(row(p));
        }
        if (heldOut != null) printHeldOut(log, rows, sets);
        int questions = 0;
        for (QaSet s : sets) questions += s.items().size();
        String header = "written by `peyk train` from " + sets.size() + " sets, " + questions + " questions ("
                + String.join(", ", sets.stream().map(QaSet::name).toList()) + ")\n"
                + "max false answers " + maxFalse + ", l2 " + l2 + ", " + iterations + " iterations";
        Files.writeString(out, model.format(header), StandardCharsets.UTF_8);
        log.println("wrote " + out);
        log.flush();
        return 0;
    }

    /** Each set of {@code --held-out}'s folder scored by a model fitted on all the other sets (leave one set out). */
    private void printHeldOut(PrintStream log, List<Trainer.Row> rows, List<QaSet> sets) {
        Path folder = heldOut.toAbsolutePath().normalize();
        int ar = 0, an = 0, dec = 0, un = 0;
        log.println("held out, one set at a time (fitted on all the others):");
        for (QaSet s : sets) {
            if (!s.article().toAbsolutePath().normalize().startsWith(folder)) continue;
            Trainer.Point p = Trainer.heldOut(rows, s.name(), l2, iterations, maxFalse);
            log.println(String.format(Locale.ROOT, "  %-32s", s.name()) + counts(p));
            ar += p.answerableRight(); an += p.answerable(); dec += p.declined(); un += p.unanswerable();
        }
        log.println(String.format(Locale.ROOT, "  %-32s", "total") + counts(new Trainer.Point(0, ar, an, dec, un)));
    }

    private static String row(Trainer.Point p) {
        return String.format(Locale.ROOT, "%9.2f", p.threshold()) + counts(p);
    }

    /** A point's figures without its threshold: answerable right, unanswerable declined, total. */
    private static String counts(Trainer.Point p) {
        return String.format(Locale.ROOT, "   %3d/%-3d %5.1f %%      %3d/%-3d %5.1f %%        %5.1f %%",
                p.answerableRight(), p.answerable(), pct(p.answerableRight(), p.answerable()), p.declined(),
                p.unanswerable(), pct(p.declined(), p.unanswerable()),
                pct(p.total(), p.answerable() + p.unanswerable()));
    }

    private static double pct(int a, int n) {
        return n == 0 ? 0 : 100.0 * a / n;
    }
}
