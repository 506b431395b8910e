package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peyk ingest URL} against a news page on a loopback server, then what stats, summary and articles show. */
class IngestPageCliTest {
    @TempDir
    Path dir;
    private MockWebServer web;

    @BeforeEach
    void start() throws Exception {
        web = new MockWebServer();
        web.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        web.shutdown();
    }

    private CliTest.Run peyk(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--db", dir.resolve("peyk.db").toString()));
        all.addAll(List.of(args));
        return CliTest.run(all.toArray(String[]::new));
    }

    private static byte[] page(String name) throws Exception {
        try (InputStream in = IngestPageCliTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aPageByAddressBecomesTheDefaultWithoutItsFurniture() throws Exception {
        web.enqueue(new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8")
                .setBody(new Buffer().write(page("irna-exports.html"))));
        CliTest.Run r = peyk("ingest", "--default", web.url("/fa/news/85412").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().strip().matches("[0-9a-f]{12}"), r.out());
        assertTrue(r.err().contains("read title, outlet, date, time, author"), r.err());

        JsonNode stats = new ObjectMapper().readTree(peyk("stats", "--json").out());
        assertEquals("صادرات فرش دستباف ۱۵ درصد افزایش یافت", stats.get("title").asText());
        assertEquals("2024-02-10", stats.get("dates").get(0).get("gregorian").asText());
        assertEquals("dateline", stats.get("dates").get(0).get("section").asText());
        assertEquals("ایرنا", stats.get("source").get("outlet").asText());
        assertEquals("علی محمدی", stats.get("source").get("author").asText());
        assertEquals(0, stats.get("source").get("notOnThePage").size());
        String summary = peyk("summary").out();
        assertTrue(summary.contains("رئیس مرکز ملی فرش ایران"), summary);
        for (String furniture : List.of("آرشیو", "پخش زنده", "بیشتر بخوانید", "پربازدید", "تمامی حقوق", "اشتراک",
                "ایرنا-", "English")) {
            assertFalse(summary.contains(furniture), "«" + furniture + "» in the summary: " + summary);
        }
        String list = peyk("articles").out();
        assertTrue(list.lines().anyMatch(l -> l.startsWith("*") && l.contains("ایرنا") && l.contains("2024-02-10")), list);
    }

    @Test
    void aPageThatIsNotAnArticleIsRefusedAndNothingIsStored() throws Exception {
        web.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(new Buffer().write(page("home-page.html"))));
        web.enqueue(new MockResponse().setResponseCode(404));
        for (String path : List.of("/", "/missing")) {
            CliTest.Run r = peyk("ingest", web.url(path).toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("peyk: http://"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("peyk.db")), "nothing stored, not even an empty store");
    }

    @Test
    void aSavedPageIsIngestedFromItsFile() throws Exception {
        Path saved = Files.write(dir.resolve("page.html"), page("kayhan-road.html"));
        CliTest.Run r = peyk("ingest", saved.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("not on the page: outlet, date, time, author"), r.err());
    }
}
