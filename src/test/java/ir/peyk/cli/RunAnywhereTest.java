package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peyk started from a folder that is not the repository, as an operator's service does: a real JVM whose working
 * directory is an empty temporary folder. The built-in defaults and the article inside the jar (here: the classes
 * folder) must do; a reading command must leave the folder as it found it.
 */
class RunAnywhereTest {
    @TempDir
    Path elsewhere;

    record Result(int exit, String out, String err) {}

    private Result peyk(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "ir.peyk.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(elsewhere.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PEYK_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("peyk-out", ".txt");
        Path err = Files.createTempFile("peyk-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("peyk did not end");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private List<Path> left() throws Exception {
        try (Stream<Path> s = Files.walk(elsewhere)) {
            return s.filter(p -> !p.equals(elsewhere)).toList();
        }
    }

    @Test
    void statsFromAnEmptyFolderWorksAndLeavesNothingBehind() throws Exception {
        Result r = peyk(Map.of(), "stats", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode stats = new ObjectMapper().readTree(r.out());
        assertTrue(stats.path("words").asInt() > 100, r.out());
        assertTrue(stats.path("keywords").size() > 0);
        assertEquals(List.of(), left(), "no data/peyk.db or anything else left behind");
    }

    @Test
    void peykConfigPointsAtAConfigElsewhereAndTheStoreGoesWhereItSaysWhenNeeded() throws Exception {
        Path configDir = Files.createDirectories(elsewhere.resolve("etc"));
        Path store = elsewhere.resolve("var").resolve("bot.db");
        Path yaml = configDir.resolve("peyk.yaml");
        Files.writeString(yaml, "store: " + store.toString().replace(File.separatorChar, '/') + "\n");
        Map<String, String> env = Map.of("PEYK_CONFIG", yaml.toString());

        assertEquals(0, peyk(env, "summary", "--sentences=2").exit());
        assertTrue(Files.notExists(store.getParent()), "a reading command creates no store: " + left());

        Path article = elsewhere.resolve("article.txt");
        try (var in = RunAnywhereTest.class.getResourceAsStream("/articles/government-services-domestic-messengers.fa.txt")) {
            Files.write(article, in.readAllBytes());
        }
        Result ingest = peyk(env, "ingest", article.toString());
        assertEquals(0, ingest.exit(), ingest.err());
        assertTrue(Files.exists(store), "ingest keeps state: the store is made where the config says");
        Result articles = peyk(env, "articles");
        assertEquals(0, articles.exit(), articles.err());
        assertTrue(articles.out().contains("ارائه خدمات دولتی"), articles.out());
    }

    @Test
    void aMissingConfigNamedByPeykConfigIsOneLineAndExitTwo() throws Exception {
        Result r = peyk(Map.of("PEYK_CONFIG", elsewhere.resolve("nope.yaml").toString()), "stats");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().strip().startsWith("peyk: config file ") && r.err().contains("does not exist"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(List.of(), left());
    }
}
