package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    private PeykProcess.Result peyk(Map<String, String> env, String... args) throws Exception {
        return PeykProcess.run(elsewhere, env, "", args);
    }

    private List<Path> left() throws Exception {
        try (Stream<Path> s = Files.walk(elsewhere)) {
            return s.filter(p -> !p.equals(elsewhere)).toList();
        }
    }

    @Test
    void statsFromAnEmptyFolderWorksAndLeavesNothingBehind() throws Exception {
        PeykProcess.Result r = peyk(Map.of(), "stats", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode stats = new ObjectMapper().readTree(r.out());
        assertTrue(stats.path("words").asInt() > 100, r.out());
        assertTrue(stats.path("keywords").size() > 0);
        assertEquals(List.of(), left(), "no data/peyk.db or anything else left behind");
    }

    @Test
    void peykConfigPointsAtAConfigElsewhereAndTheStoreGoesWhereItSays() throws Exception {
        Path configDir = Files.createDirectories(elsewhere.resolve("etc"));
        Path store = elsewhere.resolve("var").resolve("bot.db");
        Path yaml = configDir.resolve("peyk.yaml");
        Files.writeString(yaml, "store: " + store.toString().replace(File.separatorChar, '/') + "\n");
        Map<String, String> env = Map.of("PEYK_CONFIG", yaml.toString());

        assertEquals(0, peyk(Map.of(), "summary", "--sentences=2").exit());
        assertEquals(List.of(yaml.getParent(), yaml), left(), "with no store chosen, reading creates none");

        Path article = elsewhere.resolve("article.txt");
        try (var in = RunAnywhereTest.class.getResourceAsStream("/articles/government-services-domestic-messengers.fa.txt")) {
            Files.write(article, in.readAllBytes());
        }
        PeykProcess.Result ingest = peyk(env, "ingest", article.toString());
        assertEquals(0, ingest.exit(), ingest.err());
        assertTrue(Files.exists(store), "ingest keeps state: the store is made where the config says");
        PeykProcess.Result articles = peyk(env, "articles");
        assertEquals(0, articles.exit(), articles.err());
        assertTrue(articles.out().contains("ارائه خدمات دولتی"), articles.out());
    }

    @Test
    void statsDrawsTheChatChartIntoAFile() throws Exception {
        PeykProcess.Result r = peyk(Map.of(), "stats", "--chart", "charts/stats.png", "--lang", "en");
        assertEquals(0, r.exit(), r.err());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(elsewhere.resolve("charts/stats.png").toFile());
        assertEquals(800, png.getWidth());
        assertEquals(List.of(elsewhere.resolve("charts"), elsewhere.resolve("charts/stats.png")), left(),
                "the chart, and nothing else");
        PeykProcess.Result bad = peyk(Map.of(), "stats", "--chart", "x.png", "--lang", "de");
        assertEquals(2, bad.exit());
        assertEquals("peyk: --lang must be fa or en, not 'de'", bad.err().strip());
    }

    @Test
    void aMissingConfigNamedByPeykConfigIsOneLineAndExitTwo() throws Exception {
        PeykProcess.Result r = peyk(Map.of("PEYK_CONFIG", elsewhere.resolve("nope.yaml").toString()), "stats");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().strip().startsWith("peyk: config file ") && r.err().contains("does not exist"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals(List.of(), left());
    }
}
