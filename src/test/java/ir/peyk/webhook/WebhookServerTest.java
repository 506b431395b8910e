package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.config.PeykConfig;
import ir.peyk.metrics.Metrics;
import ir.peyk.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Real HTTP posts, in each platform's shape, to a running server storing into a real SQLite file. */
class WebhookServerTest {
    static final MediaType JSON_TYPE = MediaType.get("application/json");
    static final MediaType FORM_TYPE = MediaType.get("application/x-www-form-urlencoded");
    static final String TG_UPDATE = "{\"update_id\":1001,\"message\":{\"message_id\":42,\"from\":{\"id\":111,"
            + "\"is_bot\":false,\"first_name\":\"Ali\"},\"chat\":{\"id\":111,\"type\":\"private\"},\"date\":1735000000,"
            + "\"text\":\"/start\"}}";
    static final String RUBIKA_UPDATE = "{\"update\":{\"type\":\"NewMessage\",\"chat_id\":\"b0abc\",\"new_message\":"
            + "{\"message_id\":\"%s\",\"text\":\"سلام\",\"time\":\"1643122902\",\"is_edited\":false,\"sender_type\":\"User\","
            + "\"sender_id\":\"u0xyz\"}}}";
    static final String RUBIKA_INLINE = "{\"inline_message\":{\"sender_id\":\"u0xyz\",\"text\":\"x\",\"location\":null,"
            + "\"aux_data\":{\"start_id\":null,\"button_id\":\"more\"},\"message_id\":\"77\",\"chat_id\":\"b0abc\"}}";

    @TempDir
    Path dir;
    Database db;
    SqliteSink sink;
    WebhookSecrets secrets = WebhookSecrets.fromEnv("0123456789abcdef0123456789abcdef-test");
    HealthBoard health = new HealthBoard();
    List<String> registered = new ArrayList<>();
    WebhookServer server;
    OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("peyk.db"));
        sink = new SqliteSink(db);
        health.inboxPending(() -> sink.stored().size());
        server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, "https://bot.example.com/", 4096), sink)
                .secrets(secrets).health(health)
                .route(ShapeTransport.telegram("telegram"), (url, s) -> registered.add("telegram " + url + " " + s))
                .route(ShapeTransport.telegram("bale"), (url, s) -> registered.add("bale " + url + " " + s))
                .route(ShapeTransport.rubika(), (url, s) -> registered.add("rubika " + url + " " + s))
                .route(ShapeTransport.gap(), null)
                .build();
        server.start();
        logs.start();
        ((Logger) LoggerFactory.getLogger(HookHandler.class)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(HookHandler.class)).detachAppender(logs);
        closeServer();
        db.close();
    }

    /** Drops the client's idle keep-alive connections first, so the graceful stop has nothing to wait for. */
    void closeServer() {
        http.connectionPool().evictAll();
        server.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    Response post(String path, String body, MediaType type, String header, String value) throws IOException {
        Request.Builder b = new Request.Builder().url(url(path)).post(RequestBody.create(body, type));
        if (header != null) b.header(header, value);
        return http.newCall(b.build()).execute();
    }

    int status(String path, String body, MediaType type, String header, String value) throws IOException {
        try (Response r = post(path, body, type, header, value)) {
            return r.code();
        }
    }

    int telegram(String body) throws IOException {
        return status(server.path("telegram"), body, JSON_TYPE, "X-Telegram-Bot-Api-Secret-Token",
                secrets.headerSecret("telegram"));
    }

    @Test
    void telegramUpdateWithTheSecretHeaderIsStoredBeforeTheOk() throws IOException {
        try (Response r = post(server.path("telegram"), TG_UPDATE, JSON_TYPE, "X-Telegram-Bot-Api-Secret-Token",
                secrets.headerSecret("telegram"))) {
            assertEquals(200, r.code());
            assertEquals("", r.body().string());
            // The response is complete, so the store already holds the update.
            assertEquals(List.of("telegram:1001"), sink.stored());
        }
        assertTrue(sink.body("telegram", "1001").contains("/start"));
    }

    @Test
    void registersEachPlatformWithItsPublicUrlAndOnlyTelegramWithASecretToken() {
        assertEquals(List.of(
                "telegram https://bot.example.com/hook/telegram/" + secrets.pathSecret("telegram") + " "
                        + secrets.headerSecret("telegram"),
                "bale https://bot.example.com/hook/bale/" + secrets.pathSecret("bale") + " null",
                "rubika https://bot.example.com/hook/rubika/" + secrets.pathSecret("rubika") + " null"), registered);
        assertTrue(secrets.headerSecret("telegram").matches("[A-Za-z0-9_-]{43}"), "Telegram's secret_token alphabet");
    }

    @Test
    void wrongOrMissingTelegramSecretHeaderIs401AndNothingIsStored() throws IOException {
        assertEquals(401, status(server.path("telegram"), TG_UPDATE, JSON_TYPE, "X-Telegram-Bot-Api-Secret-Token", "nope"));
        assertEquals(401, status(server.path("telegram"), TG_UPDATE, JSON_TYPE, null, null));
        // The header secret of another transport does not open this one.
        assertEquals(401, status(server.path("telegram"), TG_UPDATE, JSON_TYPE, "X-Telegram-Bot-Api-Secret-Token",
                secrets.headerSecret("bale")));
        assertEquals(List.of(), sink.stored());
    }

    @Test
    void wrongPathSecretIs401NothingStoredAndTheSecretIsNotLogged() throws IOException {
        String forged = "/hook/telegram/FORGEDSECRETxyz1234567890";
        assertEquals(401, status(forged, TG_UPDATE, JSON_TYPE, "X-Telegram-Bot-Api-Secret-Token",
                secrets.headerSecret("telegram")));
        // Bale's path secret on Telegram's route, and an unknown transport: also 401.
        assertEquals(401, status("/hook/telegram/" + secrets.pathSecret("bale"), TG_UPDATE, JSON_TYPE,
                "X-Telegram-Bot-Api-Secret-Token", secrets.headerSecret("telegram")));
        assertEquals(401, status("/hook/eitaa/" + secrets.pathSecret("eitaa"), TG_UPDATE, JSON_TYPE, null, null));
        assertEquals(List.of(), sink.stored());
        assertFalse(logs.list.isEmpty(), "the refusal is logged");
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage();
            assertFalse(line.contains("FORGEDSECRET"), line);
            assertFalse(line.contains(secrets.pathSecret("telegram")), line);
            assertFalse(line.contains(secrets.pathSecret("bale")), line);
        }
    }

    @Test
    void baleHasNoSecretHeaderThePathIsEnough() throws IOException {
        assertEquals(200, status(server.path("bale"), TG_UPDATE.replace("1001", "0"), JSON_TYPE, null, null));
        assertEquals(List.of("bale:0"), sink.stored());
    }

    @Test
    void duplicatesAreAcknowledgedAndStoredOnce() throws IOException {
        assertEquals(200, telegram(TG_UPDATE));
        assertEquals(200, telegram(TG_UPDATE));
        assertEquals(List.of("telegram:1001"), sink.stored());
    }

    @Test
    void rubikaOnTheBasePathAndBothSuffixesRepliesStatusOk() throws IOException {
        String base = server.path("rubika");
        for (String[] c : new String[][]{{base, RUBIKA_UPDATE.formatted("1")},
                {base + "/receiveUpdate", RUBIKA_UPDATE.formatted("2")},
                {base + "/receiveInlineMessage", RUBIKA_INLINE}}) {
            try (Response r = post(c[0], c[1], JSON_TYPE, null, null)) {
                assertEquals(200, r.code(), c[0]);
                assertEquals("{\"status\":\"OK\"}", r.body().string());
                assertTrue(r.header("Content-Type").startsWith("application/json"));
            }
        }
        assertEquals(List.of("rubika:1", "rubika:2", "rubika:inline:77"), sink.stored());
        assertEquals(404, status(base + "/receiveQuery", RUBIKA_UPDATE.formatted("3"), JSON_TYPE, null, null));
        assertEquals(404, status(base + "/receiveUpdate/x", RUBIKA_UPDATE.formatted("3"), JSON_TYPE, null, null));
    }

    @Test
    void gapFormAndJsonPostsAreBothAccepted() throws IOException {
        assertEquals(200, status(server.path("gap"), "chat_id=123&type=text&data=%D8%B3%D9%84%D8%A7%D9%85"
                + "&from=%7B%22id%22%3A5%7D", FORM_TYPE, null, null));
        assertEquals(200, status(server.path("gap"), "{\"chat_id\":\"123\",\"type\":\"text\",\"data\":\"hi\"}",
                JSON_TYPE, null, null));
        assertEquals(List.of("gap:123:سلام", "gap:123:hi"), sink.stored());
        // A form the decoder cannot read is refused, not stored.
        assertEquals(400, status(server.path("gap"), "garbage-without-equals", FORM_TYPE, null, null));
        assertEquals(2, sink.stored().size());
    }

    @Test
    void oversizedBodyIs413WhetherDeclaredOrChunked() throws IOException {
        String big = "{\"update_id\":5,\"pad\":\"" + "x".repeat(5000) + "\"}";
        assertEquals(413, telegram(big));
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON_TYPE;
            }

            @Override
            public long contentLength() {
                return -1; // no Content-Length: the cap must hold while reading
            }

            @Override
            public void writeTo(BufferedSink out) throws IOException {
                out.writeUtf8(big);
            }
        };
        Request req = new Request.Builder().url(url(server.path("telegram"))).post(chunked)
                .header("X-Telegram-Bot-Api-Secret-Token", secrets.headerSecret("telegram")).build();
        try (Response r = http.newCall(req).execute()) {
            assertEquals(413, r.code());
        }
        assertEquals(List.of(), sink.stored());
    }

    @Test
    void malformedJsonIs400ButAWellFormedUnknownUpdateIsAcknowledgedAsPoison() throws IOException {
        assertEquals(400, telegram("{\"update_id\":7,"));
        assertEquals(400, telegram("[1,2]"));
        assertEquals(400, telegram(""));
        assertEquals(400, status(server.path("rubika"), "not json", MediaType.get("text/plain"), null, null));
        assertEquals(List.of(), sink.stored());
        assertTrue(logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains("malformed JSON")));

        assertEquals(200, telegram("{\"something_new\":{\"x\":1}}"));
        List<String> stored = sink.stored();
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).startsWith("telegram:unknown:"), stored.toString());
        assertNull(sink.body("telegram", stored.get(0).substring("telegram:".length())), "poison: no update");
    }

    @Test
    void aDecoderThatCrashesStoresThePostAsPoisonAndAcknowledgesIt() throws IOException {
        closeServer();
        ShapeTransport crashing = new ShapeTransport("bale", "/update_id", "/x", "/y") {
            @Override
            public ir.peyk.adapter.Batch decodeWebhook(byte[] body, String contentType) {
                throw new NullPointerException("a codec bug");
            }
        };
        server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null, 4096), sink)
                .secrets(secrets).route(crashing, null).build();
        server.start();
        assertEquals(200, status(server.path("bale"), TG_UPDATE, JSON_TYPE, null, null));
        assertEquals(200, status(server.path("bale"), TG_UPDATE, JSON_TYPE, null, null));
        List<String> stored = sink.stored();
        assertEquals(1, stored.size(), "the same body is the same poison: a redelivery is a duplicate");
        assertTrue(stored.get(0).startsWith("bale:body-sha256:"), stored.toString());
    }

    @Test
    void unknownRoutesAre404AndWrongMethodsAre405() throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url("/nope")).build()).execute()) {
            assertEquals(404, r.code());
        }
        assertEquals(404, status("/hookx/telegram", "{}", JSON_TYPE, null, null));
        Request get = new Request.Builder().url(url(server.path("bale"))).build();
        try (Response r = http.newCall(get).execute()) {
            assertEquals(405, r.code());
            assertEquals("POST", r.header("Allow"));
        }
        assertEquals(405, status("/health", "{}", JSON_TYPE, null, null));
        assertEquals(List.of(), sink.stored());
    }

    @Test
    void aStoreThatFailsIsAnswered503SoThePlatformRetries() throws IOException {
        closeServer();
        server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null, 4096),
                        (t, b) -> {
                            throw new IllegalStateException("disk full");
                        })
                .secrets(secrets).route(ShapeTransport.telegram("bale"), null).build();
        server.start();
        assertEquals(503, status(server.path("bale"), TG_UPDATE, JSON_TYPE, null, null));
    }

    @Test
    void healthShowsStatesLastUpdateAndPendingCounts() throws IOException {
        assertEquals(200, telegram(TG_UPDATE));
        health.set("eitaa", TransportStatus.running("send-only"));
        health.broadcastPending(() -> 12);
        JsonNode h;
        try (Response r = http.newCall(new Request.Builder().url(url("/health")).build()).execute()) {
            assertEquals(200, r.code());
            h = new ObjectMapper().readTree(r.body().string());
        }
        assertEquals("ok", h.path("status").asText());
        assertEquals("running", h.at("/transports/telegram/state").asText());
        assertEquals("webhook", h.at("/transports/telegram/mode").asText());
        assertTrue(h.at("/transports/telegram/lastUpdate").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        assertEquals("send-only", h.at("/transports/eitaa/mode").asText());
        assertEquals(1, h.path("inboxPending").asLong());
        assertEquals(12, h.path("broadcastPending").asLong());

        health.set("bale", TransportStatus.failed("polling", "token refused"));
        try (Response r = http.newCall(new Request.Builder().url(url("/health")).build()).execute()) {
            JsonNode d = new ObjectMapper().readTree(r.body().string());
            assertEquals("degraded", d.path("status").asText());
            assertEquals("token refused", d.at("/transports/bale/detail").asText());
        }
    }

    @Test
    void metricsArePrometheusTextWithTheBotsCounters() throws IOException {
        assertEquals(200, telegram(TG_UPDATE));
        assertEquals(401, status(server.path("telegram"), TG_UPDATE, JSON_TYPE, null, null));
        Metrics.answer(true, 3_000_000);
        Metrics.answer(false, 1_000_000);
        Metrics.apiError("telegram", 429);
        Metrics.updateHandled("telegram");
        Metrics.broadcast("bale", "sent");
        String text;
        try (Response r = http.newCall(new Request.Builder().url(url("/metrics")).build()).execute()) {
            assertEquals(200, r.code());
            assertTrue(r.header("Content-Type").startsWith("text/plain; version=0.0.4"));
            text = r.body().string();
        }
        for (String expected : List.of(
                "peyk_updates_received_total{transport=\"telegram\",via=\"webhook\"}",
                "peyk_webhook_requests_total{status=\"200\",transport=\"telegram\"}",
                "peyk_webhook_requests_total{status=\"401\",transport=\"telegram\"}",
                "peyk_answers_total{result=\"answered\"}",
                "peyk_answers_total{result=\"declined\"}",
                "peyk_answer_latency_seconds_bucket{result=\"answered\",le=\"0.005\"}",
                "peyk_api_errors_total{code=\"429\",transport=\"telegram\"}",
                "peyk_updates_handled_total{outcome=\"ok\",transport=\"telegram\"}",
                "peyk_broadcast_messages_total{result=\"sent\",transport=\"bale\"}",
                "peyk_inbox_pending 1.0",
                "jvm_memory_used_bytes")) {
            assertTrue(text.contains(expected), "missing " + expected);
        }
    }

    @Test
    void registrationFailuresShowOnHealthAndTheOtherRoutesStillWork() throws IOException {
        closeServer();
        server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, "https://bot.example.com", 4096), sink)
                .secrets(secrets).health(health)
                .route(ShapeTransport.telegram("telegram"), (url, s) -> {
                    throw new ir.peyk.adapter.TransportException(ir.peyk.adapter.TransportException.Kind.UNAUTHORIZED,
                            401, "telegram setWebhook: Unauthorized");
                })
                .route(ShapeTransport.telegram("bale"), (url, s) -> {})
                .build();
        server.start();
        assertEquals(TransportStatus.State.FAILED, health.transports().get("telegram").state());
        assertTrue(health.transports().get("telegram").detail().contains("Unauthorized"));
        assertEquals(TransportStatus.State.RUNNING, health.transports().get("bale").state());
        assertEquals(200, status(server.path("bale"), TG_UPDATE, JSON_TYPE, null, null));
        closeServer();
        assertEquals(TransportStatus.State.STOPPED, health.transports().get("bale").state());
    }
}
