package ir.peyk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A Rubika Bot API v3 server on 127.0.0.1, built from the documented shapes: {@code POST /v3/{token}/{method}} with
 * JSON, answers in the {@code {"status","data"}} envelope, getUpdates paging by an opaque {@code next_offset_id}.
 * Tests queue updates, script failures per method and read back every request.
 */
public final class FakeRubika implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the fake received. */
    public record Call(String method, JsonNode body) {}

    private final MockWebServer server = new MockWebServer();
    private final String token;
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<String>> scripted = new HashMap<>();
    private int nextMessageId = 1000;

    public FakeRubika(String token) throws IOException {
        this.token = token;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    /** The apiUrl to configure: {@code http://127.0.0.1:port/v3}. */
    public String apiUrl() {
        String u = server.url("/v3").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Adds an update to the server's queue. */
    public synchronized FakeRubika queue(ObjectNode update) {
        updates.add(update);
        return this;
    }

    /**
     * The next {@code method} calls answer these raw bodies, in order (then the normal answer again); a body written
     * {@code "HTTP 502:text"} is sent with that status.
     */
    public synchronized FakeRubika script(String method, String... bodies) {
        scripted.computeIfAbsent(method, k -> new ArrayDeque<>()).addAll(List.of(bodies));
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until at least {@code n} calls of {@code method} arrived; returns them (fails on timeout). */
    public List<Call> awaitCalls(String method, int n, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Call> got = calls(method);
            if (got.size() >= n) return got;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + n + " " + method + " calls, got "
                        + got.size() + "; all: " + calls.stream().map(Call::method).toList());
            }
            Thread.sleep(10);
        }
    }

    /** Texts the bot sent into {@code chatId}, in order. */
    public List<String> sentTexts(String chatId) {
        return calls("sendMessage").stream().filter(c -> chatId.equals(c.body().path("chat_id").asText()))
                .map(c -> c.body().path("text").asText()).toList();
    }

    /** Every raw request line and body the server saw (to check that nothing but the path carries the token). */
    public int requestCount() {
        return server.getRequestCount();
    }

    // ---- update builders (the documented shapes) ----

    public static ObjectNode newMessage(String chatId, String senderId, String messageId, String text, long timeSeconds) {
        ObjectNode u = JSON.createObjectNode().put("type", "NewMessage").put("chat_id", chatId);
        ObjectNode m = u.putObject("new_message");
        m.put("message_id", messageId).put("text", text).put("time", Long.toString(timeSeconds)).put("is_edited", false)
                .put("sender_type", "User").put("sender_id", senderId);
        m.putObject("aux_data").putNull("start_id").putNull("button_id");
        return u;
    }

    /** A chat-keypad press: a NewMessage whose text is the button's text and aux_data.button_id its id. */
    public static ObjectNode keypadPress(String chatId, String senderId, String messageId, String buttonText,
                                         String buttonId, long timeSeconds) {
        ObjectNode u = newMessage(chatId, senderId, messageId, buttonText, timeSeconds);
        ((ObjectNode) u.get("new_message").get("aux_data")).put("button_id", buttonId);
        return u;
    }

    public static ObjectNode startedBot(String chatId) {
        return JSON.createObjectNode().put("type", "StartedBot").put("chat_id", chatId);
    }

    public static ObjectNode stoppedBot(String chatId) {
        return JSON.createObjectNode().put("type", "StoppedBot").put("chat_id", chatId);
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        String prefix = "/v3/" + token + "/";
        if (!path.startsWith(prefix)) return envelope("{\"status\":\"INVALID_ACCESS\",\"dev_message\":\"wrong token\"}");
        String method = path.substring(prefix.length());
        JsonNode body;
        try {
            String raw = request.getBody().readString(StandardCharsets.UTF_8);
            body = raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
            return envelope("{\"status\":\"INVALID_INPUT\",\"dev_message\":\"body is not JSON\"}");
        }
        calls.add(new Call(method, body));
        synchronized (this) {
            Deque<String> s = scripted.get(method);
            if (s != null && !s.isEmpty()) return scriptedResponse(s.poll());
            return envelope(switch (method) {
                case "getMe" -> "{\"status\":\"OK\",\"data\":{\"bot\":{\"bot_id\":\"b0peykbot\",\"bot_title\":\"Peyk\","
                        + "\"username\":\"peyk_bot\",\"description\":\"\",\"share_url\":\"https://rubika.ir/peyk_bot\"}}}";
                case "getUpdates" -> getUpdates(body);
                case "sendMessage" -> "{\"status\":\"OK\",\"data\":{\"message_id\":\"" + (nextMessageId++) + "\"}}";
                case "editMessageText", "editMessageKeypad", "editChatKeypad", "setCommands", "updateBotEndpoints" ->
                        "{\"status\":\"OK\",\"data\":{}}";
                default -> "{\"status\":\"INVALID_INPUT\",\"dev_message\":\"unknown method " + method + "\"}";
            });
        }
    }

    /** Offsets are "o<index>", opaque to the client; no offset_id means from the first kept update. */
    private String getUpdates(JsonNode body) {
        int from = 0;
        String offset = body.path("offset_id").asText("");
        if (offset.startsWith("o")) from = Integer.parseInt(offset.substring(1));
        int limit = body.path("limit").asInt(100);
        int to = Math.min(updates.size(), from + limit);
        ObjectNode out = JSON.createObjectNode().put("status", "OK");
        ObjectNode data = out.putObject("data");
        var list = data.putArray("updates");
        for (int i = from; i < to; i++) list.add(updates.get(i));
        data.put("next_offset_id", "o" + to);
        return out.toString();
    }

    /** A scripted body, or "HTTP 502:body" for another status code. */
    private static MockResponse scriptedResponse(String s) {
        if (!s.startsWith("HTTP ")) return envelope(s);
        int colon = s.indexOf(':');
        return new MockResponse().setResponseCode(Integer.parseInt(s.substring(5, colon))).setBody(s.substring(colon + 1));
    }

    private static MockResponse envelope(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
