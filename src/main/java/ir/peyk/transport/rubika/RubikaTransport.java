package ir.peyk.transport.rubika;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.config.TransportConfig;
import ir.peyk.config.TransportOptions;
import ir.peyk.transport.http.ApiCaller;
import ir.peyk.transport.http.Fingerprint;
import ir.peyk.transport.http.HttpClients;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rubika Bot API v3: {@code POST {apiUrl}/{token}/{method}} with a JSON body, answers in a {@code status}/{@code data}
 * envelope ({@link RubikaResponses}), string ids throughout.
 *
 * <p>Buttons: a chat-keypad press arrives as a NewMessage (by polling and by webhook), an inline-keypad press only by
 * the receiveInlineMessage webhook. So with {@code options.keypad: auto} (the default) replies carry a <em>chat
 * keypad</em> in polling mode and an <em>inline keypad</em> in webhook mode; {@code chat} or {@code inline} forces one.
 *
 * <p>Options: {@code maxBacklogSeconds} (600: at start, updates sent longer ago than this are skipped),
 * {@code keypad}, {@code pollLimit} (100), {@code pollIdleMillis} (1000: Rubika's getUpdates does not long-poll, so an
 * empty answer is followed by this pause), {@code tooRequestsBaseMillis} (1000: first wait after TOO_REQUESTS),
 * {@code maxTextLength} (4096; Rubika documents no limit).
 */
public final class RubikaTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(RubikaTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final int REMEMBERED_SENT_IDS = 10_000;
    /** Refusals of one offset in a row after which it is dropped (one or two may be a passing fault). */
    static final int OFFSET_REFUSALS_BEFORE_RESET = 3;

    private final String name;
    private final String baseUrl;
    private final String token;
    private final ApiCaller api;
    /** getMe at start, with short timeouts and one attempt (see {@link ApiCaller#forStart}). */
    private final ApiCaller startApi;
    private final List<BotCommand> commands;
    private final Capabilities capabilities;
    private final boolean chatKeypad;
    private final int pollLimit;
    private final long pollIdleMillis;
    private final Duration maxBacklog;
    private final Set<String> sentIds = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_SENT_IDS;
                }
            }));
    /** Per chat, the bot's last message that carried a chat keypad: what a keypad press edits. */
    private volatile KeypadMemory keypads = KeypadMemory.inMemory(REMEMBERED_SENT_IDS);
    private final RubikaCodec codec;
    /** The stored offset the server refused, and how many times in a row (an expired offset_id is refused for ever). */
    private String refusedOffset;
    private int offsetRefusals;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private volatile BotInfo me;
    private volatile long backlogCutoffMillis = Long.MIN_VALUE;

    /**
     * @param commands the bot's commands, sent with setCommands at start (empty: none sent)
     * @throws IllegalArgumentException when the token is missing or an option is malformed (the message says which)
     */
    public RubikaTransport(TransportConfig config, OkHttpClient http, Throttle throttle, RetryPolicy retry,
                           List<BotCommand> commands) {
        this(config, http, false, throttle, retry, commands);
    }

    /** A transport with an HTTP client of its own, released by {@link #close()}. */
    public static RubikaTransport create(TransportConfig config, Throttle throttle, RetryPolicy retry,
                                         List<BotCommand> commands) {
        return new RubikaTransport(config, HttpClients.standard(), true, throttle, retry, commands);
    }

    private RubikaTransport(TransportConfig config, OkHttpClient http, boolean ownsHttp, Throttle throttle,
                            RetryPolicy retry, List<BotCommand> commands) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.name = config.name();
        this.token = TransportOptions.token(config);
        this.baseUrl = TransportOptions.apiUrl(config, "rubika");
        this.commands = List.copyOf(commands);
        this.maxBacklog = Duration.ofSeconds(TransportOptions.number(config, "maxBacklogSeconds", 600, 0));
        this.pollLimit = TransportOptions.integer(config, "pollLimit", 100, 1);
        this.pollIdleMillis = TransportOptions.number(config, "pollIdleMillis", 1000, 0);
        String keypad = TransportOptions.choice(config, "keypad", "auto", List.of("auto", "chat", "inline"));
        this.chatKeypad = keypad.equals("chat") || (keypad.equals("auto") && !config.webhook());
        Duration tooRequests = Duration.ofMillis(TransportOptions.number(config, "tooRequestsBaseMillis", 1000, 1));
        int maxText = TransportOptions.integer(config, "maxTextLength", 4096, 16);
        this.capabilities = new Capabilities(true, true, false, false, true, true, maxText);
        this.api = new ApiCaller(name, http, throttle, retry, new RubikaResponses(tooRequests));
        this.startApi = api.forStart();
        this.codec = new RubikaCodec(name, sentIds::contains, this::keypadMessage);
    }

    @Override
    public String name() {
        return name;
    }

    /** Keeps what keypad presses edit in {@code memory} (the store, so it outlives a restart) instead of in memory. */
    public void keepKeypadsIn(KeypadMemory memory) {
        this.keypads = memory;
    }

    private String keypadMessage(String chatId) {
        try {
            return keypads.find(chatId);
        } catch (RuntimeException e) {
            log.warn("{}: could not read the keypad message of a chat ({}); the press edits nothing", name, e.getMessage());
            return null;
        }
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** Whether replies carry a chat keypad (else an inline keypad). */
    public boolean usesChatKeypad() {
        return chatKeypad;
    }

    /**
     * getMe, then setCommands with the command list. A refused token (INVALID_ACCESS) ends in one UNAUTHORIZED whose
     * message names the transport and the variable to fix; a refused command list only logs a warning.
     */
    @Override
    public BotInfo start() throws TransportException {
        JsonNode bot;
        try {
            bot = call(startApi, "getMe", JSON.createObjectNode(), null, false).path("bot");
        } catch (TransportException e) {
            if (e.kind() != TransportException.Kind.UNAUTHORIZED) throw e;
            throw new TransportException(e.kind(), e.code(), e.getMessage() + "; set "
                    + TransportConfig.tokenVariable(name) + " to the token Rubika's @BotFather gave");
        }
        me = new BotInfo(RubikaCodec.text(bot, "bot_id"), RubikaCodec.text(bot, "username"),
                RubikaCodec.text(bot, "bot_title"));
        if (!commands.isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            var list = body.putArray("bot_commands");
            for (BotCommand c : commands) list.addObject().put("command", c.command()).put("description", c.description());
            try {
                call("setCommands", body, null, false);
            } catch (TransportException e) {
                if (e.kind() == TransportException.Kind.UNAUTHORIZED) throw e;
                log.warn("{}: the command list was not accepted ({}); commands still work when typed", name, e.getMessage());
            }
        }
        backlogCutoffMillis = System.currentTimeMillis() - maxBacklog.toMillis();
        return me;
    }

    /**
     * One getUpdates from {@code offset} (Rubika's opaque {@code next_offset_id}; null = from the start the server
     * keeps). Updates sent before start minus {@code maxBacklogSeconds} are skipped; a malformed update becomes a
     * poison item; the returned offset is the server's {@code next_offset_id} (the same offset when it sent none).
     */
    @Override
    public Batch poll(String offset) throws TransportException {
        ObjectNode body = JSON.createObjectNode();
        if (offset != null && !offset.isBlank()) body.put("offset_id", offset);
        body.put("limit", pollLimit);
        JsonNode data;
        try {
            data = call("getUpdates", body, null, false);
        } catch (TransportException e) {
            if (e.kind() != TransportException.Kind.REJECTED || offset == null || offset.isBlank()) throw e;
            if (!offset.equals(refusedOffset)) {
                refusedOffset = offset;
                offsetRefusals = 0;
            }
            if (++offsetRefusals < OFFSET_REFUSALS_BEFORE_RESET) throw e;
            log.warn("{}: the server refused the stored offset {} times ({}); polling from the server's oldest kept "
                    + "update instead (duplicates are ignored, old ones skipped by maxBacklogSeconds)", name,
                    offsetRefusals, e.getMessage());
            refusedOffset = null;
            return poll(null);
        }
        refusedOffset = null;
        String next = RubikaCodec.text(data, "next_offset_id");
        if (next == null || next.isBlank()) next = offset;
        JsonNode updates = data.path("updates");
        List<Batch.Item> items = new ArrayList<>();
        int skipped = 0;
        if (updates.isArray()) {
            String botId = me == null ? null : me.id();
            for (int i = 0; i < updates.size(); i++) {
                // An update without message id and time is told apart by where it came: this batch (from offset to
                // next) and its index. A replay of the same batch gets the same keys.
                RubikaCodec.Decoded d = codec.update(updates.get(i), "@" + offset + ">" + next + "#" + i, botId);
                if (d == null) continue;
                if (stale(d)) skipped++;
                else items.add(d.item());
            }
        } else if (!updates.isMissingNode() && !updates.isNull()) {
            items.add(Fingerprint.poison(name, data.toString(), "getUpdates returned data.updates that is not a list"));
        }
        if (skipped > 0) {
            log.info("{}: skipped {} updates sent more than {} s before start (maxBacklogSeconds)", name, skipped,
                    maxBacklog.toSeconds());
        }
        if (updates.size() == 0) idle();
        return new Batch(items, next);
    }

    /**
     * A webhook post: {@code {"update": …}} (receiveUpdate) or {@code {"inline_message": …}} (receiveInlineMessage);
     * a bare Update is accepted too. Malformed bodies become one poison item, never an exception.
     */
    @Override
    public Batch decodeWebhook(byte[] body, String contentType) {
        long now = System.currentTimeMillis();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return poisonBatch(body, "malformed JSON (" + firstLine(e) + ")");
        }
        if (root == null || !root.isObject()) return poisonBatch(body, "a body that is not a JSON object");
        RubikaCodec.Decoded d;
        String botId = me == null ? null : me.id();
        if (root.has("update")) d = codec.update(root.get("update"), "recv" + now, botId);
        else if (root.has("inline_message")) d = codec.inlineMessage(root.get("inline_message"), now);
        else if (root.has("type") && root.has("chat_id")) d = codec.update(root, "recv" + now, botId);
        else return poisonBatch(body, "neither update nor inline_message");
        if (d == null || stale(d)) return Batch.empty(null);
        return new Batch(List.of(d.item()), null);
    }

    @Override
    public Sent send(String chatId, Reply reply) throws TransportException {
        ObjectNode body = JSON.createObjectNode().put("chat_id", chatId).put("text", reply.text());
        if (reply.replyTo() != null) body.put("reply_to_message_id", reply.replyTo());
        if (!reply.buttons().isEmpty()) {
            if (chatKeypad) {
                body.set("chat_keypad", codec.keypad(reply.buttons(), true));
                body.put("chat_keypad_type", "New");
            } else {
                body.set("inline_keypad", codec.keypad(reply.buttons(), false));
            }
        }
        JsonNode data = call("sendMessage", body, chatId, isGroup(chatId));
        String id = RubikaCodec.text(data, "message_id");
        if (id != null) sentIds.add(id);
        if (id != null && chatKeypad && !reply.buttons().isEmpty()) {
            try {
                keypads.remember(chatId, id);
            } catch (RuntimeException e) {
                // The message is out: failing the send would send it again. A press then has nothing to edit.
                log.warn("{}: could not keep the keypad message of a chat ({}); a press on it edits nothing", name,
                        e.getMessage());
            }
        }
        return new Sent(chatId, id);
    }

    /** editMessageText; with buttons also the keypad (editMessageKeypad, or editChatKeypad in chat-keypad mode). */
    @Override
    public void edit(String chatId, String messageId, Reply reply) throws TransportException {
        ObjectNode body = JSON.createObjectNode().put("chat_id", chatId).put("message_id", messageId).put("text", reply.text());
        call("editMessageText", body, chatId, isGroup(chatId));
        if (reply.buttons().isEmpty()) return;
        if (chatKeypad) {
            ObjectNode k = JSON.createObjectNode().put("chat_id", chatId).put("chat_keypad_type", "New");
            k.set("chat_keypad", codec.keypad(reply.buttons(), true));
            call("editChatKeypad", k, chatId, isGroup(chatId));
        } else {
            ObjectNode k = JSON.createObjectNode().put("chat_id", chatId).put("message_id", messageId);
            k.set("inline_keypad", codec.keypad(reply.buttons(), false));
            call("editMessageKeypad", k, chatId, isGroup(chatId));
        }
    }

    /**
     * Points Rubika's ReceiveUpdate and ReceiveInlineMessage endpoints at {@code url} (updateBotEndpoints, once per
     * type). For the webhook server; Rubika requires HTTPS and documents no secret header, so the URL's path must be
     * unguessable.
     */
    public void registerWebhook(String url) throws TransportException {
        for (String type : List.of("ReceiveUpdate", "ReceiveInlineMessage")) {
            call("updateBotEndpoints", JSON.createObjectNode().put("url", url).put("type", type), null, false);
        }
    }

    /** Cancels a getUpdates in flight (shutdown); sends go on. */
    @Override
    public void stopPolling() {
        HttpClients.cancel(http, "getUpdates");
    }

    @Override
    public void close() {
        if (ownsHttp) HttpClients.shutdown(http);
    }

    private boolean stale(RubikaCodec.Decoded d) {
        return d.timeMillis() > 0 && d.timeMillis() < backlogCutoffMillis;
    }

    private static boolean isGroup(String chatId) {
        return RubikaCodec.chat(chatId).type() == Chat.Type.GROUP;
    }

    private JsonNode call(String method, ObjectNode body, String chatKey, boolean group) throws TransportException {
        return call(api, method, body, chatKey, group);
    }

    private JsonNode call(ApiCaller api, String method, ObjectNode body, String chatKey, boolean group)
            throws TransportException {
        Request request = new Request.Builder()
                .url(baseUrl + "/" + token + "/" + method)
                .tag(String.class, method)
                .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON_TYPE))
                .build();
        String response = api.call(method, request, chatKey, group);
        try {
            return JSON.readTree(response).path("data");
        } catch (IOException e) {
            // RubikaResponses only passes bodies it parsed; this is a guard, not a path.
            throw new TransportException(TransportException.Kind.UNAVAILABLE, 0, name + " " + method + ": unreadable answer");
        }
    }

    private Batch poisonBatch(byte[] body, String why) {
        return new Batch(List.of(Fingerprint.poison(name, body, why)), null);
    }

    private void idle() {
        if (pollIdleMillis <= 0) return;
        try {
            Thread.sleep(pollIdleMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(IOException e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) return e.getClass().getSimpleName();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
