package ir.peyk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Gap's API on 127.0.0.1 ({@code POST /{method}}, form-encoded, header {@code token}; answers {@code {"id": …}},
 * errors by status with {@code {"error": …}}), plus the platform's side of the webhook: building the form and JSON posts
 * Gap sends to a bot.
 */
public final class FakeGap implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One API call: method, the token header, the form fields. */
    public record Call(String method, String token, String contentType, Map<String, String> form) {}

    private final MockWebServer server = new MockWebServer();
    private final String token;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<MockResponse> scripted = new ArrayDeque<>();
    private int nextId = 5000;

    public FakeGap(String token) throws IOException {
        this.token = token;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return handle(r);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public String apiUrl() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The next API call gets this status and body. */
    public synchronized FakeGap script(int status, String body) {
        scripted.add(new MockResponse().setResponseCode(status).setBody(body));
        return this;
    }

    // ---- webhook posts, as Gap sends them ----

    /** A form post: every field a string; {@code from} (and a triggerButton's data) JSON inside the string. */
    public static byte[] formPost(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] jsonPost(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String from(String id, String name, String username) {
        return JSON.createObjectNode().put("id", Long.parseLong(id)).put("name", name).put("username", username).toString();
    }

    /** triggerButton's data: {data, message_id, callback_id}. */
    public static String trigger(String data, String messageId, String callbackId) {
        return JSON.createObjectNode().put("data", data).put("message_id", messageId).put("callback_id", callbackId).toString();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private MockResponse handle(RecordedRequest r) {
        String method = r.getPath() == null ? "" : r.getPath().substring(1);
        Map<String, String> form = Forms.parse(r.getBody().readString(StandardCharsets.UTF_8));
        calls.add(new Call(method, r.getHeader("token"), r.getHeader("Content-Type"), form));
        synchronized (this) {
            if (!scripted.isEmpty()) return scripted.poll();
            if (!token.equals(r.getHeader("token"))) {
                return new MockResponse().setResponseCode(403).setBody("{\"error\":\"invalid chat_id or token\"}");
            }
            return switch (method) {
                case "sendMessage" -> new MockResponse().setBody("{\"id\":\"" + (nextId++) + "\"}");
                case "editMessage", "answerCallback", "sendAction" -> new MockResponse().setBody("{}");
                default -> new MockResponse().setResponseCode(404).setBody("{\"error\":\"not found\"}");
            };
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
