package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command: the console by default (ends at end of input), a missing token refused with exit 2. */
class RunCommandTest {
    @TempDir
    Path dir;
    private final InputStream in = System.in;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        System.setIn(in);
        System.setOut(out);
        System.setErr(err);
    }

    private Path config(String transports) throws Exception {
        Path article = Path.of("config/articles").toAbsolutePath();
        try (var files = Files.list(article)) {
            article = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        Path file = dir.resolve("peyk.yaml");
        Files.writeString(file, "store: " + dir.resolve("peyk.db") + "\narticle: " + article + "\ntransports:\n" + transports);
        return file;
    }

    @Test
    void theConsoleRunsByDefaultAndEndOfInputExitsZero() throws Exception {
        System.setIn(new ByteArrayInputStream("/start\nسلام\n".getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, Main.execute("--config", config("  console:\n    enabled: true\n").toString()));
    }

    @Test
    void anEnabledTransportWithoutItsTokenIsOneLineAndExitTwo() throws Exception {
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        int code = Main.execute("--config", config("  bale:\n    enabled: true\n").toString(), "run");
        assertEquals(2, code);
        String said = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("PEYK_BALE_TOKEN"), said);
        assertEquals(1, said.strip().lines().count(), said);
    }
}
