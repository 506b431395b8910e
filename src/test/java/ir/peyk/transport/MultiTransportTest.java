package ir.peyk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Transport;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.ArticleParser;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.handler.Router;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.FakeRubika;
import ir.peyk.transport.rubika.RubikaTransport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One process, two messengers: {@code PEYK_TRANSPORT=bale,rubika} with both API URLs pointed at loopback fakes, wired
 * the way the run command wires it (config → Transports factory → BotApp with the router), one SQLite store.
 */
class MultiTransportTest {
    static final String BALE_TOKEN = "1234567:bale-SECRET-token";
    static final String RUBIKA_TOKEN = "RUBIKASECRET0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFG";
    static final String RUBIKA_CHAT = "b0QFtabc1I02214b529f1d60c9ce5b08";
    static final String RUBIKA_USER = "u0QFtn01dd26d72abc5c77b8e116cd79";
    static final String QUESTION = "روبیکا چند کاربر دارد؟";
    static final Duration WAIT = Duration.ofSeconds(8);

    @TempDir
    Path dir;
    FakeBotApi bale;
    FakeRubika rubika;
    Database db;
    final List<BotApp> apps = new ArrayList<>();
    final List<String> operator = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        bale = FakeBotApi.start(BALE_TOKEN, 0);
        rubika = new FakeRubika(RUBIKA_TOKEN);
        db = Database.open(dir.resolve("peyk.db"));
    }

    @AfterEach
    void close() throws Exception {
        apps.forEach(BotApp::stop);
        db.close();
        bale.close();
        rubika.close();
    }

    /** Starts the bot as `peyk run` would, from a config file and the environment. */
    BotApp run(String rubikaToken) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config")).resolve("peyk.yaml");
        Files.writeString(config, """
                transports:
                  rubika:
                    options:
                      pollIdleMillis: "50"
                """);
        PeykConfig cfg = PeykConfig.load(config, Map.of(
                "PEYK_TRANSPORT", "bale,rubika",
                "PEYK_BALE_TOKEN", BALE_TOKEN, "PEYK_BALE_API_URL", bale.url(),
                "PEYK_RUBIKA_TOKEN", rubikaToken, "PEYK_RUBIKA_API_URL", rubika.apiUrl()));
        Subscribers subscribers = new Subscribers(db);
        BotApp.Builder b = BotApp.builder(db).subscribers(subscribers).operator(operator::add).grace(Duration.ofSeconds(5));
        for (TransportConfig tc : cfg.enabledTransports()) {
            Transport t = Transports.create(tc, cfg);
            if (t.name().equals("rubika")) assertTrue(t instanceof RubikaTransport);
            b.transport(t);
        }
        b.use(new Router(new AnswerEngine(article()), subscribers));
        BotApp app = b.build();
        apps.add(app);
        app.start();
        return app;
    }

    static ir.peyk.article.Article article() throws Exception {
        try (InputStream in = MultiTransportTest.class.getResourceAsStream("/articles/government-services-domestic-messengers.fa.txt")) {
            return ArticleParser.parse(in.readAllBytes());
        }
    }

    @Test
    void baleAndRubikaAreServedAtOnceFromOneStore() throws Exception {
        run(RUBIKA_TOKEN);
        Subscribers subs = new Subscribers(db);
        assertFalse(rubika.calls("setCommands").isEmpty(), "Rubika got the command list at start");
        assertTrue(rubika.calls("setCommands").get(0).body().path("bot_commands").size() >= 5);

        bale.pushMessage(42, 42, "/start");
        bale.pushMessage(42, 42, QUESTION);
        rubika.queue(FakeRubika.startedBot(RUBIKA_CHAT));
        rubika.queue(FakeRubika.newMessage(RUBIKA_CHAT, RUBIKA_USER, "501", QUESTION, System.currentTimeMillis() / 1000));

        bale.awaitCalls("sendMessage", 2, WAIT);
        rubika.awaitCalls("sendMessage", 2, WAIT);
        List<String> onBale = bale.sentTexts(42);
        List<String> onRubika = rubika.sentTexts(RUBIKA_CHAT);
        assertEquals(2, onBale.size(), "bale: welcome and answer " + onBale);
        assertEquals(2, onRubika.size(), "rubika: welcome and answer " + onRubika);
        assertFalse(onRubika.get(1).isBlank());
        assertFalse(onRubika.get(0).equals(onRubika.get(1)), "the question got its own answer, not a second welcome");
        // Rubika takes plain text: the same answer Bale got, without Bale's Markdown escaping.
        assertEquals(onBale.get(1).replaceAll("\\\\([_*\\[\\]()~`>#+\\-=|{}.!])", "$1"), onRubika.get(1));

        // Subscribers are keyed by (transport, chat id).
        assertTrue(subs.isSubscribed("bale", "42"));
        assertTrue(subs.isSubscribed("rubika", RUBIKA_CHAT));
        assertFalse(subs.isSubscribed("rubika", "42"));

        // Stopping the Rubika bot unsubscribes that chat only, and sends nothing to the user who stopped it: the
        // question queued after it (same chat, so handled after it) gets the only further message.
        rubika.queue(FakeRubika.stoppedBot(RUBIKA_CHAT));
        rubika.queue(FakeRubika.newMessage(RUBIKA_CHAT, RUBIKA_USER, "502", QUESTION, System.currentTimeMillis() / 1000));
        rubika.awaitCalls("sendMessage", 3, WAIT);
        assertEquals(List.of(onRubika.get(0), onRubika.get(1), onRubika.get(1)), rubika.sentTexts(RUBIKA_CHAT),
                "no reply to StoppedBot");
        assertFalse(subs.isSubscribed("rubika", RUBIKA_CHAT));
        assertTrue(subs.isSubscribed("bale", "42"));
    }

    @Test
    void aRefusedRubikaTokenLeavesRubikaOutAndBaleAnswering() throws Exception {
        run("WRONG" + RUBIKA_TOKEN.substring(5));
        assertEquals(1, operator.size(), "one line for the operator: " + operator);
        assertEquals("rubika: the token was refused (HTTP 200, INVALID_ACCESS (wrong token)) — check PEYK_RUBIKA_TOKEN",
                operator.get(0), "says what Rubika said: it answered HTTP 200, not 401");
        assertFalse(operator.get(0).contains(RUBIKA_TOKEN.substring(5)));
        bale.pushMessage(7, 7, QUESTION);
        bale.awaitCalls("sendMessage", 1, WAIT);
        assertEquals(1, bale.sentTexts(7).size());
        assertEquals(1, rubika.requestCount(), "the refused token was tried once, not in a loop");
    }

    @Test
    void aRubikaOutageDoesNotStopBale() throws Exception {
        run(RUBIKA_TOKEN);
        rubika.close(); // Rubika goes away: its poller backs off and retries
        bale.pushMessage(8, 8, "/start");
        bale.awaitCalls("sendMessage", 1, WAIT);
        assertEquals(1, bale.sentTexts(8).size());
        assertTrue(operator.isEmpty(), "an outage is not fatal: " + operator);
    }

    static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + WAIT);
            Thread.sleep(10);
        }
    }
}
