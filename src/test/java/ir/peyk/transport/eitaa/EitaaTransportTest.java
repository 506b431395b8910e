package ir.peyk.transport.eitaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.TransportException;
import ir.peyk.config.TransportConfig;
import ir.peyk.testing.Forms;
import ir.peyk.testing.LogCapture;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a loopback Eitaayar: {@code POST /api/{token}/{method}}, form-encoded, {@code ok/result} answers. */
class EitaaTransportTest {
    static final String TOKEN = "eitaa0SECRET0bot0token0value0123456789";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));

    MockWebServer server;
    final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.shutdown();
    }

    EitaaTransport transport(Map<String, String> options) {
        String api = server.url("/api").toString().replaceAll("/$", "");
        TransportConfig c = new TransportConfig("eitaa", true, TOKEN, api, "polling", List.of("@peyk_news"), options);
        return new EitaaTransport(c, http, new Throttle(Throttle.Limits.UNLIMITED), FAST);
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void startChecksTheTokenWithGetMe() throws Exception {
        server.enqueue(json("{\"ok\":true,\"result\":{\"id\":7788,\"is_bot\":true,\"first_name\":\"پیک\",\"username\":\"sender\"}}"));
        BotInfo me = transport(Map.of()).start();
        assertEquals(new BotInfo("7788", "sender", "پیک"), me);
        assertEquals("/api/" + TOKEN + "/getMe", server.takeRequest().getPath());
    }

    @Test
    void sendsToABroadcastChannelTargetWithTitleAndPin() throws Exception {
        server.enqueue(json("{\"ok\":true,\"result\":{\"message_id\":314,\"chat\":{\"id\":1,\"type\":\"public\","
                + "\"username\":\"peyk_news\"},\"date\":1700000000,\"text\":\"…\"}}"));
        EitaaTransport t = transport(Map.of("title", "پیک: به‌روزرسانی", "pin", "true"));
        // the handler never sends buttons here (capabilities say none), but a stray one must not break the post
        Sent s = t.send("@peyk_news", new Reply("خبر تازه درباره‌ی مقاله", List.of(List.of(new Button("x", "y")))));
        assertEquals(new Sent("@peyk_news", "314"), s);
        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/api/" + TOKEN + "/sendMessage", r.getPath());
        assertTrue(r.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> form = Forms.parse(r.getBody().readString(StandardCharsets.UTF_8));
        assertEquals(Map.of("chat_id", "peyk_news", "text", "خبر تازه درباره‌ی مقاله", "title", "پیک: به‌روزرسانی",
                "pin", "1"), form);
    }

    @Test
    void receivesNothingAndCarriesNoButtons() {
        EitaaTransport t = transport(Map.of());
        assertFalse(t.capabilities().receives());
        assertFalse(t.capabilities().buttons());
        assertFalse(t.capabilities().edits());
        assertThrows(UnsupportedOperationException.class, () -> t.poll(null));
        assertThrows(UnsupportedOperationException.class, () -> t.decodeWebhook(new byte[0], "application/json"));
    }

    @Test
    void refusalsAreClassified() throws Exception {
        EitaaTransport t = transport(Map.of());
        server.enqueue(json("{\"ok\":false,\"description\":\"chat not found\"}"));
        TransportException rejected = assertThrows(TransportException.class, () -> t.send("nochannel", Reply.text("x")));
        assertEquals(TransportException.Kind.REJECTED, rejected.kind());
        assertTrue(rejected.getMessage().contains("chat not found"));

        server.enqueue(json("{\"ok\":false,\"description\":\"@sender is not admin of this channel\"}"));
        assertEquals(TransportException.Kind.FORBIDDEN,
                assertThrows(TransportException.class, () -> t.send("other", Reply.text("x"))).kind());

        server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>down</html>"));
        server.enqueue(json("{\"ok\":true,\"result\":{\"message_id\":5}}"));
        assertEquals("5", t.send("peyk_news", Reply.text("x")).messageId(), "a 503 is retried");

        server.enqueue(json("{\"ok\":false,\"description\":\"invalid token\"}"));
        TransportException fatal = assertThrows(TransportException.class, t::start);
        assertEquals(TransportException.Kind.UNAUTHORIZED, fatal.kind());
        assertTrue(fatal.getMessage().contains("PEYK_EITAA_TOKEN"));
    }

    @Test
    void aNegativeRetryAfterInTheBodyFallsBackToTheHeader() throws Exception {
        EitaaTransport t = transport(Map.of());
        server.enqueue(json("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\","
                + "\"parameters\":{\"retry_after\":-3}}").setResponseCode(429).setHeader("Retry-After", "0"));
        server.enqueue(json("{\"ok\":true,\"result\":{\"message_id\":9}}"));
        assertEquals("9", t.send("peyk_news", Reply.text("x")).messageId());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void tokenNeverReachesLogsOrErrors() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            EitaaTransport t = transport(Map.of());
            for (int i = 0; i < 3; i++) server.enqueue(new MockResponse().setResponseCode(502).setBody("bad gateway"));
            TransportException e = assertThrows(TransportException.class, () -> t.send("peyk_news", Reply.text("x")));
            assertEquals(TransportException.Kind.UNAVAILABLE, e.kind());
            assertFalse(e.getMessage().contains(TOKEN));
            assertFalse(logs.lines().isEmpty());
            for (String line : logs.lines()) assertFalse(line.contains(TOKEN), line);
        }
    }
}
