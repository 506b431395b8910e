package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Message;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.StoreLocation;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.Postgres;
import ir.peyk.testing.TcpProxy;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store goes away while the bot runs (the network to it is cut by a proxy: stopping the server itself
 * would break the other builds sharing it) and comes back. Webhooks answer 503 so the platform keeps the update,
 * /health says the store is unavailable, a reply whose handling was under way is recorded once the store is back
 * and not sent twice, and the updates the platform re-sends are answered.
 */
class StoreOutageTest {
    static final String TOKEN = "42:outage-test-token";
    static final String SECRET = "outage-test-secret-0123456789abcdefghijklmnop";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void webhooksAnswer503WhileTheStoreIsGoneAndTheBotRecoversWithNothingLost() throws Exception {
        try (Postgres pg = Postgres.fresh(); TcpProxy proxy = new TcpProxy(5432); FakeBotApi api = FakeBotApi.start(TOKEN)) {
            String url = "postgresql://127.0.0.1:" + proxy.port() + "/test?user=postgres&currentSchema=" + pg.schema();
            CountDownLatch slowStarted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            WebhookSecrets secrets = WebhookSecrets.fromEnv(SECRET);
            OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
            try (Database db = Database.open(StoreLocation.parse(url, null, Map.of()))) {
                TelegramTransport tg = new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), TOKEN,
                        new Throttle(Throttle.Limits.UNLIMITED), RetryPolicy.DEFAULT, 0);
                BotApp app = BotApp.builder(db).transport(tg, BotApp.Receive.WEBHOOK).use((ctx, next) -> {
                    Message m = (Message) ctx.update();
                    if (m.text().equals("slow")) {
                        slowStarted.countDown();
                        release.await(60, TimeUnit.SECONDS);
                    }
                    ctx.reply("got: " + m.text());
                }).build();
                app.start();
                HealthBoard health = new HealthBoard().inboxPending(() -> app.inbox().pendingCount(null));
                WebhookServer server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null,
                        65536), app.inbox()).secrets(secrets).health(health).route(tg, null).build();
                server.start();
                try {
                    assertEquals(200, WebhookCrashTest.post(http, server.port(), secrets, update(1, "first")));
                    api.awaitCalls("sendMessage", 1, Duration.ofSeconds(30));
                    assertEquals("ok", health(http, server).at("/store/state").asText());

                    // A reply under way when the store goes.
                    assertEquals(200, WebhookCrashTest.post(http, server.port(), secrets, update(2, "slow")));
                    assertTrue(slowStarted.await(30, TimeUnit.SECONDS));
                    proxy.cut();
                    release.countDown();
                    api.awaitCalls("sendMessage", 2, Duration.ofSeconds(30)); // sent; recording it must wait

                    assertEquals(503, WebhookCrashTest.post(http, server.port(), secrets, update(3, "third")),
                            "the platform keeps the update and retries");
                    JsonNode down = health(http, server);
                    assertEquals("unavailable", down.at("/store/state").asText(), down.toString());
                    assertEquals("degraded", down.at("/status").asText());

                    proxy.restore();
                    // The platform's retry of update 3 succeeds once the pool reconnects.
                    int code = 0;
                    for (int i = 0; i < 60 && code != 200; i++) {
                        code = WebhookCrashTest.post(http, server.port(), secrets, update(3, "third"));
                        if (code != 200) Thread.sleep(500);
                    }
                    assertEquals(200, code);
                    api.awaitCalls("sendMessage", 3, Duration.ofSeconds(30));
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (!"done".equals(app.inbox().status("telegram", "2")) && System.nanoTime() < deadline) {
                        Thread.sleep(200);
                    }
                    assertEquals("done", app.inbox().status("telegram", "2"), "the handled row is recorded after all");
                    assertEquals(List.of("got: first", "got: slow", "got: third"), api.sentTexts(77),
                            "every update answered, none twice");
                    assertEquals("ok", health(http, server).at("/store/state").asText());
                } finally {
                    server.close();
                    app.stop();
                }
            }
        }
    }

    static String update(long id, String text) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"from\":{\"id\":77,\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat\":{\"id\":77,\"type\":\"private\"},\"date\":1735000000,\"text\":\""
                + text + "\"}}";
    }

    static JsonNode health(OkHttpClient http, WebhookServer server) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + server.port() + "/health").build())
                .execute()) {
            assertEquals(200, r.code());
            return MAPPER.readTree(r.body().string());
        }
    }
}
