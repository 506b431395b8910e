package ir.peyk.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.TransportException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry/throttle layer against a real HTTP server on loopback. */
class ApiCallerTest {
    private MockWebServer server;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build();

    /** A minimal platform: 200 → ok, 429 → retry after the header, 5xx → transient, else failed. */
    private static final ResponseReader READER = (status, body, retryAfter) -> {
        if (status == 200) return new Outcome.Ok(body);
        if (status == 429) return new Outcome.RetryAfter(Duration.ofSeconds(Long.parseLong(retryAfter)));
        if (status >= 500) return new Outcome.Transient(status, "server error");
        return new Outcome.Failed(status, body);
    };

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private ApiCaller caller(RetryPolicy retry) {
        return new ApiCaller("test", http, new Throttle(Throttle.Limits.UNLIMITED), retry, READER);
    }

    private Request request() {
        return new Request.Builder().url(server.url("/botSECRET-TOKEN/sendMessage")).build();
    }

    @Test
    void waitsRetryAfterThenSucceeds() throws Exception {
        java.util.List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                arrivals.add(System.nanoTime());
                return arrivals.size() == 1
                        ? new MockResponse().setResponseCode(429).setHeader("Retry-After", "1")
                        : new MockResponse().setBody("done");
            }
        });
        assertEquals("done", caller(RetryPolicy.DEFAULT).call("sendMessage", request(), "1", false));
        assertEquals(2, arrivals.size());
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(arrivals.get(1) - arrivals.get(0));
        assertTrue(gapMillis >= 950, "the retry came " + gapMillis + " ms after the 429 asked for 1 s");
    }

    @Test
    void backsOffOnServerErrorsAndGivesUpAtTheLimit() {
        for (int i = 0; i < 3; i++) server.enqueue(new MockResponse().setResponseCode(502));
        RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));
        TransportException e = assertThrows(TransportException.class, () -> caller(quick).call("getMe", request(), null, false));
        assertEquals(TransportException.Kind.UNAVAILABLE, e.kind());
        assertEquals(3, server.getRequestCount());
        assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    }

    @Test
    void networkErrorsAreRetried() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(new MockResponse().setBody("ok"));
        RetryPolicy quick = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));
        assertEquals("ok", caller(quick).call("getMe", request(), null, false));
    }

    @Test
    void finalFailuresMapToKindsWithoutTheToken() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody("Forbidden: bot was blocked by the user"));
        server.enqueue(new MockResponse().setResponseCode(401).setBody("Unauthorized"));
        server.enqueue(new MockResponse().setResponseCode(400).setBody("Bad Request: chat not found"));
        ApiCaller c = caller(RetryPolicy.DEFAULT);
        TransportException forbidden = assertThrows(TransportException.class, () -> c.call("sendMessage", request(), "9", false));
        assertEquals(TransportException.Kind.FORBIDDEN, forbidden.kind());
        assertEquals(TransportException.Kind.UNAUTHORIZED,
                assertThrows(TransportException.class, () -> c.call("getMe", request(), null, false)).kind());
        TransportException rejected = assertThrows(TransportException.class, () -> c.call("sendMessage", request(), "9", false));
        assertEquals(TransportException.Kind.REJECTED, rejected.kind());
        assertEquals(400, rejected.code());
        assertTrue(rejected.getMessage().contains("chat not found"));
        assertEquals(3, server.getRequestCount(), "final failures are not retried");
        for (TransportException e : new TransportException[]{forbidden, rejected}) {
            assertFalse(e.getMessage().contains("SECRET-TOKEN"));
        }
    }

    @Test
    void tooLongRetryAfterFailsInsteadOfHanging() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));
        TransportException e = assertThrows(TransportException.class,
                () -> caller(RetryPolicy.DEFAULT).call("sendMessage", request(), "1", false));
        assertEquals(TransportException.Kind.UNAVAILABLE, e.kind());
        assertEquals(429, e.code());
    }

    @Test
    void safeRedactsTokensInUrls() {
        assertEquals("failed to connect to http://h/bot<token>/getMe",
                ApiCaller.safe("failed to connect to http://h/bot123:ABC/getMe"));
    }
}
