package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Context;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Middleware;
import ir.peyk.ingest.DefaultArticleFollower;
import ir.peyk.ingest.IngestCommands;
import ir.peyk.ingest.PageFetcher;
import ir.peyk.ingest.Sources;
import ir.peyk.store.ArticleRepository;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.answer.AnswerEngine;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /ingest on a messenger without buttons (Eitaa-like: the preview names /ingest_confirm and /ingest_cancel), wired as
 * the bot wires it: IngestCommands, then the follower's router, on a real SQLite store; the page comes from 127.0.0.1.
 */
class IngestChatTest {
    @TempDir
    Path dir;

    private final AtomicInteger seq = new AtomicInteger();

    @Test
    void anAdminPreviewsConfirmsAndEveryChatGetsTheNewArticle() throws Exception {
        try (MockWebServer web = new MockWebServer(); Database db = Database.open(dir.resolve("peyk.db"))) {
            web.start(InetAddress.getLoopbackAddress(), 0);
            byte[] html;
            try (InputStream in = getClass().getResourceAsStream("/pages/tasnim-wheat.html")) {
                html = in.readAllBytes();
            }
            web.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(new Buffer().write(html)));
            web.enqueue(new MockResponse().setHeader("Content-Type", "application/zip").setBody("PK"));
            ArticleRepository articles = new ArticleRepository(db);
            articles.save(TestBot.defaultArticle(), true);
            Subscribers subscribers = new Subscribers(db);
            DefaultArticleFollower follower = new DefaultArticleFollower(articles, TestBot.defaultArticle(),
                    a -> new Router(new AnswerEngine(a), subscribers), Duration.ofHours(1));
            Middleware bot = Middleware.compose(List.of(new IngestCommands(new Sources(new PageFetcher()), articles,
                    follower::checkNow), follower));
            RecordingTransport eitaa = new RecordingTransport("eitaa", RecordingTransport.TEXT_ONLY);

            String refused = say(bot, eitaa, false, "/ingest " + web.url("/n/1"));
            assertTrue(refused.contains("فقط مدیران"), refused);
            assertEquals(0, web.getRequestCount(), "a reader's /ingest fetches nothing");

            String preview = say(bot, eitaa, true, "/ingest " + web.url("/n/1"));
            assertTrue(preview.contains("خرید تضمینی گندم از مرز ۸ میلیون تن گذشت"), preview);
            assertTrue(preview.contains("خبرگزاری تسنیم"), preview);
            assertTrue(preview.contains("13 تیر 1403 (2024-07-03) 16:05"), preview);
            assertTrue(preview.contains("معاون وزیر جهاد کشاورزی"), "the first sentence: " + preview);
            String id = preview.replaceAll("(?s).*/ingest_confirm ([0-9a-f]+).*", "$1");
            assertEquals(12, id.length(), preview);
            assertTrue(say(bot, eitaa, false, "/source").contains("دنیای اقتصاد"), "not switched before Confirm");

            String done = say(bot, eitaa, true, "/ingest_confirm " + id);
            assertTrue(done.contains("خرید تضمینی گندم"), done);
            assertEquals(id, follower.articleId());
            String source = say(bot, eitaa, false, "/source");
            assertTrue(source.contains("خبرگزاری تسنیم") && source.contains("در صفحه نیامده: نویسنده"), source);
            assertTrue(say(bot, eitaa, true, "/ingest_confirm " + id).contains("معتبر نیست"), "a preview confirms once");

            // A forwarded post with its link, in a private chat: the same as /ingest.
            String failed = say(bot, eitaa, true, "واردات برنج از سر گرفته شد\nجزئیات: " + web.url("/n/2"));
            assertTrue(failed.contains("application/zip"), failed);
            assertEquals(2, articles.list().size(), "nothing stored for the refused page");
        }
    }

    private String say(Middleware bot, RecordingTransport t, boolean admin, String text) throws Exception {
        int n = seq.incrementAndGet();
        int before = t.out.size();
        Message m = new Message(t.name(), "u" + n, TestBot.PRIVATE, TestBot.ALICE, "m" + n, text, false, 0);
        bot.handle(new Context(m, t, TestBot.ME, "fa", admin), () -> { });
        assertEquals(before + 1, t.out.size(), "one reply to " + text);
        return t.out.get(before).text();
    }
}
