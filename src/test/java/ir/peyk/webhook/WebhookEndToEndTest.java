package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Transport;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.ArticleParser;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.handler.Router;
import ir.peyk.metrics.MetricsMiddleware;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.FakeGap;
import ir.peyk.testing.FakeRubika;
import ir.peyk.transport.Transports;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with the real parts: config file → Transports factory → BotApp (inbox, dispatcher, router) with
 * the {@link WebhookService}; Telegram-, Rubika- and Gap-shaped posts over HTTP; replies through each transport to
 * its fake platform server on loopback. Bale runs in polling mode beside them, to show its old webhook is deleted.
 */
class WebhookEndToEndTest {
    static final String TG_TOKEN = "123456:telegram-test-token";
    static final String BALE_TOKEN = "654321:bale-test-token";
    static final String RUBIKA_TOKEN = "RUBIKASECRETTOKENQWERTYUIOPASDFGHJKLZXCVBNM0123456789ABCDEFGHIJKL";
    static final String GAP_TOKEN = "GapSecretToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    FakeBotApi tg;
    FakeBotApi bale;
    FakeRubika rubika;
    FakeGap gap;
    Database db;
    BotApp app;
    WebhookService service;
    final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    @AfterEach
    void tearDown() throws Exception {
        http.connectionPool().evictAll();
        if (app != null) app.stop();
        if (db != null) db.close();
        for (AutoCloseable c : new AutoCloseable[]{tg, bale, rubika, gap}) if (c != null) c.close();
    }

    @Test
    void postsOfEachPlatformAreStoredThenAnsweredThroughTheirTransports() throws Exception {
        tg = FakeBotApi.start(TG_TOKEN);
        bale = FakeBotApi.start(BALE_TOKEN, 0);
        rubika = new FakeRubika(RUBIKA_TOKEN);
        gap = new FakeGap(GAP_TOKEN);
        // Bale ran in webhook mode before: its webhook is still set, and getUpdates would fail with 409.
        try (Response r = http.newCall(new Request.Builder().url(bale.url() + "/bot" + BALE_TOKEN
                + "/setWebhook?url=https://old.example.com/hook").build()).execute()) {
            assertEquals(200, r.code());
        }
        startBot();
        WebhookServer server = service.server();
        WebhookSecrets secrets = WebhookSecrets.load(db, Map.of());

        // Registration: Telegram with the secret token, Rubika for both endpoint types; Bale's webhook deleted.
        assertEquals(server.publicUrl("telegram"), tg.webhookUrl());
        assertTrue(server.publicUrl("telegram").startsWith("https://bot.example.com/hook/telegram/"));
        assertEquals(secrets.headerSecret("telegram"), tg.calls("setWebhook").get(0).param("secret_token"));
        List<FakeRubika.Call> endpoints = rubika.calls("updateBotEndpoints");
        assertEquals(List.of("ReceiveUpdate", "ReceiveInlineMessage"),
                endpoints.stream().map(c -> c.body().path("type").asText()).toList());
        assertTrue(endpoints.stream().allMatch(c -> c.body().path("url").asText().equals(server.publicUrl("rubika"))));
        assertNull(bale.webhookUrl(), "switching back to polling deleted the webhook");

        // Telegram: an Update with the secret header.
        String tgUpdate = "{\"update_id\":5001,\"message\":{\"message_id\":1,\"from\":{\"id\":111,\"is_bot\":false,"
                + "\"first_name\":\"Ali\"},\"chat\":{\"id\":111,\"type\":\"private\"},\"date\":1735000000,\"text\":\"/start\"}}";
        assertEquals(200, post(server, server.path("telegram"), tgUpdate, JSON, secrets.headerSecret("telegram")).code);
        tg.awaitCalls("sendMessage", 1, Duration.ofSeconds(10));
        assertTrue(tg.sentTexts(111).get(0).contains("پیک"), tg.sentTexts(111).toString());

        // Rubika: ReceiveUpdate on the /receiveUpdate suffix.
        String rubikaUpdate = "{\"update\":{\"type\":\"NewMessage\",\"chat_id\":\"b0chat1\",\"new_message\":{\"message_id\":"
                + "\"900\",\"text\":\"/start\",\"time\":\"" + System.currentTimeMillis() / 1000 + "\",\"is_edited\":false,"
                + "\"sender_type\":\"User\",\"sender_id\":\"u0user1\"}}}";
        Posted r = post(server, server.path("rubika") + "/receiveUpdate", rubikaUpdate, JSON, null);
        assertEquals(200, r.code);
        assertEquals("{\"status\":\"OK\"}", r.body);
        await(() -> !rubika.calls("sendMessage").isEmpty(), "rubika reply");
        assertEquals("b0chat1", rubika.calls("sendMessage").get(0).body().path("chat_id").asText());

        // Gap: a form post.
        String form = "chat_id=777&type=text&data=%2Fstart&from=" + java.net.URLEncoder.encode(
                FakeGap.from("4455", "Sara", "sara"), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(200, post(server, server.path("gap"), form, MediaType.get("application/x-www-form-urlencoded"), null).code);
        await(() -> !gap.calls("sendMessage").isEmpty(), "gap reply");
        assertEquals("777", gap.calls("sendMessage").get(0).form().get("chat_id"));

        // Bale polls beside the webhooks.
        bale.pushMessage(222, 222, "/start");
        bale.awaitCalls("sendMessage", 1, Duration.ofSeconds(10));

        JsonNode health = MAPPER.readTree(get(server, "/health"));
        for (String t : List.of("telegram", "rubika", "gap")) {
            assertEquals("running", health.at("/transports/" + t + "/state").asText(), t);
            assertEquals("webhook", health.at("/transports/" + t + "/mode").asText(), t);
        }
        assertEquals("polling", health.at("/transports/bale/mode").asText());
        String metrics = get(server, "/metrics");
        assertTrue(metrics.contains("peyk_updates_received_total{transport=\"gap\",via=\"webhook\"}"));
        assertTrue(metrics.contains("peyk_updates_handled_total{outcome=\"ok\",transport=\"rubika\"}"));
    }

    void startBot() throws Exception {
        Path cfg = dir.resolve("config/peyk.yaml");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, """
                store: peyk.db
                transports:
                  console: {enabled: false}
                  telegram: {enabled: true, apiUrl: "%s", mode: webhook}
                  bale: {enabled: true, apiUrl: "%s", mode: polling, options: {pollTimeoutSeconds: "1"}}
                  rubika: {enabled: true, apiUrl: "%s", mode: webhook}
                  gap: {enabled: true, apiUrl: "%s", mode: webhook}
                webhook: {enabled: true, host: 127.0.0.1, port: 0, publicUrl: "https://bot.example.com", maxBodyBytes: 65536}
                """.formatted(tg.url(), bale.url(), rubika.apiUrl(), gap.apiUrl()));
        Map<String, String> env = Map.of("PEYK_TELEGRAM_TOKEN", TG_TOKEN, "PEYK_BALE_TOKEN", BALE_TOKEN,
                "PEYK_RUBIKA_TOKEN", RUBIKA_TOKEN, "PEYK_GAP_TOKEN", GAP_TOKEN);
        PeykConfig config = PeykConfig.load(cfg, env);
        db = Database.open(config.store());
        Subscribers subscribers = new Subscribers(db);
        AnswerEngine engine;
        try (InputStream in = getClass().getResourceAsStream("/articles/government-services-domestic-messengers.fa.txt")) {
            engine = new AnswerEngine(ArticleParser.parse(in.readAllBytes()));
        }
        BotApp.Builder bot = BotApp.builder(db).subscribers(subscribers).grace(Duration.ofSeconds(5));
        for (TransportConfig tc : config.enabledTransports()) {
            Transport t = Transports.create(tc, config);
            bot.transport(t, tc.webhook() && t.capabilities().webhook() ? BotApp.Receive.WEBHOOK : BotApp.Receive.POLL);
        }
        service = new WebhookService(config, db, Map.of());
        app = bot.use(new MetricsMiddleware()).use(new Router(engine, subscribers)).service(service).build();
        app.start();
    }

    record Posted(int code, String body) {}

    Posted post(WebhookServer server, String path, String body, MediaType type, String tgSecret) throws Exception {
        Request.Builder b = new Request.Builder().url("http://127.0.0.1:" + server.port() + path)
                .post(RequestBody.create(body, type));
        if (tgSecret != null) b.header("X-Telegram-Bot-Api-Secret-Token", tgSecret);
        try (Response r = http.newCall(b.build()).execute()) {
            return new Posted(r.code(), r.body().string());
        }
    }

    String get(WebhookServer server, String path) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + server.port() + path).build()).execute()) {
            assertEquals(200, r.code());
            return r.body().string();
        }
    }

    /** Waits for asynchronous handling (bounded; a guard against hanging, not a timing assertion). */
    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }
}
