package ir.peyk.transport.telegram;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import ir.peyk.adapter.TransportException;
import ir.peyk.transport.http.ApiCaller;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A typed Bot API client: {@code api.execute(new Methods.SendMessage(...))}. Requests are JSON POSTs to
 * {@code <base>/bot<token>/<method>}; every call goes through the {@link ApiCaller} (throttle, retry_after, backoff).
 * The token lives only in the request URL, which is never logged.
 */
public final class BotApi {
    /** snake_case on the wire, nulls left out, unknown fields ignored, numbers coerced where clones differ. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final ApiCaller caller;
    private final String baseUrl;
    private final String token;

    public BotApi(ApiCaller caller, String baseUrl, String token) {
        this.caller = caller;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** Each method's URL, parsed once: OkHttp parsing the URL string again for every reply showed in profiles. */
    private final java.util.Map<String, HttpUrl> urls = new java.util.concurrent.ConcurrentHashMap<>();

    private HttpUrl url(String method) {
        return urls.computeIfAbsent(method, m -> HttpUrl.get(baseUrl + "/bot" + token + "/" + m));
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public String transport() {
        return caller.transport();
    }

    public ApiCaller caller() {
        return caller;
    }

    public <T> T execute(BotMethod<T> method) throws TransportException {
        String name = method.methodName();
        byte[] body;
        try {
            // bytes: RequestBody need not encode a String again
            body = method instanceof Methods.SendMessage m ? sendMessage(m) : JSON.writeValueAsBytes(method);
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.REJECTED, 0, transport() + " " + name
                    + ": cannot encode the request (" + (e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage()) + ")");
        }
        Request request = new Request.Builder()
                .url(url(name))
                .tag(String.class, name)
                .post(RequestBody.create(body, JSON_TYPE))
                .build();
        String response = caller.call(name, request, method.throttleChat(), method.throttleGroup());
        return result(name, response, method.resultType());
    }

    /**
     * sendMessage, every reply's request, written straight to the generator: the same JSON as {@code JSON} writes
     * (snake_case, nulls left out, the record's order), without a serializer provider set up for each reply.
     */
    static byte[] sendMessage(Methods.SendMessage m) throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder(256 + 2 * (m.text() == null ? 0 : m.text().length()));
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            if (m.chatId() instanceof Long id) {
                g.writeNumberField("chat_id", id);
            } else if (m.chatId() != null) {
                g.writeFieldName("chat_id");
                JSON.writeValue(g, m.chatId());
            }
            if (m.text() != null) g.writeStringField("text", m.text());
            if (m.replyMarkup() != null) {
                g.writeFieldName("reply_markup");
                keyboard(g, m.replyMarkup());
            }
            if (m.replyToMessageId() != null) g.writeNumberField("reply_to_message_id", m.replyToMessageId());
            if (m.allowSendingWithoutReply() != null) {
                g.writeBooleanField("allow_sending_without_reply", m.allowSendingWithoutReply());
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** An inline keyboard, as {@code JSON} writes it (a button's null callback data left out). */
    private static void keyboard(JsonGenerator g, Tg.InlineKeyboardMarkup markup) throws IOException {
        g.writeStartObject();
        if (markup.inlineKeyboard() != null) {
            g.writeArrayFieldStart("inline_keyboard");
            for (List<Tg.InlineKeyboardButton> row : markup.inlineKeyboard()) {
                g.writeStartArray();
                for (Tg.InlineKeyboardButton b : row) {
                    g.writeStartObject();
                    if (b.text() != null) g.writeStringField("text", b.text());
                    if (b.callbackData() != null) g.writeStringField("callback_data", b.callbackData());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /**
     * A multipart/form-data call uploading one file (sendPhoto): {@code fields} are the other parameters as text
     * (objects already JSON-encoded), {@code fileField} carries {@code bytes}. Goes through the same caller as
     * {@link #execute}, so it is throttled per chat and retried like any send.
     */
    public <T> T upload(String name, Map<String, String> fields, String fileField, String fileName, String mediaType,
                        byte[] bytes, String chat, Class<T> resultType) throws TransportException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        fields.forEach((k, v) -> {
            if (v != null) form.addFormDataPart(k, v);
        });
        form.addFormDataPart(fileField, fileName, RequestBody.create(bytes, MediaType.get(mediaType)));
        Request request = new Request.Builder()
                .url(url(name))
                .tag(String.class, name)
                .post(form.build())
                .build();
        boolean group = chat != null && (chat.startsWith("-") || chat.startsWith("@"));
        return result(name, caller.call(name, request, chat, group), resultType);
    }

    /**
     * Decodes {@code result} straight from the streaming parser into {@code resultType}: no tree of the whole
     * response, and the fields a small result record does not name are skipped unread.
     */
    private <T> T result(String name, String response, Class<T> resultType) throws TransportException {
        try (JsonParser p = JSON.createParser(response)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new JsonParseException(p, "the response is not an object");
            T out = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean isResult = "result".equals(p.currentName());
                JsonToken v = p.nextToken();
                if (isResult && v == JsonToken.START_OBJECT && resultType == Tg.Sent.class) {
                    out = resultType.cast(sent(p));
                } else if (isResult && v != JsonToken.VALUE_NULL) {
                    out = JSON.readValue(p, resultType);
                } else {
                    p.skipChildren();
                }
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new TransportException(TransportException.Kind.UNAVAILABLE, 0, transport() + " " + name
                    + ": the result could not be read (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * The id of a sent message, read off the parser at the echoed message's START_OBJECT: every reply comes back as
     * the whole message, and the id is all Peyk keeps of it. Coerces as databind would: a number, a numeric string,
     * null or no id (0).
     */
    private static Tg.Sent sent(JsonParser p) throws IOException {
        long id = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            boolean isId = "message_id".equals(p.currentName());
            JsonToken v = p.nextToken();
            if (isId && (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT)) id = p.getValueAsLong();
            else if (isId && v == JsonToken.VALUE_STRING) id = Long.parseLong(p.getText().strip());
            else p.skipChildren();
        }
        return new Tg.Sent(id);
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
