package ir.peyk.transport.gap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.config.TransportConfig;
import ir.peyk.config.TransportOptions;
import ir.peyk.transport.http.ApiCaller;
import ir.peyk.transport.http.HttpClients;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Gap ({@code POST {apiUrl}/{method}}, form-encoded, the token in a header named {@code token}). Updates arrive only
 * by webhook (the URL is set in Gap's developer portal, not by an API call) and are decoded by {@link GapCodec}.
 * Buttons are Gap's {@code inline_keyboard}; presses ({@code triggerButton}) are answered with answerCallback.
 *
 * <p>Gap has no getMe: {@link #start()} makes no call and returns the configured identity (options {@code botId},
 * {@code username}, {@code botName}); a wrong token shows only at the first send. Option {@code maxTextLength}
 * (4096; Gap documents no limit).
 */
public final class GapTransport implements Transport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final String baseUrl;
    private final String token;
    private final ApiCaller api;
    private final Capabilities capabilities;
    private final GapCodec codec;
    private final BotInfo configured;

    /** @throws IllegalArgumentException when the token is missing or an option is malformed */
    public GapTransport(TransportConfig config, OkHttpClient http, Throttle throttle, RetryPolicy retry) {
        this(config, http, false, throttle, retry);
    }

    /** A transport with an HTTP client of its own, released by {@link #close()}. */
    public static GapTransport create(TransportConfig config, Throttle throttle, RetryPolicy retry) {
        return new GapTransport(config, HttpClients.standard(), true, throttle, retry);
    }

    private GapTransport(TransportConfig config, OkHttpClient http, boolean ownsHttp, Throttle throttle, RetryPolicy retry) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.name = config.name();
        this.token = TransportOptions.token(config);
        this.baseUrl = TransportOptions.apiUrl(config, "gap");
        int maxText = TransportOptions.integer(config, "maxTextLength", 4096, 16);
        this.capabilities = new Capabilities(false, true, false, true, true, true, maxText);
        this.api = new ApiCaller(name, http, throttle, retry, new GapResponses());
        this.codec = new GapCodec(name);
        this.configured = new BotInfo(config.options().get("botId"), config.options().get("username"),
                config.option("botName", "Gap"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** No call: Gap offers no harmless method to check a token with. */
    @Override
    public BotInfo start() {
        return configured;
    }

    @Override
    public Batch decodeWebhook(byte[] body, String contentType) {
        return codec.decode(body, contentType, System.currentTimeMillis());
    }

    /** sendMessage {chat_id, type=text, data, inline_keyboard?}; Gap answers {@code {"id": …}}. */
    @Override
    public Sent send(String chatId, Reply reply) throws TransportException {
        FormBody.Builder form = new FormBody.Builder().add("chat_id", chatId).add("type", "text").add("data", reply.text());
        if (!reply.buttons().isEmpty()) form.add("inline_keyboard", GapCodec.inlineKeyboard(reply.buttons()));
        String body = call("sendMessage", form.build(), chatId);
        return new Sent(chatId, messageId(body));
    }

    /** editMessage {chat_id, message_id, data, inline_keyboard?}. */
    @Override
    public void edit(String chatId, String messageId, Reply reply) throws TransportException {
        FormBody.Builder form = new FormBody.Builder().add("chat_id", chatId).add("message_id", messageId)
                .add("data", reply.text());
        if (!reply.buttons().isEmpty()) form.add("inline_keyboard", GapCodec.inlineKeyboard(reply.buttons()));
        call("editMessage", form.build(), chatId);
    }

    /**
     * answerCallback {chat_id, callback_id, text, show_alert=false}: stops the press's spinner and shows {@code text}
     * briefly. (GapBot sends {@code alert} instead of the documented {@code show_alert}; false is the default either
     * way.)
     */
    @Override
    public void answerButton(ButtonPress press, String text) throws TransportException {
        if (press.callbackId() == null) return;
        FormBody form = new FormBody.Builder().add("chat_id", press.chat().id()).add("callback_id", press.callbackId())
                .add("text", text == null ? "" : text).add("show_alert", "false").build();
        call("answerCallback", form, null);
    }

    @Override
    public void close() {
        if (ownsHttp) HttpClients.shutdown(http);
    }

    private String call(String method, FormBody form, String chatKey) throws TransportException {
        Request request = new Request.Builder().url(baseUrl + "/" + method).header("token", token).post(form).build();
        return api.call(method, request, chatKey, false);
    }

    private static String messageId(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null) return null;
            if (n.hasNonNull("id")) return n.get("id").asText();
            if (n.hasNonNull("message_id")) return n.get("message_id").asText();
        } catch (Exception e) {
            // a 200 without JSON: sent, but without an id to edit later
        }
        return null;
    }
}
