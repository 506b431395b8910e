package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.testing.FakeBotApi;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running bot (a real {@code peyk run} process on a loopback Bot API) follows the default article without a
 * restart: first one ingested by {@code peyk ingest --default URL} from another process, then one an admin sends as
 * {@code /ingest URL} and confirms. News pages come from a loopback web server; nothing reaches the internet.
 */
class DefaultArticleReloadProcessTest {
    static final String TOKEN = "4242:reload-token";
    static final long ADMIN = 5;
    static final long READER = 6;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static byte[] page(String name) throws Exception {
        try (InputStream in = DefaultArticleReloadProcessTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aRunningBotAnswersAboutANewDefaultArticle() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN); MockWebServer web = new MockWebServer()) {
            web.start(InetAddress.getLoopbackAddress(), 0);
            web.enqueue(html(page("isna-water.html")));
            web.enqueue(html(page("mehr-metro.html")));
            web.enqueue(new MockResponse().setResponseCode(404));
            Path db = dir.resolve("run.db");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "--config", "config/peyk.yaml", "--db", db.toString(), "run");
            pb.environment().put("PEYK_TRANSPORT", "telegram");
            pb.environment().put("PEYK_TELEGRAM_TOKEN", TOKEN);
            pb.environment().put("PEYK_TELEGRAM_API_URL", api.url());
            pb.environment().put("PEYK_ADMINS", "telegram:" + ADMIN);
            Path log = dir.resolve("run.log");
            Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                api.pushMessage(READER, READER, "/source");
                String first = awaitText(api, READER, 1);
                assertTrue(first.contains("دنیای اقتصاد"), first);

                // Another process makes a page the default.
                CliTest.Run ingest = CliTest.run("--config", "config/peyk.yaml", "--db", db.toString(), "ingest",
                        "--default", web.url("/news/1").toString());
                assertEquals(0, ingest.code(), ingest.err());
                String reply = askUntil(api, READER, "/source", 2, "ایسنا");
                assertTrue(reply.contains("کاهش ذخایر آب سدهای مشهد"), reply);
                api.pushMessage(READER, READER, "حجم آب سدهای مشهد به چند درصد رسیده است؟");
                int n = api.sentTexts(READER).size();
                String answer = awaitText(api, READER, n + 1);
                assertTrue(answer.contains("۱۲ درصد"), answer);

                // A reader may not ingest; an admin sends a link, sees the preview and confirms.
                api.pushMessage(READER, READER, "/ingest " + web.url("/news/2"));
                assertTrue(awaitText(api, READER, n + 2).contains("مدیران"));
                api.pushMessage(ADMIN, ADMIN, "/ingest " + web.url("/news/2"));
                String preview = awaitText(api, ADMIN, 1);
                assertTrue(preview.contains("خط ۱۰ متروی تهران تا پایان سال افتتاح می‌شود"), preview);
                assertTrue(preview.contains("خبرگزاری مهر"), preview);
                String markup = api.calls("sendMessage").stream()
                        .filter(c -> Long.toString(ADMIN).equals(c.param("chat_id"))).findFirst().orElseThrow()
                        .param("reply_markup");
                Matcher ok = Pattern.compile("in:ok:[0-9a-f]+").matcher(String.valueOf(markup));
                assertTrue(ok.find(), "no Confirm button in " + markup);
                api.pushCallback(ADMIN, ADMIN, 1, ok.group());
                api.awaitCalls(c -> c.method().equals("editMessageText") || c.method().equals("sendMessage")
                        && Long.toString(ADMIN).equals(c.param("chat_id")) && c.param("text").contains("خط ۱۰"),
                        2, WAIT, "the confirmation");
                // Confirmed in this process: the next question is about the new article at once.
                int before = api.sentTexts(READER).size();
                api.pushMessage(READER, READER, "/source");
                String mehr = awaitText(api, READER, before + 1);
                assertTrue(mehr.contains("خبرگزاری مهر"), mehr);

                // A page that is not there: a short explanation, nothing stored.
                int adminBefore = api.sentTexts(ADMIN).size();
                api.pushMessage(ADMIN, ADMIN, "/ingest " + web.url("/news/3"));
                String failed = awaitText(api, ADMIN, adminBefore + 1);
                assertTrue(failed.contains("HTTP 404"), failed);
            } finally {
                p.destroy();
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "did not stop on SIGTERM");
            String out = Files.readString(log);
            assertFalse(out.contains("Exception"), out);
        }
    }

    private static MockResponse html(byte[] body) {
        return new MockResponse().setHeader("Content-Type", "text/html; charset=utf-8").setBody(new Buffer().write(body));
    }

    /** The n-th text sent to {@code chat} (1-based), waiting for it. */
    private static String awaitText(FakeBotApi api, long chat, int n) throws InterruptedException {
        api.awaitCalls(c -> c.method().equals("sendMessage") && Long.toString(chat).equals(c.param("chat_id")), n, WAIT,
                n + " messages to " + chat);
        List<String> texts = api.sentTexts(chat);
        return texts.get(n - 1);
    }

    /**
     * Asks {@code question} until the reply contains {@code expected}: the bot looks for a new default every few
     * seconds, so the first asks may still get the old article. Waits, never asserts a duration.
     */
    private static String askUntil(FakeBotApi api, long chat, String question, int sentBefore, String expected)
            throws InterruptedException {
        int seen = sentBefore - 1;
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            api.pushMessage(chat, chat, question);
            last = awaitText(api, chat, ++seen);
            if (last.contains(expected)) return last;
            Thread.sleep(500);
        }
        throw new AssertionError("the bot kept answering about the old article: " + last);
    }
}
