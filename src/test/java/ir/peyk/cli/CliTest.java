package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.article.Fixtures;
import ir.peyk.store.ArticleRepository;
import ir.peyk.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through {@link Main#execute}, against a real SQLite file in a temp folder. */
class CliTest {
    @TempDir
    Path dir;

    /** What a run printed. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : err.lines().toList();
        }
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path db() {
        return dir.resolve("store").resolve("peyk.db");
    }

    private Run peyk(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db().toString()));
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Fixtures.bytes(name));
        return p;
    }

    private List<ArticleRepository.Listing> stored() {
        if (!Files.exists(db())) return List.of();
        try (Database d = Database.open(db())) {
            return new ArticleRepository(d).list();
        }
    }

    @Test
    void statsJsonOnAnEmptyStoreIngestsTheDefaultArticle() throws Exception {
        Run r = peyk("stats", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertFalse(r.out().contains("E7"), "numbers print as 40000000, not 4.0E7");
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String f : List.of("words", "sentences", "paragraphs", "characters", "readingTimeSeconds")) {
            assertTrue(j.get(f).isInt() && j.get(f).asInt() > 0, f);
        }
        List<Long> values = new ArrayList<>();
        j.get("numbers").forEach(n -> {
            assertTrue(n.has("text") && n.has("unit"));
            values.add(n.get("value").asLong());
        });
        assertEquals(2, values.stream().filter(v -> v == 40_000_000L).count());
        assertTrue(values.contains(20_000_000L));
        List<String> gregorian = new ArrayList<>();
        j.get("dates").forEach(d -> {
            assertTrue(d.has("text") && d.has("jalali"));
            gregorian.add(d.get("gregorian").asText());
        });
        assertTrue(gregorian.containsAll(List.of("2023-07-12", "2026-01-03", "2004-01-07")), gregorian.toString());
        assertTrue(j.get("keywords").get(0).has("term") && j.get("keywords").get(0).get("count").asInt() > 1);
        List<ArticleRepository.Listing> all = stored();
        assertEquals(1, all.size());
        assertTrue(all.get(0).isDefault());
    }

    @Test
    void ingestPrintsTheIdAndArticlesListsThem() throws Exception {
        Run first = peyk("ingest", fixture(Fixtures.IRNA).toString());
        assertEquals(0, first.code(), first.err());
        String irnaId = first.out().strip();
        assertTrue(irnaId.matches("[0-9a-f]{12}"), irnaId);
        // Re-ingesting the same content (here with CRLF line endings) is idempotent.
        Path crlf = dir.resolve("crlf.txt");
        Files.writeString(crlf, Fixtures.text(Fixtures.IRNA).replace("\n", "\r\n"));
        assertEquals(irnaId, peyk("ingest", crlf.toString()).out().strip());

        Run list = peyk("articles");
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(2, lines.size(), list.out());
        // The store was empty: the configured default went in first and stays the default.
        assertTrue(lines.get(0).startsWith("*") && lines.get(0).contains("دنیای اقتصاد") && lines.get(0).contains("2023-07-12"));
        assertTrue(lines.get(1).startsWith(" ") && lines.get(1).contains(irnaId) && lines.get(1).contains("ایرنا")
                && lines.get(1).contains("2024-03-05") && lines.get(1).contains("نرخ تورم"));

        String hamId = peyk("ingest", "--default", fixture(Fixtures.HAMSHAHRI).toString()).out().strip();
        Run stats = peyk("stats");
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().startsWith("افزایش ۲۰ درصدی مسافران مترو"), "the new default");
        assertTrue(stats.out().contains("keywords: ") && stats.out().contains("مترو"));
        assertTrue(stats.out().contains("حدود ۴۵۰ هزار نفر = 450000 نفر (about)"), stats.out());
        assertTrue(stats.out().contains("۱۵ اردیبهشت ۱۴۰۳ = 1403/02/15 = 2024-05-04"), stats.out());
        assertTrue(stats.out().contains("دو روز پیش = 1403/01/07"), stats.out());
        assertEquals(3, stored().size());
        assertEquals(hamId, stored().stream().filter(ArticleRepository.Listing::isDefault).findFirst().orElseThrow().id());

        Run irna = peyk("stats", "--article", irnaId, "--json");
        JsonNode j = new ObjectMapper().readTree(irna.out());
        assertEquals(irnaId, j.get("id").asText());
        assertEquals(35.8, j.get("numbers").get(0).get("value").asDouble());
        assertEquals("درصد", j.get("numbers").get(0).get("unit").asText());
    }

    @Test
    void badFilesAreRefusedWithOneLineAndNothingStored() throws Exception {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path binary = Files.write(dir.resolve("binary.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "caf\u00e9 \u00e0 la carte".getBytes(StandardCharsets.ISO_8859_1));
        byte[] bigBytes = new byte[(1 << 20) + 1];
        Arrays.fill(bigBytes, (byte) 'a');
        Path big = Files.write(dir.resolve("big.txt"), bigBytes);
        Path noBody = Files.writeString(dir.resolve("nobody.txt"),
                "شنبه 13 دی 1404\nSaturday, 03 January 2026\n\nفقط یک عنوان\n\nدنیای اقتصاد چهارشنبه 21 تیر 1402 - 00:09\n");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Object[][] cases = {
                {dir.resolve("missing.txt"), "no such file"},
                {empty, "empty"},
                {binary, "binary"},
                {latin1, "not UTF-8"},
                {big, "1 MiB"},
                {noBody, "no body text"},
                {folder, "folder"},
        };
        for (Object[] c : cases) {
            Run r = peyk("ingest", c[0].toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertEquals("", r.out(), c[0].toString());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("peyk: ") && r.err().contains(c[0].toString()) && r.err().contains((String) c[1]),
                    r.err());
            assertEquals(List.of(), stored(), "nothing stored for " + c[0]);
        }
    }

    @Test
    void anUnusableStoreIsOneClearLine() throws Exception {
        Path plainFile = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path garbage = Files.writeString(dir.resolve("garbage.db"), "this is not an SQLite database, just text ".repeat(100));
        for (Path store : List.of(plainFile.resolve("peyk.db"), garbage, dir)) {
            Run r = run("--db", store.toString(), "stats");
            assertEquals(2, r.code(), store + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("peyk: ") && r.err().contains("store"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            Run ingest = run("--db", store.toString(), "ingest", fixture(Fixtures.IRNA).toString());
            assertEquals(2, ingest.code(), ingest.err());
            assertEquals("", ingest.out());
        }
    }

    @Test
    void unknownCommandsAndArticlesAreUsageErrors() {
        Run r = peyk("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
        assertEquals(2, peyk("stats", "--no-such-option").code());
        Run missing = peyk("stats", "--article", "ffffffffffff");
        assertEquals(2, missing.code());
        assertEquals(1, missing.errLines().size());
        assertTrue(missing.err().contains("no article with id ffffffffffff"), missing.err());
    }

    @Test
    void aConfigFileNamesTheStoreAndTheDefaultArticle() throws Exception {
        Path project = dir.resolve("project");
        Path config = Files.createDirectories(project.resolve("config")).resolve("peyk.yaml");
        Path article = fixture(Fixtures.HAMSHAHRI);
        Files.writeString(config, "store: data/test.db\narticle: " + article.toAbsolutePath() + "\n");
        Run r = run("--config", config.toString(), "stats");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("افزایش ۲۰ درصدی"), r.out());
        assertTrue(Files.exists(project.resolve("data/test.db")), "the store path is relative to the project folder");

        Files.writeString(config, "store: data/test2.db\narticle: missing.txt\n");
        Run bad = run("--config", config.toString(), "stats");
        assertEquals(2, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().contains("missing.txt"), bad.err());

        Files.writeString(config, "stroe: data/x.db\n");
        Run typo = run("--config", config.toString(), "stats");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("stroe"), typo.err());
    }

    /** `peyk broadcast` tells the user to run `peyk broadcast --help`: that and every other subcommand's help work. */
    @Test
    void helpWorksOnEverySubcommand() {
        for (String[] args : List.of(new String[]{"broadcast", "--help"}, new String[]{"broadcast", "send", "--help"},
                new String[]{"broadcast", "status", "-h"}, new String[]{"webhook", "--help"},
                new String[]{"webhook", "urls", "--help"}, new String[]{"ask", "--help"}, new String[]{"run", "--help"})) {
            Run r = peyk(args);
            String what = String.join(" ", args);
            assertEquals(0, r.code(), what + ": " + r.err());
            assertFalse(r.err().contains("Unknown option"), what + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: peyk " + args[0]), what + ": " + r.out());
        }
        assertTrue(peyk("broadcast", "send", "--help").out().contains("--wait"));
    }
}
