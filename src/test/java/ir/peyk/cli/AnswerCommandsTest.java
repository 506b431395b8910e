package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.text.PersianText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ask / summary / quotes / bench through the real CLI, with a config and SQLite store in a temp folder. */
class AnswerCommandsTest {
    @TempDir
    Path dir;

    private final PrintStream realOut = System.out;
    private final InputStream realIn = System.in;
    private ByteArrayOutputStream out;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("articles"));
        copy("government-services-domestic-messengers.fa.txt");
        copy("tehran-dams-hamshahri.fa.txt");
        config = dir.resolve("config/peyk.yaml");
        Files.writeString(config, "store: data/peyk.db\narticle: articles/government-services-domestic-messengers.fa.txt\n");
        out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(realOut);
        System.setIn(realIn);
    }

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/articles/" + name)) {
            Files.write(dir.resolve("articles").resolve(name), in.readAllBytes());
        }
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return Main.execute(all.toArray(String[]::new));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void askJsonFromStdinAnswersTheWholeSampleSetOneLineEach() throws IOException {
        List<JsonNode> sample = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        try (InputStream in = getClass().getResourceAsStream("/eval/qa-sample.jsonl")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!l.isBlank()) sample.add(m.readTree(l));
            }
        }
        StringBuilder questions = new StringBuilder();
        for (JsonNode n : sample) questions.append(n.get("q").asText()).append('\n');
        System.setIn(new ByteArrayInputStream(questions.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, run("ask", "--json"));
        String[] lines = output().strip().split("\\R");
        assertEquals(sample.size(), lines.length);
        int passed = 0;
        for (int i = 0; i < lines.length; i++) {
            JsonNode a = m.readTree(lines[i]);
            JsonNode want = sample.get(i);
            assertEquals(want.get("q").asText(), a.get("question").asText());
            assertTrue(a.has("answered") && a.has("answer") && a.has("evidence") && a.has("confidence"));
            boolean ok;
            if (!want.get("answerable").asBoolean()) {
                ok = !a.get("answered").asBoolean();
            } else {
                String got = PersianText.key(a.get("answer").asText());
                ok = a.get("answered").asBoolean();
                for (JsonNode group : want.get("expect")) {
                    boolean any = false;
                    for (JsonNode alt : group) any |= got.contains(PersianText.key(alt.asText()));
                    ok &= any;
                }
                JsonNode ev = a.get("evidence").get(0);
                assertTrue(ev.has("sentence") && ev.has("text"));
            }
            if (ok) passed++;
        }
        assertEquals(sample.size(), passed, output());
    }

    @Test
    void askWithArgumentsPrintsTheAnswerItsEvidenceOrTheDecline() {
        assertEquals(0, run("ask", "روبیکا", "چند", "کاربر", "دارد؟"));
        String text = output();
        assertTrue(text.contains("بیش از ۴۰ میلیون نفر"), text);
        assertTrue(text.contains("[2]"), text);
        assertTrue(text.contains("confidence"), text);
        out.reset();
        assertEquals(0, run("ask", "پایتخت", "فرانسه", "کجاست؟"));
        assertEquals("در متن خبر به این موضوع اشاره نشده است.", output().strip());
    }

    @Test
    void askAnotherIngestedArticleById() {
        assertEquals(0, run("ingest", dir.resolve("articles/tehran-dams-hamshahri.fa.txt").toString()));
        String id = output().strip();
        out.reset();
        assertEquals(0, run("ask", "--article", id, "وزیر نیرو کیست؟"));
        assertTrue(output().contains("عباس علی‌آبادی"), output());
        out.reset();
        assertEquals(2, run("ask", "--article", "nope", "وزیر نیرو کیست؟"));
    }

    @Test
    void summaryAndQuotesInTextAndJson() throws IOException {
        assertEquals(0, run("summary", "--sentences", "2", "--json"));
        JsonNode s = new ObjectMapper().readTree(output());
        assertEquals(2, s.get("sentences").size());
        assertFalse(s.get("gist").asText().isBlank());
        out.reset();
        assertEquals(2, run("summary", "--sentences", "0"));
        out.reset();
        assertEquals(0, run("quotes", "--json"));
        JsonNode q = new ObjectMapper().readTree(output());
        assertEquals(5, q.size());
        assertEquals("عیسی زارعپور", q.get(0).get("speaker").asText());
        out.reset();
        assertEquals(0, run("quotes", "--search", "رقابت"));
        assertEquals(1, output().strip().split("\\R").length);
        assertTrue(output().contains("توضیح داد"), output());
        out.reset();
        assertEquals(0, run("quotes", "--search", "فوتبال"));
        assertTrue(output().contains("no quote"));
    }

    @Test
    void benchPrintsLatencyPercentilesAndThroughput() {
        assertEquals(0, run("bench", "--warmup", "100", "--rounds", "3"));
        String text = output();
        assertTrue(text.contains("p50") && text.contains("p99") && text.contains("questions/s"), text);
        assertEquals(2, run("bench", "--rounds", "0"));
    }
}
