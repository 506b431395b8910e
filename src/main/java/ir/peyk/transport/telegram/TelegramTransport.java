package ir.peyk.transport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.adapter.TransportException.Kind;
import ir.peyk.config.PeykConfig;
import ir.peyk.transport.http.ApiCaller;
import ir.peyk.transport.http.HttpClients;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram, Bale and Soroush Plus through one Bot API client, parameterised by a {@link TelegramProfile}. Receives by
 * long polling ({@link #poll}) or webhook ({@link #decodeWebhook}); buttons are inline keyboards.
 */
public final class TelegramTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(TelegramTransport.class);
    private static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query");
    /** Telegram's limit for a photo caption (Bale and Soroush Plus copy it). */
    static final int PHOTO_CAPTION = 1024;

    private final TelegramProfile profile;
    private final OkHttpClient http;
    private final BotApi api;
    /** getMe at start, with short timeouts and one attempt (see {@link ApiCaller#forStart}). */
    private final BotApi startApi;
    private final UpdateCodec codec;
    private final int pollTimeoutSeconds;
    private final Map<String, List<Tg.BotCommand>> menus;
    private volatile BotInfo me;

    /**
     * @param apiUrl             base URL (null: the platform's, {@link PeykConfig#DEFAULT_API_URLS}; a loopback server in tests)
     * @param token              the bot token; it appears only in request URLs, never in logs or errors
     * @param pollTimeoutSeconds getUpdates long-poll wait
     */
    public TelegramTransport(TelegramProfile profile, String apiUrl, String token, Throttle throttle, RetryPolicy retry,
                             int pollTimeoutSeconds) {
        this(profile, apiUrl, token, throttle, retry, pollTimeoutSeconds, Map.of());
    }

    /**
     * @param menus the "/" command menu to register at start (setMyCommands), by language: the {@code ""} entry is
     *              the default list (Persian), others are set for users whose app speaks that language ("en")
     */
    public TelegramTransport(TelegramProfile profile, String apiUrl, String token, Throttle throttle, RetryPolicy retry,
                             int pollTimeoutSeconds, Map<String, List<Tg.BotCommand>> menus) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException(profile.name() + " needs a token");
        this.profile = profile;
        this.pollTimeoutSeconds = Math.max(0, pollTimeoutSeconds);
        // The read timeout must outlast the long poll, or every quiet poll would look like a network error.
        this.http = new OkHttpClient.Builder()
                .connectionPool(HttpClients.pool())
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(this.pollTimeoutSeconds + 15L))
                .writeTimeout(Duration.ofSeconds(20))
                .build();
        String url = apiUrl == null ? PeykConfig.DEFAULT_API_URLS.get(profile.name()) : apiUrl;
        this.api = new BotApi(new ApiCaller(profile.name(), http, throttle, retry, new EnvelopeReader()), url, token);
        this.startApi = new BotApi(api.caller().forStart(), url, token);
        this.codec = new UpdateCodec(profile);
        this.menus = new LinkedHashMap<>(menus);
    }

    public TelegramProfile profile() {
        return profile;
    }

    /** The typed client, for calls the transport interface does not cover. */
    public BotApi api() {
        return api;
    }

    @Override
    public String name() {
        return profile.name();
    }

    @Override
    public Capabilities capabilities() {
        // Bale escapes markup characters, which lengthens a text: leave room so a split part still fits.
        int max = profile.markdownText() ? profile.maxTextLength() - 300 : profile.maxTextLength();
        return new Capabilities(true, true, profile.inlineQueries(), true, true, true, max);
    }

    @Override
    public BotInfo start() throws TransportException {
        Tg.User user;
        try {
            user = startApi.execute(new Methods.GetMe());
        } catch (TransportException e) {
            // Bale answers a bad token with 403 or "Token not found"; getMe has nothing else to forbid.
            if (e.kind() == Kind.FORBIDDEN || e.getMessage().contains("Token not found")) {
                throw new TransportException(Kind.UNAUTHORIZED, e.code(), e.getMessage());
            }
            throw e;
        }
        if (user == null) throw new TransportException(Kind.UNAVAILABLE, 0, name() + " getMe: no bot in the answer");
        codec.botId(user.id());
        me = new BotInfo(Long.toString(user.id()), user.username(), user.displayName());
        registerMenus();
        return me;
    }

    /**
     * setMyCommands for each language. The menu is a convenience — typed commands work without it — so a platform
     * that refuses it (a clone without the method) costs one warning, not the transport. Even a 404 is only that: the
     * token was just accepted by getMe, so a 404 here means the method is missing, not the token.
     */
    private void registerMenus() {
        for (Map.Entry<String, List<Tg.BotCommand>> e : menus.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            String lang = e.getKey().isEmpty() ? null : e.getKey();
            try {
                api.execute(new Methods.SetMyCommands(e.getValue(), lang));
            } catch (TransportException ex) {
                log.warn("{}: the command menu{} was not accepted ({}); commands still work when typed", name(),
                        lang == null ? "" : " for " + lang, ex.getMessage());
                return;
            }
        }
    }

    public BotInfo me() {
        return me;
    }

    @Override
    public Batch poll(String offset) throws TransportException {
        Long from = offset == null || offset.isBlank() ? null : Long.parseLong(offset);
        JsonNode result;
        try {
            result = api.execute(new Methods.GetUpdates(from, 100, pollTimeoutSeconds,
                    profile.allowedUpdates() ? ALLOWED_UPDATES : null));
        } catch (TransportException e) {
            if (e.kind() == Kind.CONFLICT) {
                throw new TransportException(Kind.CONFLICT, e.code(), name() + ": another poller or a webhook is "
                        + "using this token (409); deleteWebhook or stop the other process");
            }
            if (Thread.currentThread().isInterrupted()) return Batch.empty(offset);
            throw e;
        }
        if (result == null || !result.isArray()) {
            throw new TransportException(Kind.UNAVAILABLE, 0, name() + " getUpdates: the result is not a list");
        }
        List<Batch.Item> items = new ArrayList<>();
        long next = from == null ? Long.MIN_VALUE : from;
        for (JsonNode raw : result) {
            Long id = UpdateCodec.updateId(raw);
            if (id != null) {
                if (from != null && id < from) continue; // a clone re-sending confirmed updates: already stored
                next = Math.max(next, id + 1);
            }
            Batch.Item item = codec.decode(raw);
            if (item != null) items.add(item);
        }
        return new Batch(items, next == Long.MIN_VALUE ? offset : Long.toString(next));
    }

    @Override
    public void stopPolling() {
        HttpClients.cancel(http, "getUpdates");
    }

    @Override
    public Batch decodeWebhook(byte[] body, String contentType) throws TransportException {
        JsonNode raw;
        try {
            raw = BotApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new TransportException(Kind.REJECTED, 400, name() + " webhook: the body is not JSON");
        }
        if (raw == null || !raw.isObject()) {
            throw new TransportException(Kind.REJECTED, 400, name() + " webhook: the body is not an update object");
        }
        Batch.Item item = codec.decode(raw);
        return new Batch(item == null ? List.of() : List.of(item), null);
    }

    @Override
    public Sent send(String chatId, Reply reply) throws TransportException {
        String text = format(reply.text());
        if (text.length() > profile.maxTextLength()) {
            // Only escaping can get here (Context splits at the capability's limit): split the plain text again.
            Sent last = null;
            List<String> parts = Context.split(reply.text(), profile.maxTextLength() / 2);
            for (int i = 0; i < parts.size(); i++) {
                last = send(chatId, new Reply(parts.get(i), i == parts.size() - 1 ? reply.buttons() : List.of(),
                        i == 0 ? reply.replyTo() : null));
            }
            return last;
        }
        Long replyTo = messageId(reply.replyTo());
        Tg.Sent m = api.execute(new Methods.SendMessage(Methods.chatId(chatId), text, keyboard(reply.buttons()),
                replyTo, replyTo == null ? null : Boolean.TRUE));
        return new Sent(chatId, m == null ? null : Long.toString(m.messageId()));
    }

    @Override
    public int photoCaptionLength() {
        // Bale escapes markup, which lengthens a caption: leave room as for texts.
        return profile.markdownText() ? PHOTO_CAPTION - 300 : PHOTO_CAPTION;
    }

    /** sendPhoto as multipart/form-data (the only way to upload bytes); the caption is formatted like a text. */
    @Override
    public Sent sendPhoto(String chatId, byte[] png, String caption, String replyTo) throws TransportException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("chat_id", chatId);
        if (caption != null && !caption.isBlank()) fields.put("caption", format(caption));
        Long quoted = messageId(replyTo);
        if (quoted != null) {
            fields.put("reply_to_message_id", quoted.toString());
            fields.put("allow_sending_without_reply", "true");
        }
        Tg.Message m = api.upload("sendPhoto", fields, "photo", "stats.png", "image/png", png, chatId, Tg.Message.class);
        return new Sent(chatId, m == null ? null : Long.toString(m.messageId()));
    }

    /** A platform message id as the API wants it, or null (none, or not a number: then nothing is quoted). */
    private static Long messageId(String id) {
        if (id == null) return null;
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void edit(String chatId, String messageId, Reply reply) throws TransportException {
        try {
            api.execute(new Methods.EditMessageText(Methods.chatId(chatId), Long.parseLong(messageId),
                    format(reply.text()), keyboard(reply.buttons())));
        } catch (TransportException e) {
            // Pressing a button twice edits to the same text: the platform refuses, but the message is as wanted.
            if (e.kind() != Kind.REJECTED || !e.getMessage().contains("not modified")) throw e;
        }
    }

    @Override
    public void answerButton(ButtonPress press, String text) throws TransportException {
        if (press.callbackId() == null) return;
        if (profile == TelegramProfile.BALE && press.callbackId().startsWith("1")) {
            // Bale: ids starting with 1 come from old clients without callback answers; say it in the chat instead.
            if (text != null && !text.isBlank()) send(press.chat().id(), Reply.text(text));
            return;
        }
        api.execute(new Methods.AnswerCallbackQuery(press.callbackId(), text == null || text.isBlank() ? null : text));
    }

    @Override
    public void answerInline(InlineQuery query, List<InlineResult> results, String nextOffset)
            throws TransportException {
        if (!profile.inlineQueries()) throw new UnsupportedOperationException(name() + " has no inline queries");
        List<Tg.InlineQueryResultArticle> articles = results.stream()
                .map(r -> Tg.InlineQueryResultArticle.of(r.id(), r.title(), r.description(), format(r.text())))
                .toList();
        api.execute(new Methods.AnswerInlineQuery(query.queryId(), articles, 30,
                nextOffset == null ? "" : nextOffset));
    }

    @Override
    public void typing(String chatId) {
        try {
            api.execute(new Methods.SendChatAction(Methods.chatId(chatId), "typing"));
        } catch (TransportException e) {
            log.debug("{}: typing indicator failed: {}", name(), e.getMessage());
        }
    }

    /**
     * Points the platform's updates at {@code url}. {@code secret} is sent as secret_token where the platform has a
     * secret header ({@link TelegramProfile#secretHeader()}); elsewhere put it in the URL path instead.
     */
    public void setWebhook(String url, String secret) throws TransportException {
        api.execute(new Methods.SetWebhook(url, profile.secretHeader() != null ? secret : null));
    }

    public void deleteWebhook() throws TransportException {
        api.execute(new Methods.DeleteWebhook(null));
    }

    @Override
    public void close() {
        HttpClients.shutdown(http);
    }

    private String format(String text) {
        return profile.markdownText() ? UpdateCodec.escapeMarkdown(text) : text;
    }

    private static Tg.InlineKeyboardMarkup keyboard(List<List<Button>> buttons) {
        if (buttons == null || buttons.isEmpty()) return null;
        List<List<Tg.InlineKeyboardButton>> rows = buttons.stream()
                .filter(row -> !row.isEmpty())
                .map(row -> row.stream().map(b -> new Tg.InlineKeyboardButton(b.text(), b.data())).toList())
                .toList();
        return rows.isEmpty() ? null : new Tg.InlineKeyboardMarkup(rows);
    }
}
