package ir.peyk.transport.eitaa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.adapter.BotInfo;
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
import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eitaa through Eitaayar ({@code POST {apiUrl}/{token}/{method}}, form-encoded): <b>send-only</b>. Eitaayar has no
 * getUpdates and no webhook, so this transport receives nothing; it is a broadcast channel target (the channels in
 * {@code transports.eitaa.channels}). The account @sender must be an admin of every target channel or group.
 *
 * <p>Options: {@code title} (a label shown only in the Eitaayar panel), {@code pin} (pin each post, default false),
 * {@code silent} (disable_notification, default false), {@code maxTextLength} (4096; Eitaayar documents no limit).
 */
public final class EitaaTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(EitaaTransport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final String baseUrl;
    private final String token;
    private final ApiCaller api;
    private final Capabilities capabilities;
    private final String title;
    private final boolean pin;
    private final boolean silent;

    /** @throws IllegalArgumentException when the token is missing or an option is malformed */
    public EitaaTransport(TransportConfig config, OkHttpClient http, Throttle throttle, RetryPolicy retry) {
        this(config, http, false, throttle, retry);
    }

    /** A transport with an HTTP client of its own, released by {@link #close()}. */
    public static EitaaTransport create(TransportConfig config, Throttle throttle, RetryPolicy retry) {
        return new EitaaTransport(config, HttpClients.standard(), true, throttle, retry);
    }

    private EitaaTransport(TransportConfig config, OkHttpClient http, boolean ownsHttp, Throttle throttle, RetryPolicy retry) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.name = config.name();
        this.token = TransportOptions.token(config);
        this.baseUrl = TransportOptions.apiUrl(config, "eitaa");
        this.title = config.options().get("title");
        this.pin = TransportOptions.flag(config, "pin", false);
        this.silent = TransportOptions.flag(config, "silent", false);
        int maxText = TransportOptions.integer(config, "maxTextLength", 4096, 16);
        this.capabilities = new Capabilities(false, false, false, false, false, false, maxText);
        this.api = new ApiCaller(name, http, throttle, retry, new EitaaResponses());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * Checks the token with getMe (a call without side effects). A refused token is fatal; an answer Eitaayar does not
     * give in the expected shape (getMe is seen only in SDK code) is logged and the configured name is used.
     */
    @Override
    public BotInfo start() throws TransportException {
        try {
            JsonNode r = call("getMe", new FormBody.Builder().build(), null).path("result");
            String id = r.hasNonNull("id") ? r.get("id").asText() : null;
            String username = r.hasNonNull("username") ? r.get("username").asText() : null;
            String display = r.hasNonNull("first_name") ? r.get("first_name").asText()
                    : r.hasNonNull("title") ? r.get("title").asText() : "Eitaayar";
            return new BotInfo(id, username, display);
        } catch (TransportException e) {
            if (e.kind() == TransportException.Kind.UNAUTHORIZED) {
                throw new TransportException(e.kind(), e.code(), e.getMessage() + "; set "
                        + TransportConfig.tokenVariable(name) + " to the token from the eitaayar.ir panel");
            }
            if (e.kind() != TransportException.Kind.REJECTED) throw e;
            log.warn("{}: getMe was not understood ({}); sending will show whether the token works", name, e.getMessage());
            return new BotInfo(null, null, "Eitaayar");
        }
    }

    /**
     * sendMessage to a channel or group: {@code chatId} is the channel's username (a leading @ is dropped, Eitaayar
     * wants it bare), its numeric id, or for private channels the invite link.
     */
    @Override
    public Sent send(String chatId, Reply reply) throws TransportException {
        String target = chatId.startsWith("@") ? chatId.substring(1) : chatId;
        FormBody.Builder form = new FormBody.Builder().add("chat_id", target).add("text", reply.text());
        if (title != null && !title.isBlank()) form.add("title", title);
        if (pin) form.add("pin", "1");
        if (silent) form.add("disable_notification", "1");
        JsonNode result = call("sendMessage", form.build(), target).path("result");
        String id = result.hasNonNull("message_id") ? result.get("message_id").asText() : null;
        return new Sent(chatId, id);
    }

    @Override
    public void close() {
        if (ownsHttp) HttpClients.shutdown(http);
    }

    private JsonNode call(String method, FormBody form, String chatKey) throws TransportException {
        Request request = new Request.Builder().url(baseUrl + "/" + token + "/" + method).post(form).build();
        // getMe is the start's check: short timeouts, one attempt (an unreachable Eitaayar is retried in the background).
        String body = (method.equals("getMe") ? api.forStart() : api).call(method, request, chatKey, false);
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.UNAVAILABLE, 0, name + " " + method + ": unreadable answer");
        }
    }
}
