package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.LogCapture;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import ir.peyk.webhook.HealthBoard;
import ir.peyk.webhook.TransportStatus;
import ir.peyk.webhook.WebhookSecrets;
import ir.peyk.webhook.WebhookService;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * The start of several messengers when one is down: the start is bounded, the others run at once, and the one that
 * was down is retried in the background until it serves (its updates stored meanwhile included).
 */
class StartUpTest {
    static final String TOKEN = "4242:START-token";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(30), Duration.ofMillis(150), Duration.ofSeconds(5));

    @TempDir
    Path dir;
    Database db;
    FakeBotApi telegram;
    FakeBotApi bale;
    final List<String> operatorLines = new CopyOnWriteArrayList<>();
    final List<String> health = new CopyOnWriteArrayList<>();
    final List<BotApp> apps = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("peyk.db"));
        telegram = FakeBotApi.start(TOKEN);
        bale = FakeBotApi.start(TOKEN, 100); // above the offset stored with the old update below
    }

    @AfterEach
    void close() {
        apps.forEach(BotApp::stop);
        db.close();
        telegram.close();
        bale.close();
    }

    static TelegramTransport transport(TelegramProfile profile, String url) {
        return new TelegramTransport(profile, url, TOKEN, new Throttle(Throttle.Limits.UNLIMITED), FAST, 1);
    }

    BotApp started(Transport... transports) throws Exception {
        BotApp.Builder b = BotApp.builder(db).operator(operatorLines::add).grace(Duration.ofSeconds(5))
                .startRetry(Duration.ofMillis(200), Duration.ofMillis(400))
                .use((ctx, next) -> {
                    if (ctx.update() instanceof Message m) ctx.reply("echo: " + m.text());
                });
        for (Transport t : transports) b.transport(t);
        BotApp app = b.build();
        apps.add(app);
        app.listen(new StartListener() {
            @Override
            public void retrying(String transport, String mode, String detail) {
                health.add(transport + " starting " + detail);
            }

            @Override
            public void ended(String transport, String mode, boolean started, String detail) {
                health.add(transport + (started ? " running " + mode : " failed " + detail));
            }
        });
        app.start();
        return app;
    }

    @Test
    void aMessengerDownAtStartIsRetriedInTheBackgroundAndThenServesItsStoredUpdatesToo() throws Exception {
        bale.serverErrorNext("getMe", 2, 502);
        // Stored by an earlier run while Bale was up, not handled then.
        new Inbox(db).submit("bale", new Batch(List.of(Batch.Item.ok(new Message("bale", "5", new Chat("77",
                Chat.Type.PRIVATE, null), new User("77", null, null, false), "9", "old", false, 0))), "6"));
        try (LogCapture logs = new LogCapture()) {
            BotApp app = started(transport(TelegramProfile.TELEGRAM, telegram.url()),
                    transport(TelegramProfile.BALE, bale.url()));
            assertEquals(1, operatorLines.size(), operatorLines.toString());
            assertTrue(operatorLines.get(0).startsWith("bale: could not start (bale getMe: "), operatorLines.get(0));
            assertTrue(operatorLines.get(0).endsWith("; retrying in the background"), operatorLines.get(0));

            telegram.pushMessage(5, 5, "hi");           // Telegram serves while Bale is down
            telegram.awaitCalls("sendMessage", 1, WAIT);
            assertEquals(List.of("echo: hi"), telegram.sentTexts(5));

            bale.awaitCalls(c -> c.method().equals("getMe") && c.status() == 200, 1, WAIT, "a getMe that succeeds");
            bale.awaitCalls("sendMessage", 1, WAIT);
            assertEquals(List.of("echo: old"), bale.sentTexts(77), "the update stored before is handled");
            bale.pushMessage(78, 78, "new");
            bale.awaitCalls("sendMessage", 2, WAIT);
            assertEquals(List.of("echo: new"), bale.sentTexts(78));
            assertEquals(3, bale.calls("getMe").size(), "two refusals, then started");
            assertNull(app.retrying("bale"));
            assertTrue(health.get(0).startsWith("bale starting not reachable ("), health.toString());
            assertEquals("bale running polling", health.get(health.size() - 1), health.toString());
            List<String> info = logs.lines().stream().filter(l -> l.contains(": started as ")).toList();
            assertEquals(List.of("INFO telegram: started as @peyk_test_bot, polling",
                    "INFO bale: started as @peyk_test_bot, polling"), info);
        }
    }

    /** A server that accepts the connection and never answers: the start is bounded (it took 257 s) and goes on. */
    @Test
    void aMessengerThatNeverAnswersDoesNotHoldTheStart() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            // 10 s read timeout, one attempt; the limit here only keeps a regression from hanging the build
            assertTimeoutPreemptively(Duration.ofSeconds(120),
                    () -> started(transport(TelegramProfile.TELEGRAM, telegram.url()), transport(TelegramProfile.BALE, url)));
            assertEquals(1, operatorLines.size(), operatorLines.toString());
            // OkHttp says "timeout" or "Read timed out", depending on where the wait ended
            assertTrue(operatorLines.get(0).contains("SocketTimeoutException") && operatorLines.get(0).contains("retrying"),
                    operatorLines.get(0));
            telegram.pushMessage(5, 5, "hi");
            telegram.awaitCalls("sendMessage", 1, WAIT);
            assertEquals(List.of("echo: hi"), telegram.sentTexts(5));
            for (Socket s : held) s.close();
        }
    }

    @Test
    void aTokenRefusedWhileRetryingEndsTheRetriesWithOneLine() throws Exception {
        bale.serverErrorNext("getMe", 1, 502);
        telegram.onCall(c -> {
            if (c.method().equals("getUpdates")) bale.refuseToken(401); // from the first poll on, Bale refuses the token
        });
        started(transport(TelegramProfile.TELEGRAM, telegram.url()), transport(TelegramProfile.BALE, bale.url()));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (operatorLines.size() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals("bale: the token was refused (401 Unauthorized) — check PEYK_BALE_TOKEN", operatorLines.get(1),
                operatorLines.toString());
        assertTrue(health.contains("bale failed " + operatorLines.get(1)), health.toString());
        telegram.pushMessage(5, 5, "still here");
        telegram.awaitCalls("sendMessage", 1, WAIT);
        assertEquals(List.of("echo: still here"), telegram.sentTexts(5));
    }

    /** /health shows a messenger being retried as starting, with why and when the next try is; then running. */
    @Test
    void healthShowsAMessengerBeingRetriedAsStartingThenRunning() throws Exception {
        bale.serverErrorNext("getMe", 1_000, 502); // down until the test says otherwise
        Path file = dir.resolve("config").resolve("peyk.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "transports:\n  telegram: {enabled: true, apiUrl: \"" + telegram.url()
                + "\"}\n  bale: {enabled: true, apiUrl: \"" + bale.url() + "\"}\n");
        PeykConfig config = PeykConfig.load(file,
                Map.of("PEYK_TELEGRAM_TOKEN", TOKEN, "PEYK_BALE_TOKEN", TOKEN));
        HealthBoard board = new HealthBoard();
        BotApp app = BotApp.builder(db).operator(operatorLines::add).grace(Duration.ofSeconds(5))
                .startRetry(Duration.ofMillis(100), Duration.ofMillis(200))
                .transport(transport(TelegramProfile.TELEGRAM, telegram.url()))
                .transport(transport(TelegramProfile.BALE, bale.url()))
                .service(new WebhookService(config, db, Map.of(), board)).build();
        apps.add(app);
        app.start();
        TransportStatus starting = board.transports().get("bale");
        assertEquals(TransportStatus.State.STARTING, starting.state(), starting.toString());
        assertTrue(starting.detail().contains("502") && starting.detail().contains("next try in"), starting.detail());
        assertEquals(TransportStatus.State.RUNNING, board.transports().get("telegram").state());

        bale.clearFailures();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (board.transports().get("bale").state() != TransportStatus.State.RUNNING) {
            assertTrue(System.nanoTime() < deadline, "bale never ran: " + board.transports());
            Thread.sleep(20);
        }
        assertEquals(TransportStatus.running("polling"), board.transports().get("bale"));
    }

    /**
     * A messenger in webhook mode whose platform cannot be reached at start — getMe, then setWebhook refused with 502
     * for a while — is retried in the background as a polling one is (it was left out for good): /health says
     * "starting" with the platform's answer, then "running"; its route then serves posts.
     */
    @Test
    void aMessengerInWebhookModeDownAtStartIsRetriedUntilItsWebhookIsSet() throws Exception {
        telegram.serverErrorNext("getMe", 2, 502);
        telegram.serverErrorNext("setWebhook", 2 * FAST.maxAttempts(), 502); // two registrations fail
        Path file = dir.resolve("config").resolve("peyk.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "transports:\n  telegram: {enabled: true, apiUrl: \"" + telegram.url() + "\", mode: webhook}\n"
                + "webhook: {enabled: true, host: 127.0.0.1, port: 0, publicUrl: \"https://bot.example.com\"}\n");
        PeykConfig config = PeykConfig.load(file, Map.of("PEYK_TELEGRAM_TOKEN", TOKEN));
        HealthBoard board = new HealthBoard();
        List<TransportStatus> seen = new CopyOnWriteArrayList<>();
        WebhookService service = new WebhookService(config, db, Map.of(), board);
        BotApp app = BotApp.builder(db).operator(operatorLines::add).grace(Duration.ofSeconds(5))
                .startRetry(Duration.ofMillis(100), Duration.ofMillis(200))
                .use((ctx, next) -> {
                    if (ctx.update() instanceof Message m) ctx.reply("echo: " + m.text());
                })
                .transport(transport(TelegramProfile.TELEGRAM, telegram.url()), BotApp.Receive.WEBHOOK)
                .service(service).build();
        apps.add(app);
        app.start(); // was: "telegram: could not start (…); it is left out", and no transport could start
        assertEquals(List.of(), operatorLines.stream().filter(l -> l.contains("left out")).toList());
        assertTrue(operatorLines.get(0).endsWith("; retrying in the background"), operatorLines.toString());
        TransportStatus starting = board.transports().get("telegram");
        assertEquals(TransportStatus.State.STARTING, starting.state(), starting.toString());
        assertTrue(starting.detail().contains("502"), starting.detail());

        long deadline = System.nanoTime() + WAIT.toNanos();
        TransportStatus now;
        while ((now = board.transports().get("telegram")).state() != TransportStatus.State.RUNNING) {
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) seen.add(now);
            assertTrue(System.nanoTime() < deadline, "telegram never ran: " + board.transports());
            Thread.sleep(5);
        }
        assertEquals(TransportStatus.running("webhook"), now);
        assertEquals(3, telegram.calls("getMe").size(), "two refusals, then started");
        assertEquals(2 * FAST.maxAttempts() + 1, telegram.calls("setWebhook").size(), "two registrations failed, then set");
        assertTrue(seen.stream().anyMatch(s -> s.detail() != null && s.detail().startsWith("not reachable (webhook "
                + "registration failed: ")), "/health said the registration is retried: " + seen);
        assertEquals(service.server().publicUrl("telegram"), telegram.webhookUrl());

        String update = "{\"update_id\":7001,\"message\":{\"message_id\":1,\"from\":{\"id\":31,\"is_bot\":false,"
                + "\"first_name\":\"Ali\"},\"chat\":{\"id\":31,\"type\":\"private\"},\"date\":1735000000,\"text\":\"hi\"}}";
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder()
                .url("http://127.0.0.1:" + service.server().port() + service.server().path("telegram"))
                .header("X-Telegram-Bot-Api-Secret-Token", WebhookSecrets.load(db, Map.of()).headerSecret("telegram"))
                .post(okhttp3.RequestBody.create(update, okhttp3.MediaType.get("application/json"))).build()).execute()) {
            assertEquals(200, r.code());
        } finally {
            http.connectionPool().evictAll();
        }
        telegram.awaitCalls("sendMessage", 1, WAIT);
        assertEquals(List.of("echo: hi"), telegram.sentTexts(31));
    }
}
