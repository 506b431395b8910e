package ir.peyk.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.answer.AnswerModel;
import ir.peyk.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `peyk eval` and `peyk train` on a question set written for the test, and their answers to bad input. */
class EvalAndTrainTest {
    @TempDir
    Path dir;

    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;
    private Path sets;

    @BeforeEach
    void setUp() throws IOException {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        sets = Files.createDirectories(dir.resolve("sets"));
        for (String f : List.of("clinic-opening.fa.txt", "clinic-opening.jsonl")) {
            try (InputStream in = getClass().getResourceAsStream("/eval-fixture/" + f)) {
                Files.write(sets.resolve(f), in.readAllBytes());
            }
        }
    }

    @AfterEach
    void tearDown() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void evalScoresEverySetAndTheTotal() {
        assertEquals(0, Main.execute("eval", sets.toString()));
        String s = stdout();
        assertTrue(s.contains("clinic-opening"), s);
        assertTrue(s.lines().anyMatch(l -> l.startsWith("total") && l.contains("answerable 5/5, declined 3/3, score 100%")), s);
    }

    @Test
    void evalDumpsEveryQuestionWithItsFeatures() throws IOException {
        Path dump = dir.resolve("d.tsv");
        assertEquals(0, Main.execute("eval", "--dump", dump.toString(), sets.toString()));
        List<String> lines = Files.readAllLines(dump);
        assertEquals(9, lines.size());                                    // header and 8 questions
        for (String f : AnswerModel.FEATURES) assertTrue(lines.get(0).contains(f), f);
    }

    @Test
    void trainWritesAModelThatLoadsAndPrintsTheCurve() throws IOException {
        Path model = dir.resolve("m.tsv");
        assertEquals(0, Main.execute("train", "--out", model.toString(), "--iterations", "300", sets.toString()));
        String s = stdout();
        assertTrue(s.contains("threshold") && s.contains("chosen:"), s);
        AnswerModel m = AnswerModel.parse(Files.readString(model));
        assertTrue(m.threshold() > 0 && m.threshold() < 1);
        assertTrue(Files.readString(model).startsWith("# written by `peyk train` from 1 sets, 8 questions"));
        assertEquals(0, Main.execute("eval", "--model", model.toString(), sets.toString()));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        assertEquals(2, Main.execute("eval", dir.resolve("nowhere").toString()));
        Files.writeString(sets.resolve("clinic-opening.jsonl"), "{\"q\": \"x\", \"answerable\": true}\n{not json\n");
        assertEquals(2, Main.execute("eval", sets.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("clinic-opening.jsonl:2: not JSON"), e);
        assertFalse(e.contains("Exception"), e);
        Path badModel = Files.writeString(dir.resolve("bad.tsv"), "coverage\t1\n");
        assertEquals(2, Main.execute("eval", "--model", badModel.toString(), sets.toString()));
        assertEquals(2, Main.execute("train", "--out", dir.resolve("m.tsv").toString(), "--max-false", "2", sets.toString()));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("--max-false")).count());
    }

    @Test
    void theJudgeIsTheScorers() {
        assertTrue(Judge.passes("«۲۰ تخت»", List.of(List.of("20 تخت"))));
        assertFalse(Judge.passes("۲۰تخت", List.of(List.of("20 تخت"))));               // white space matters
        assertTrue(Judge.passes("كاظمي", List.of(List.of("کاظمی"))));                 // Arabic letters folded
        assertFalse(Judge.passes("x".repeat(451), List.of()));                         // longer than the cap
        assertFalse(Judge.passes(null, List.of()));
    }
}
