package ir.peyk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * News pages in the structure of Iranian sites (menus, kicker, lead, body, related news, comments, footer; invented
 * text), read by address from a server on 127.0.0.1: what is read, and that no page furniture reaches the article.
 */
class PageIngestTest {
    private MockWebServer server;
    private final Sources sources = new Sources(new PageFetcher(Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(10)));

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    static byte[] page(String name) throws IOException {
        try (InputStream in = PageIngestTest.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) throw new IllegalStateException("no test page " + name);
            return in.readAllBytes();
        }
    }

    private String serve(byte[] body, String contentType) {
        server.enqueue(new MockResponse().setHeader("Content-Type", contentType).setBody(new Buffer().write(body)));
        return server.url("/news/1234/page").toString();
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                // file, title, outlet, ISO date, time, author, the lead starts with
                Arguments.of("isna-water.html", "کاهش ذخایر آب سدهای مشهد به ۱۲ درصد", "ایسنا", "2024-11-12", "08:15",
                        "زهرا کاظمی", "مدیرعامل شرکت آب منطقه‌ای"),
                Arguments.of("irna-exports.html", "صادرات فرش دستباف ۱۵ درصد افزایش یافت", "ایرنا", "2024-02-10",
                        "11:40", "علی محمدی", "رئیس مرکز ملی فرش ایران"),
                Arguments.of("tasnim-wheat.html", "خرید تضمینی گندم از مرز ۸ میلیون تن گذشت", "خبرگزاری تسنیم",
                        "2024-07-03", "16:05", null, "معاون وزیر جهاد کشاورزی"),
                Arguments.of("mehr-metro.html", "خط ۱۰ متروی تهران تا پایان سال افتتاح می‌شود", "خبرگزاری مهر",
                        "2025-01-14", "09:30", "رضا توکلی", "مدیرعامل شرکت متروی تهران"),
                Arguments.of("hamshahri-parks.html", "۱۲ بوستان تازه در جنوب تهران ساخته می‌شود", "همشهری آنلاین",
                        "2023-05-20", "10:45", null, "معاون خدمات شهری شهرداری تهران"),
                Arguments.of("kayhan-road.html", "بازگشايي جاده چالوس پس از 45 روز", null, null, null, null,
                        "جاده کرج - چالوس"));
    }

    /** Text of the menus, related news, comments, share bars and footers of the test pages. */
    private static final List<String> FURNITURE = List.of("صفحه اصلی", "صفحه اول", "اخبار مرتبط", "بیشتر بخوانید",
            "پربازدید", "پربیننده", "آخرین اخبار", "عناوین امروز", "نظرات", "نظر شما", "امیدوارم", "نگران‌کننده",
            "تلگرام", "اشتراک", "کلیه حقوق", "کليه حقوق", "تمامی حقوق", "برچسب", "درباره ما", "بارش باران",
            "قیمت دلار", "نمایشگاه فرش دستباف در تهران", "بلیت مترو", "ترافیک سنگین", "نشست سران", "سیاسی", "ایسنا /",
            "کد خبر", "RSS", "English");

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void readsTheArticleByAddress(String file, String title, String outlet, String iso, String time, String author,
                                  String leadStart) throws Exception {
        String type = file.startsWith("kayhan") ? "text/html" : "text/html; charset=utf-8"; // Kayhan: <meta> decides
        Article a = sources.fromUrl(serve(page(file), type));
        ArticleMeta m = a.meta();
        assertEquals(title, m.title());
        assertEquals(outlet, m.outlet());
        assertEquals(iso, m.publishedIso() == null ? null : m.publishedIso().toString());
        assertEquals(time, m.time());
        assertEquals(author, m.author());
        assertTrue(a.body().get(0).text().startsWith(leadStart), a.body().get(0).text());
        assertTrue(a.body().size() >= 3, "lead and body: " + a.body().size());
        for (Sentence s : a.sentences()) {
            for (String f : FURNITURE) assertFalse(s.text().contains(f), file + ": «" + f + "» in " + s.text());
        }
        assertEquals("GET", server.takeRequest().getMethod());
    }

    @Test
    void aHeaderCharsetIsObeyed() throws Exception {
        Article a = sources.fromUrl(serve(page("kayhan-road.html"), "text/html; charset=windows-1256"));
        assertTrue(a.body().get(0).text().contains("چالوس"));
    }

    @Test
    void wirePrefixesAreMetadataNotText() throws Exception {
        Article mehr = sources.fromUrl(serve(page("mehr-metro.html"), "text/html"));
        assertEquals("مهر", mehr.meta().agency());
        assertEquals("گروه جامعه", mehr.meta().service());
        assertTrue(mehr.body().stream().noneMatch(s -> s.text().contains("گروه جامعه")));
        Article kayhan = sources.fromUrl(serve(page("kayhan-road.html"), "text/html"));
        assertEquals("سرويس شهرستان‌ها", kayhan.meta().service());
    }

    @Test
    void notArticlesAreRefusedWithOneLine() throws Exception {
        for (String file : List.of("home-page.html", "search-page.html", "login-wall.html")) {
            IngestException e = assertThrows(IngestException.class, () -> sources.fromUrl(serve(page(file), "text/html")));
            assertTrue(e.getMessage().contains("no article text"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void badResponsesAreRefusedWithOneLine() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(404).setBody("not here"));
        assertRefused("not found (HTTP 404)");
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/pdf").setBody("%PDF-1.4"));
        assertRefused("not a web page (content type application/pdf)");
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 31);
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(new Buffer().write(binary)));
        assertRefused("binary");
        server.enqueue(new MockResponse().setResponseCode(403));
        assertRefused("login");
        for (int i = 0; i < 25; i++) {
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/news/1234/page"));
        }
        assertRefused("redirect");
    }

    @Test
    void aTenMegabytePageIsRefusedWithOrWithoutItsLength() throws Exception {
        byte[] big = new byte[10 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setBody(new Buffer().write(big)));
        assertRefused("1 MiB");
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/html").setChunkedBody(new Buffer().write(big), 65536));
        assertRefused("1 MiB");
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertRefused("timeout");
    }

    @Test
    void aSavedPageIsReadFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path saved = java.nio.file.Files.write(dir.resolve("saved"), page("tasnim-wheat.html"));
        Article a = sources.read(saved.toString());
        assertEquals("خبرگزاری تسنیم", a.meta().outlet());
        assertNull(a.meta().author());
        assertEquals(List.of("author"), Sources.missing(a.meta()));
    }

    private void assertRefused(String expected) {
        IngestException e = assertThrows(IngestException.class,
                () -> sources.fromUrl(server.url("/news/1234/page").toString()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
