package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Batch;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow clients, and what a stop does to a post whose update is being stored. */
class WebhookLimitsTest {
    @TempDir
    Path dir;
    WebhookSecrets secrets = WebhookSecrets.fromEnv("0123456789abcdef0123456789abcdef-limits");

    @Test
    void aClientThatStopsSendingItsBodyIsTimedOutAndNothingIsStored() throws Exception {
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            SqliteSink sink = new SqliteSink(db);
            WebhookServer server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null, 4096), sink)
                    .secrets(secrets)
                    .limits(WebhookServer.Limits.defaults(4096).withIdleTimeout(Duration.ofMillis(300)))
                    .route(ShapeTransport.telegram("bale"), null).build();
            server.start();
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(10_000); // a guard against a hang, not a timing assertion
                OutputStream out = s.getOutputStream();
                out.write(("POST " + server.path("bale") + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"update_id\":1,").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = readAll(s.getInputStream()); // returns when the server closes the connection
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408") || answer.startsWith("HTTP/1.1 500"),
                        answer);
            } finally {
                server.close();
            }
            assertEquals(List.of(), sink.stored());
        }
    }

    @Test
    void aStopWaitsForAPostBeingStoredAndItIsAcknowledged() throws Exception {
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            SqliteSink real = new SqliteSink(db);
            CountDownLatch inSubmit = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            WebhookServer server = WebhookServer.builder(new PeykConfig.WebhookConfig(true, "127.0.0.1", 0, null, 4096),
                            (String t, Batch b) -> {
                                inSubmit.countDown();
                                release.await();
                                real.submit(t, b);
                            })
                    .secrets(secrets).route(ShapeTransport.telegram("bale"), null).build();
            server.start();
            OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> {
                Request r = new Request.Builder().url("http://127.0.0.1:" + server.port() + server.path("bale"))
                        .post(RequestBody.create("{\"update_id\":9,\"message\":{\"chat\":{\"id\":1},\"text\":\"hi\"}}",
                                WebhookServerTest.JSON_TYPE)).build();
                try (Response resp = http.newCall(r).execute()) {
                    return resp.code();
                } catch (Exception e) {
                    return -1;
                }
            });
            assertTrue(inSubmit.await(10, TimeUnit.SECONDS));
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            release.countDown();
            assertEquals(200, code.get(10, TimeUnit.SECONDS));
            http.connectionPool().evictAll();
            stopping.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("bale:9"), real.stored());
        }
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        for (int n; (n = in.read(buf)) >= 0; ) b.write(buf, 0, n);
        return b.toString(StandardCharsets.US_ASCII);
    }
}
