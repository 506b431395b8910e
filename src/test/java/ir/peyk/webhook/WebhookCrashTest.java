package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotApp;
import ir.peyk.adapter.Middleware;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A crash after the 200 loses nothing": a child JVM acknowledges a post and is killed with SIGKILL before anything
 * handles it; a new bot on the same store handles it exactly once, and a redelivery of the same update by the
 * platform is recognised as a duplicate.
 */
class WebhookCrashTest {
    static final String SECRET = "crash-test-secret-0123456789abcdefghijklmnop";
    static final String TOKEN = "42:crash-test-token";

    @TempDir
    Path dir;

    @Test
    void anUpdateAcknowledgedJustBeforeAKillIsHandledOnceAfterRestart() throws Exception {
        Path db = dir.resolve("peyk.db");
        WebhookSecrets secrets = WebhookSecrets.fromEnv(SECRET);
        OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        String update = "{\"update_id\":%d,\"message\":{\"message_id\":%d,\"from\":{\"id\":5,\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"chat\":{\"id\":5,\"type\":\"private\"},\"date\":1735000000,\"text\":\"%s\"}}";

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString());
        pb.environment().put(WebhookSecrets.ENV, SECRET);
        pb.redirectError(dir.resolve("child.err").toFile());
        Process child = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("PORT "), "child did not start: " + line + " "
                    + Files.readString(dir.resolve("child.err")));
            int port = Integer.parseInt(line.substring(5));
            assertEquals(200, post(http, port, secrets, update.formatted(7001, 1, "first")));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        http.connectionPool().evictAll();

        try (FakeBotApi api = FakeBotApi.start(TOKEN); Database store = Database.open(db)) {
            TelegramTransport tg = new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), TOKEN,
                    new Throttle(Throttle.Limits.UNLIMITED), RetryPolicy.DEFAULT, 0);
            Middleware echo = (ctx, next) -> ctx.reply("got: " + ((ir.peyk.adapter.Message) ctx.update()).text());
            BotApp app = BotApp.builder(store).transport(tg, BotApp.Receive.WEBHOOK).use(echo).build();
            app.start();
            try {
                api.awaitCalls("sendMessage", 1, Duration.ofSeconds(10));
                assertEquals(List.of("got: first"), api.sentTexts(5));
                // The platform redelivers the acknowledged update, then sends a new one to the same chat.
                WebhookServer server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null,
                        65536), app.inbox()).secrets(secrets).route(tg, null).build();
                server.start();
                try {
                    assertEquals(200, post(http, server.port(), secrets, update.formatted(7001, 1, "first")));
                    assertEquals(200, post(http, server.port(), secrets, update.formatted(7002, 2, "second")));
                    api.awaitCalls("sendMessage", 2, Duration.ofSeconds(10));
                    // One chat is handled in order: had the redelivery been stored, its reply would come first.
                    assertEquals(List.of("got: first", "got: second"), api.sentTexts(5));
                    assertEquals("done", app.inbox().status("telegram", "7001"));
                } finally {
                    http.connectionPool().evictAll();
                    server.close();
                }
            } finally {
                app.stop();
            }
        }
    }

    static int post(OkHttpClient http, int port, WebhookSecrets secrets, String body) throws Exception {
        Request r = new Request.Builder().url("http://127.0.0.1:" + port + "/hook/telegram/" + secrets.pathSecret("telegram"))
                .header("X-Telegram-Bot-Api-Secret-Token", secrets.headerSecret("telegram"))
                .post(RequestBody.create(body, WebhookServerTest.JSON_TYPE)).build();
        try (Response resp = http.newCall(r).execute()) {
            return resp.code();
        }
    }
}
