package ir.peyk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.adapter.BotApp;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.handler.Router;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Telegram user sees beyond text, against a Bot API on 127.0.0.1 and the bot wired as `peyk run` wires it:
 * the "/" menu at start (Persian by default, English for English-speaking apps), /stats as a PNG upload, and group
 * replies that quote the message they answer.
 */
class TelegramUxTest {
    static final String TOKEN = "7654321:tg-SECRET-token";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    FakeBotApi api;
    Database db;
    final List<BotApp> apps = new ArrayList<>();
    final List<String> operator = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        api = FakeBotApi.start(TOKEN);
        db = Database.open(dir.resolve("peyk.db"));
    }

    @AfterEach
    void close() {
        apps.forEach(BotApp::stop);
        db.close();
        api.close();
    }

    Router router;

    BotApp run() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config")).resolve("peyk.yaml");
        Files.writeString(config, "transports: {}\n");
        PeykConfig cfg = PeykConfig.load(config, Map.of("PEYK_TRANSPORT", "telegram",
                "PEYK_TELEGRAM_TOKEN", TOKEN, "PEYK_TELEGRAM_API_URL", api.url()));
        Subscribers subscribers = new Subscribers(db);
        BotApp.Builder b = BotApp.builder(db).subscribers(subscribers).operator(operator::add).grace(Duration.ofSeconds(5));
        for (TransportConfig tc : cfg.enabledTransports()) b.transport(Transports.create(tc, cfg));
        router = new Router(new AnswerEngine(MultiTransportTest.article()), subscribers);
        b.use(router);
        BotApp app = b.build();
        apps.add(app);
        app.start();
        return app;
    }

    @Test
    void startRegistersTheRoutersCommandsInPersianAndEnglish() throws Exception {
        run();
        List<FakeBotApi.Call> menus = api.calls("setMyCommands");
        assertEquals(2, menus.size(), "a default (Persian) and an English menu");
        JsonNode fa = menus.get(0).params();
        JsonNode en = menus.get(1).params();
        assertFalse(fa.has("language_code"), "the Persian list is the default for every other language");
        assertEquals("en", en.path("language_code").asText());
        assertEquals(router.commandNames(), names(fa), "the menu is the router's own list, in /help order");
        assertEquals(router.commandNames(), names(en));
        assertTrue(fa.path("commands").get(0).path("description").asText().matches(".*[\\u0600-\\u06FF].*"),
                "Persian descriptions: " + fa);
        assertTrue(en.path("commands").get(0).path("description").asText().matches("[\\x20-\\x7E]+"),
                "English descriptions: " + en);
        assertEquals(200, menus.get(0).status());
        assertEquals(200, menus.get(1).status());
    }

    @Test
    void aPlatformWithoutTheMenuStillStarts() throws Exception {
        api.failNext("setMyCommands", 1, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        run();
        assertTrue(operator.isEmpty(), "the menu is a convenience, not a reason to stop: " + operator);
        api.pushMessage(42, 42, "/help");
        api.awaitCalls("sendMessage", 1, WAIT);
    }

    @Test
    void statsInAGroupIsAPngPictureQuotingTheQuestionWithTheTextAsCaption() throws Exception {
        run();
        api.pushMessage(-100, 42, "/stats");
        api.awaitCalls("sendPhoto", 1, WAIT);
        FakeBotApi.Call photo = api.calls("sendPhoto").get(0);
        assertEquals(200, photo.status());
        assertEquals("-100", photo.param("chat_id"));
        String caption = photo.param("caption");
        assertNotNull(caption);
        assertTrue(caption.contains("کلیدواژه‌ها") && caption.contains("۴۰ میلیون"), caption);
        assertNotNull(photo.param("reply_to_message_id"), "a group reply quotes the question");
        FakeBotApi.Upload upload = api.uploads().get(0);
        assertEquals("photo", upload.field());
        assertEquals("image/png", upload.contentType());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload.bytes()));
        assertNotNull(image, "a valid PNG");
        assertEquals(800, image.getWidth());
        assertTrue(image.getHeight() > 300, "title, facts and two sections of bars: " + image.getHeight());
        assertTrue(api.calls("sendMessage").isEmpty(), "the text went as the caption, not twice");
    }

    @Test
    void aRefusedPhotoStillGetsTheText() throws Exception {
        api.failNext("sendPhoto", 1, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: PHOTO_INVALID_DIMENSIONS\"}");
        run();
        api.pushMessage(42, 42, "/stats");
        api.awaitCalls("sendMessage", 1, WAIT);
        assertTrue(api.sentTexts(42).get(0).contains("کلیدواژه‌ها"), api.sentTexts(42).toString());
    }

    @Test
    void groupRepliesQuoteTheMessageTheyAnswerAndPrivateRepliesDoNot() throws Exception {
        run();
        api.pushMessage(-100, 42, "/summary 2");
        api.awaitCalls("sendMessage", 1, WAIT);
        api.pushMessage(42, 42, "/summary 2");
        api.awaitCalls("sendMessage", 2, WAIT);
        List<FakeBotApi.Call> sends = api.calls("sendMessage");
        FakeBotApi.Call group = sends.stream().filter(c -> "-100".equals(c.param("chat_id"))).findFirst().orElseThrow();
        FakeBotApi.Call direct = sends.stream().filter(c -> "42".equals(c.param("chat_id"))).findFirst().orElseThrow();
        String quoted = group.param("reply_to_message_id");
        assertNotNull(quoted, "the group answer quotes the question");
        assertEquals("true", group.param("allow_sending_without_reply"), "a deleted question must not lose the answer");
        assertTrue(Long.parseLong(quoted) > 1000, "a message id the fake gave out: " + quoted);
        assertNull(direct.param("reply_to_message_id"), "a private chat needs no quote");
    }

    private static List<String> names(JsonNode menu) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : menu.path("commands")) out.add(c.path("command").asText());
        return out;
    }

}
