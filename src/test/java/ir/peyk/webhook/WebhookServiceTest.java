package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotApp;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration mistakes end the start with a line that says what to change. */
class WebhookServiceTest {
    @TempDir
    Path dir;

    PeykConfig config(boolean enabled, String publicUrl) {
        TransportConfig bale = new TransportConfig("bale", true, "1:t", "http://127.0.0.1:9", "webhook", List.of(), Map.of());
        return new PeykConfig(dir.resolve("peyk.db"), null, Map.of("bale", bale), List.of(),
                new PeykConfig.ThrottleConfig(0, 0, 0),
                new PeykConfig.WebhookConfig(enabled, "127.0.0.1", 0, publicUrl, 4096), dir);
    }

    @Test
    void aWebhookTransportWithTheServerDisabledFailsTheStart() {
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            WebhookService service = new WebhookService(config(false, null), db, Map.of());
            BotApp app = BotApp.builder(db).transport(ShapeTransport.telegram("bale"), BotApp.Receive.WEBHOOK)
                    .service(service).operator(line -> {}).build();
            IllegalStateException e = assertThrows(IllegalStateException.class, app::start);
            assertTrue(e.getMessage().contains("webhook.enabled is false"), e.getMessage());
            assertTrue(e.getMessage().contains("bale"), e.getMessage());
            assertNull(service.server());
        }
    }

    @Test
    void aPlatformThatMustBeToldTheUrlNeedsAPublicUrl() {
        WebhookServer.Builder b = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, " ", 4096),
                        (t, batch) -> {})
                .secrets(WebhookSecrets.fromEnv("s".repeat(32)))
                .route(ShapeTransport.telegram("telegram"), (url, secret) -> {})
                .route(ShapeTransport.gap(), null);
        WebhookException e = assertThrows(WebhookException.class, b::build);
        assertTrue(e.getMessage().contains("webhook.publicUrl") && e.getMessage().contains("[telegram]"), e.getMessage());
    }

    @Test
    void theServiceServesTheRoutesIntoTheInboxAndReportsStates() throws Exception {
        TransportConfig gapConfig = new TransportConfig("gap", true, "t", null, "webhook", List.of(), Map.of());
        PeykConfig config = new PeykConfig(dir.resolve("peyk.db"), null, Map.of("gap", gapConfig), List.of(),
                new PeykConfig.ThrottleConfig(0, 0, 0), new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null, 4096), dir);
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            // Gap is registered by hand, so no publicUrl is needed.
            WebhookService service = new WebhookService(config, db, Map.of());
            BotApp app = BotApp.builder(db).transport(ShapeTransport.gap(), BotApp.Receive.WEBHOOK).service(service).build();
            app.start();
            try {
                assertEquals(TransportStatus.State.RUNNING, service.health().transports().get("gap").state());
                WebhookServer server = service.server();
                okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
                okhttp3.Request r = new okhttp3.Request.Builder().url("http://127.0.0.1:" + server.port() + server.path("gap"))
                        .post(okhttp3.RequestBody.create("chat_id=9&type=text&data=hi", WebhookServerTest.FORM_TYPE)).build();
                try (okhttp3.Response resp = http.newCall(r).execute()) {
                    assertEquals(200, resp.code());
                }
                // Stored before the 200: the inbox knows it (pending or already handled).
                assertTrue(List.of("pending", "done").contains(app.inbox().status("gap", "9:hi")));
                http.connectionPool().evictAll();
            } finally {
                app.stop();
            }
            assertEquals(TransportStatus.State.STOPPED, service.health().transports().get("gap").state());
        }
    }
}
