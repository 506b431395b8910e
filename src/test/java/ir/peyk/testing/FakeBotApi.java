package ir.peyk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small Telegram-family Bot API server on 127.0.0.1 for tests (real HTTP, the real protocol):
 * {@code POST|GET /bot<token>/<method>} with JSON, form or query parameters, answered with the
 * {@code {ok, result | error_code, description, parameters}} envelope.
 *
 * <pre>{@code
 * try (FakeBotApi api = FakeBotApi.start("123:secret")) {
 *     api.pushMessage(42, 42, "/start");                 // queued for getUpdates
 *     ... point a transport at api.url() with token "123:secret" ...
 *     api.awaitCalls("sendMessage", 1, Duration.ofSeconds(5));
 *     api.sentTexts(42);                                 // what the bot sent to chat 42
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Updates</b>: {@code push*} queue updates with increasing update_id (from {@link #firstUpdateId}; Bale's
 *       start at 0). getUpdates honours {@code offset} (updates below it are confirmed and forgotten), {@code limit}
 *       and {@code timeout} (a long poll holds until an update arrives or min(timeout, {@link #maxHold}) passes).</li>
 *   <li><b>Recording</b>: every request is a {@link Call} with its method, parameters, arrival time (nanoTime) and
 *       the status answered, so tests measure rates and retry gaps on the server's side.</li>
 *   <li><b>Failures</b>: {@link #failNext} scripts the next answers of one method (429 with retry_after, 5xx,
 *       malformed bodies, any status); {@link #forbidChat} answers 403 to sends into a chat; {@link #refuseToken}
 *       answers every call 401 (or another status); {@link #conflict} answers getUpdates 409.</li>
 *   <li><b>Hooks</b>: {@link #onCall} runs on the server thread before a request is answered (it may block, to hold a
 *       request in flight).</li>
 * </ul>
 * Method names are matched with their exact case; an unknown method gets 404 like the real API.
 */
public final class FakeBotApi implements AutoCloseable {
    /**
     * One recorded request. {@code params} merges the query string, form fields and a JSON body; {@code atNanos} is
     * when it arrived, {@code answeredNanos} when its answer had been written out (0 while it is being answered);
     * {@code connection} names the client's end of the TCP connection it came on.
     */
    public record Call(String method, String token, JsonNode params, long atNanos, int status, long answeredNanos,
                       String connection) {
        public String param(String name) {
            JsonNode n = params.get(name);
            return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : n.toString();
        }
    }

    /** One file part of a multipart/form-data request (sendPhoto's photo). */
    public record Upload(String method, String field, String fileName, String contentType, byte[] bytes) {}

    /** A scripted answer: HTTP status, raw body, and a Retry-After header (null: none). */
    public record Scripted(int status, String body, String retryAfter) {
        public Scripted(int status, String body) {
            this(status, body, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of("getMe", "getUpdates", "sendMessage", "editMessageText",
            "answerCallbackQuery", "answerInlineQuery", "sendChatAction", "setWebhook", "deleteWebhook",
            "getWebhookInfo", "setMyCommands", "sendPhoto");

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Object lock = new Object();
    private final TreeMap<Long, String> queue = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Scripted>> scripts = new HashMap<>();
    private final Set<String> forbidden = new HashSet<>();
    private final AtomicLong messageIds = new AtomicLong(1000);
    /** Files uploaded with multipart/form-data, in arrival order: (method, field name, bytes). */
    private final List<Upload> uploads = new ArrayList<>();
    private final AtomicLong callbackIds = new AtomicLong(5_000_000);
    private volatile Consumer<Call> hook = c -> {};
    private volatile int refuseStatus;
    private volatile boolean conflict;
    private volatile boolean closeConnections;
    private volatile String webhookUrl;
    private long nextUpdateId;

    public final long botId = 7_000_000_001L;
    public final String botUsername = "peyk_test_bot";
    /** Longest hold of a long poll, whatever timeout the client asks for. */
    public volatile Duration maxHold = Duration.ofSeconds(1);
    public final long firstUpdateId;

    private FakeBotApi(String token, long firstUpdateId) throws IOException {
        this.token = token;
        this.firstUpdateId = firstUpdateId;
        this.nextUpdateId = firstUpdateId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server whose update ids start at 1 (Telegram-like). */
    public static FakeBotApi start(String token) throws IOException {
        return new FakeBotApi(token, 1);
    }

    /** A server whose update ids start at {@code firstUpdateId} (Bale's start at 0). */
    public static FakeBotApi start(String token, long firstUpdateId) throws IOException {
        return new FakeBotApi(token, firstUpdateId);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234} (what PEYK_TELEGRAM_API_URL would be set to). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- updates ----

    /** Queues a private (chatId > 0) or group (chatId < 0) text message from {@code userId}; returns its update_id. */
    public long pushMessage(long chatId, long userId, String text) {
        return push(id -> update(id, "message", message(chatId, userId, text)));
    }

    /** Queues a message sent by the bot itself (Soroush Plus echoes these). */
    public long pushOwnMessage(long chatId, String text) {
        return pushMessage(chatId, botId, text);
    }

    /** Queues a button press on message {@code messageId} in {@code chatId}; returns its update_id. */
    public long pushCallback(long chatId, long userId, long messageId, String data) {
        ObjectNode q = JSON.createObjectNode();
        q.put("id", Long.toString(callbackIds.incrementAndGet()));
        q.set("from", user(userId));
        ObjectNode m = message(chatId, botId, "…");
        m.put("message_id", messageId);
        q.set("message", m);
        q.put("chat_instance", "ci" + chatId);
        q.put("data", data);
        return push(id -> update(id, "callback_query", q));
    }

    /** Queues an inline query "@bot {@code query}"; returns its update_id. */
    public long pushInline(long userId, String query, String offset) {
        ObjectNode q = JSON.createObjectNode();
        q.put("id", "iq" + userId + "-" + System.nanoTime());
        q.set("from", user(userId));
        q.put("query", query);
        q.put("offset", offset == null ? "" : offset);
        return push(id -> update(id, "inline_query", q));
    }

    /**
     * Queues raw update JSON; {@code template} may contain {@code %ID%} for the assigned update_id (leave it out to
     * test updates without one). The text need not be a valid update; it must be valid JSON.
     */
    public long pushRaw(String template) {
        return push(id -> template.replace("%ID%", Long.toString(id)));
    }

    private long push(java.util.function.LongFunction<String> make) {
        synchronized (lock) {
            long id = nextUpdateId++;
            queue.put(id, make.apply(id));
            lock.notifyAll();
            return id;
        }
    }

    /** Updates queued and not yet confirmed by a getUpdates offset. */
    public int unconfirmed() {
        synchronized (lock) {
            return queue.size();
        }
    }

    // ---- failures and hooks ----

    /** The next {@code n} calls of {@code method} are answered {@code status} with {@code body}. */
    public FakeBotApi failNext(String method, int n, int status, String body) {
        synchronized (lock) {
            Deque<Scripted> d = scripts.computeIfAbsent(method, k -> new ArrayDeque<>());
            for (int i = 0; i < n; i++) d.add(new Scripted(status, body));
        }
        return this;
    }

    /** Forgets the scripted answers not given yet: every method answers normally again. */
    public FakeBotApi clearFailures() {
        synchronized (lock) {
            scripts.clear();
        }
        return this;
    }

    /** The next call of {@code method} gets 429 with {@code parameters.retry_after}. */
    public FakeBotApi rateLimitNext(String method, int retryAfterSeconds) {
        return failNext(method, 1, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}");
    }

    /**
     * The next call of {@code method} gets 429 saying how long to wait only in an HTTP {@code Retry-After} header
     * (the body is an envelope without {@code parameters}), as a proxy in front of the API may answer.
     */
    public FakeBotApi rateLimitNextByHeader(String method, int retryAfterSeconds) {
        synchronized (lock) {
            scripts.computeIfAbsent(method, k -> new ArrayDeque<>()).add(new Scripted(429,
                    "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\"}",
                    Integer.toString(retryAfterSeconds)));
        }
        return this;
    }

    /** The next {@code n} calls of {@code method} get a 5xx with a gateway's HTML page. */
    public FakeBotApi serverErrorNext(String method, int n, int status) {
        return failNext(method, n, status, "<html><body>" + status + " Bad Gateway</body></html>");
    }

    /** The next call of {@code method} gets 200 with a body that is not JSON. */
    public FakeBotApi malformedNext(String method) {
        return failNext(method, 1, 200, "{\"ok\":tru");
    }

    /** Sends into {@code chatId} get 403 "bot was blocked by the user". */
    public FakeBotApi forbidChat(long chatId) {
        synchronized (lock) {
            forbidden.add(Long.toString(chatId));
        }
        return this;
    }

    /** Every call is refused: 401 Unauthorized (Telegram), or {@code status} (Bale says 403/404). 0 turns it off. */
    public FakeBotApi refuseToken(int status) {
        refuseStatus = status;
        return this;
    }

    /**
     * While on, every answer but a 429 closes its connection, so the client keeps only the connections that carried
     * a 429 and its next call takes one of those as soon as the client lets it go.
     */
    public FakeBotApi closeConnectionsExceptRefusals(boolean on) {
        closeConnections = on;
        return this;
    }

    /** getUpdates answers 409 Conflict while on. */
    public FakeBotApi conflict(boolean on) {
        conflict = on;
        return this;
    }

    /** Runs before each request is answered, on the server's thread (may block to hold the request). */
    public FakeBotApi onCall(Consumer<Call> hook) {
        this.hook = hook == null ? c -> {} : hook;
        return this;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    // ---- inspection ----

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Texts the bot sent (sendMessage answered 200) into {@code chatId}, in arrival order. */
    /** The files uploaded so far. */
    public List<Upload> uploads() {
        synchronized (lock) {
            return List.copyOf(uploads);
        }
    }

    public List<String> sentTexts(long chatId) {
        return calls("sendMessage").stream()
                .filter(c -> c.status() == 200 && Long.toString(chatId).equals(c.param("chat_id")))
                .map(c -> c.param("text")).toList();
    }

    /** Waits until at least {@code n} calls of {@code method} were answered; returns them (fails on timeout). */
    public List<Call> awaitCalls(String method, int n, Duration timeout) throws InterruptedException {
        return awaitCalls(c -> c.method().equals(method), n, timeout, method);
    }

    public List<Call> awaitCalls(Predicate<Call> which, int n, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> got = calls.stream().filter(which).toList();
                if (got.size() >= n) return got;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited " + timeout.toMillis() + " ms for " + n + " calls of " + what
                            + ", got " + got.size() + "; all calls: " + calls.stream().map(Call::method).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- protocol ----

    private void handle(HttpExchange ex) throws IOException {
        long at = System.nanoTime();
        String path = ex.getRequestURI().getRawPath();
        String method = "";
        String tok = "";
        int slash = path.indexOf('/', 1);
        if (path.startsWith("/bot") && slash > 0) {
            tok = URLDecoder.decode(path.substring(4, slash), StandardCharsets.UTF_8);
            method = path.substring(slash + 1);
        }
        ObjectNode params = params(ex, method);
        String connection = String.valueOf(ex.getRemoteAddress());
        Call pending = new Call(method, tok, params, at, 0, 0, connection);
        hook.accept(pending);
        Scripted answer = answer(method, tok, params);
        int index;
        synchronized (lock) {
            index = calls.size();
            calls.add(new Call(method, tok, params, at, answer.status(), 0, connection));
            lock.notifyAll();
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (answer.retryAfter() != null) ex.getResponseHeaders().set("Retry-After", answer.retryAfter());
        if (closeConnections && answer.status() != 429) ex.getResponseHeaders().set("Connection", "close");
        try (OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(answer.status(), body.length);
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // The client went away (cancelled long poll, killed process): nothing to answer.
        }
        long answered = System.nanoTime(); // from now on the client could have read the answer
        synchronized (lock) {
            calls.set(index, new Call(method, tok, params, at, answer.status(), answered, connection));
        }
    }

    private Scripted answer(String method, String tok, ObjectNode p) {
        if (refuseStatus != 0) return error(refuseStatus, refuseStatus == 401 ? "Unauthorized" : "Not Found");
        if (!tok.equals(token)) return error(401, "Unauthorized");
        if (!KNOWN.contains(method)) return error(404, "Not Found");
        synchronized (lock) {
            Deque<Scripted> d = scripts.get(method);
            if (d != null && !d.isEmpty()) return d.poll();
        }
        String chat = p.path("chat_id").asText(null);
        return switch (method) {
            case "getMe" -> ok("{\"id\":" + botId + ",\"is_bot\":true,\"first_name\":\"Peyk\",\"username\":\""
                    + botUsername + "\"}");
            case "getUpdates" -> getUpdates(p);
            case "sendMessage", "editMessageText" -> {
                String text = p.path("text").asText("");
                if (chat == null) yield error(400, "Bad Request: chat_id is empty");
                if (text.isEmpty()) yield error(400, "Bad Request: message text is empty");
                if (text.length() > 4096) yield error(400, "Bad Request: message is too long");
                synchronized (lock) {
                    if (forbidden.contains(chat)) yield error(403, "Forbidden: bot was blocked by the user");
                }
                long mid = method.equals("sendMessage") ? messageIds.incrementAndGet() : p.path("message_id").asLong();
                ObjectNode m = message(p.path("chat_id").asLong(), botId, text);
                m.put("message_id", mid);
                yield ok(m.toString());
            }
            case "sendPhoto" -> {
                if (chat == null) yield error(400, "Bad Request: chat_id is empty");
                if (!p.has("photo")) yield error(400, "Bad Request: there is no photo in the request");
                String caption = p.path("caption").asText("");
                if (caption.length() > 1024) yield error(400, "Bad Request: message caption is too long");
                synchronized (lock) {
                    if (forbidden.contains(chat)) yield error(403, "Forbidden: bot was blocked by the user");
                }
                ObjectNode m = message(p.path("chat_id").asLong(), botId, null);
                m.remove("text");
                if (!caption.isEmpty()) m.put("caption", caption);
                m.putArray("photo").addObject().put("file_id", "photo" + m.path("message_id").asLong())
                        .put("width", 800).put("height", 600);
                yield ok(m.toString());
            }
            case "setMyCommands" -> {
                JsonNode list = p.path("commands");
                if (!list.isArray() || list.isEmpty()) yield error(400, "Bad Request: commands are empty");
                for (JsonNode c : list) {
                    String cmd = c.path("command").asText("");
                    String desc = c.path("description").asText("");
                    if (!cmd.matches("[a-z0-9_]{1,32}")) yield error(400, "Bad Request: BOT_COMMAND_INVALID");
                    if (desc.isEmpty() || desc.length() > 256) yield error(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
                }
                yield ok("true");
            }
            case "answerCallbackQuery" -> p.path("callback_query_id").asText("").isEmpty()
                    ? error(400, "Bad Request: query is empty") : ok("true");
            case "answerInlineQuery" -> p.path("inline_query_id").asText("").isEmpty() || !p.path("results").isArray()
                    ? error(400, "Bad Request: results are missing") : ok("true");
            case "sendChatAction" -> chat == null ? error(400, "Bad Request: chat_id is empty") : ok("true");
            case "setWebhook" -> {
                webhookUrl = p.path("url").asText("");
                if (webhookUrl.isEmpty()) webhookUrl = null;
                yield ok("true");
            }
            case "deleteWebhook" -> {
                webhookUrl = null;
                yield ok("true");
            }
            case "getWebhookInfo" -> ok("{\"url\":\"" + (webhookUrl == null ? "" : webhookUrl) + "\"}");
            default -> error(404, "Not Found");
        };
    }

    private Scripted getUpdates(ObjectNode p) {
        if (conflict) {
            return error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        }
        if (webhookUrl != null) return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        long offset = p.path("offset").asLong(Long.MIN_VALUE);
        int limit = Math.max(1, Math.min(100, p.path("limit").asInt(100)));
        long timeoutMs = Math.min(p.path("timeout").asLong(0) * 1000, maxHold.toMillis());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock) {
            if (offset != Long.MIN_VALUE) queue.headMap(offset).clear(); // confirmed
            while (queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            StringBuilder sb = new StringBuilder("[");
            int n = 0;
            for (String u : queue.values()) {
                if (n++ == limit) break;
                if (sb.length() > 1) sb.append(',');
                sb.append(u);
            }
            return ok(sb.append(']').toString());
        }
    }

    private ObjectNode params(HttpExchange ex, String method) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) form(query, p);
        byte[] raw = ex.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("application/json") && !body.isBlank()) {
            try {
                JsonNode n = JSON.readTree(body);
                if (n.isObject()) p.setAll((ObjectNode) n);
            } catch (IOException e) {
                p.put("_malformed_body", body);
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            form(body, p);
        } else if (type.startsWith("multipart/form-data")) {
            multipart(raw, type, method, p);
        }
        return p;
    }

    /**
     * multipart/form-data: text parts become parameters (JSON-looking values parsed, as in forms); a file part is kept
     * in {@link #uploads()} and noted as the parameter {@code <field>} = its size in bytes.
     */
    private void multipart(byte[] raw, String type, String method, ObjectNode into) {
        int at = type.indexOf("boundary=");
        if (at < 0) {
            into.put("_malformed_body", "multipart without boundary");
            return;
        }
        String boundary = type.substring(at + 9).replace("\"", "").split(";")[0].strip();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int i = indexOf(raw, delimiter, 0); i >= 0; i = indexOf(raw, delimiter, i + delimiter.length)) starts.add(i);
        for (int k = 0; k + 1 < starts.size(); k++) {
            int from = starts.get(k) + delimiter.length + 2; // the CRLF after the boundary
            int to = starts.get(k + 1) - 2;                 // the CRLF before the next boundary
            int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), from);
            if (headerEnd < 0 || headerEnd > to) continue;
            String headers = new String(raw, from, headerEnd - from, StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOfRange(raw, headerEnd + 4, to);
            String name = headerParam(headers, "name");
            String fileName = headerParam(headers, "filename");
            if (name == null) continue;
            if (fileName != null) {
                String ct = null;
                for (String h : headers.split("\r\n")) {
                    if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) ct = h.substring(13).strip();
                }
                synchronized (lock) {
                    uploads.add(new Upload(method, name, fileName, ct, content));
                }
                into.put(name, content.length);
            } else {
                form(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(new String(content, StandardCharsets.UTF_8), StandardCharsets.UTF_8), into);
            }
        }
    }

    private static String headerParam(String headers, String param) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + param + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void form(String encoded, ObjectNode into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (v.startsWith("{") || v.startsWith("[")) {
                try {
                    into.set(k, JSON.readTree(v));
                    continue;
                } catch (IOException ignored) {
                    // not JSON: keep it as text
                }
            }
            into.put(k, v);
        }
    }

    private static Scripted ok(String resultJson) {
        return new Scripted(200, "{\"ok\":true,\"result\":" + resultJson + "}");
    }

    private static Scripted error(int code, String description) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ok", false);
        n.put("error_code", code);
        n.put("description", description);
        return new Scripted(code, n.toString());
    }

    private static String update(long id, String field, JsonNode value) {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", id);
        u.set(field, value);
        return u.toString();
    }

    private ObjectNode message(long chatId, long userId, String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageIds.incrementAndGet());
        m.set("from", user(userId));
        ObjectNode chat = JSON.createObjectNode();
        chat.put("id", chatId);
        chat.put("type", chatId < 0 ? "group" : "private");
        if (chatId < 0) chat.put("title", "Group " + chatId);
        else chat.put("first_name", "User" + chatId);
        m.set("chat", chat);
        m.put("date", System.currentTimeMillis() / 1000);
        m.put("text", text);
        return m;
    }

    private ObjectNode user(long id) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id);
        u.put("is_bot", id == botId);
        u.put("first_name", id == botId ? "Peyk" : "User" + id);
        if (id == botId) u.put("username", botUsername);
        return u;
    }
}
