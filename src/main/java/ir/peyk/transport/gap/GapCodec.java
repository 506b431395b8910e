package ir.peyk.transport.gap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotStopped;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.User;
import ir.peyk.transport.http.Fingerprint;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gap webhook posts ↔ the neutral model. Gap posts the same fields ({@code chat_id}, {@code type}, {@code data},
 * {@code from}, sometimes {@code message_id}) either form-encoded (GapBot reads {@code request.form}, where
 * {@code from} and a triggerButton's {@code data} are JSON strings) or as JSON (GapLib's fixtures, where {@code from}
 * is an object); both are accepted, whatever the Content-Type claims.
 *
 * <ul>
 *   <li>{@code text} → Message; media types (image, video, audio, file, voice, contact, location) → a Message with
 *       empty text, so the bot can say it reads text only;</li>
 *   <li>{@code join} → Message {@code /start}; {@code leave} → {@link BotStopped}: unsubscribed without a reply (the
 *   user has just left);</li>
 *   <li>{@code triggerButton} → ButtonPress (data = the button's {@code cb_data}, callbackId for answerCallback);</li>
 *   <li>payments and forms ({@code invoiceCallback}, {@code payCallback}, {@code submitForm}) and unknown types → skipped;</li>
 *   <li>anything malformed → one poison item.</li>
 * </ul>
 * Keys: a press by its {@code callback_id}; a message by type, chat and {@code message_id}. Gap sends no time and often
 * no message id: such posts are keyed by receipt time and a digest, so a redelivery is not recognised as a duplicate
 * (the lesser harm than dropping a user's repeated question).
 */
final class GapCodec {
    static final String START = "/start";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEDIA = Set.of("image", "video", "audio", "file", "voice", "contact", "location");

    private final String transport;

    GapCodec(String transport) {
        this.transport = transport;
    }

    /** Decodes one webhook post; never throws. */
    Batch decode(byte[] body, String contentType, long receivedMillis) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString().strip();
        } catch (CharacterCodingException e) {
            return poison(body, "a body that is not UTF-8 text");
        }
        ObjectNode fields;
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean json = ct.contains("json") || (!ct.contains("form") && text.startsWith("{"));
        if (json) {
            try {
                JsonNode n = JSON.readTree(text);
                if (n == null || !n.isObject()) return poison(body, "a JSON body that is not an object");
                fields = (ObjectNode) n;
            } catch (Exception e) {
                return poison(body, "malformed JSON");
            }
        } else {
            fields = form(text);
        }
        return decode(fields, body, receivedMillis);
    }

    /** Gap's inline_keyboard: rows of {@code {"text", "cb_data"}} (a JSON string inside the form). */
    static String inlineKeyboard(List<List<Button>> rows) {
        ArrayNode out = JSON.createArrayNode();
        for (List<Button> row : rows) {
            ArrayNode r = out.addArray();
            for (Button b : row) r.addObject().put("text", b.text()).put("cb_data", b.data());
        }
        return out.toString();
    }

    private Batch decode(ObjectNode f, byte[] body, long receivedMillis) {
        String chatId = text(f, "chat_id");
        String type = text(f, "type");
        if (chatId == null || chatId.isBlank() || type == null || type.isBlank()) {
            return poison(body, "a post without chat_id or type");
        }
        Chat chat = new Chat(chatId, Chat.Type.PRIVATE, null);
        User from = user(f.get("from"), chatId);
        String messageId = text(f, "message_id");
        String fallback = receivedMillis + ":" + Fingerprint.of(body);
        switch (type) {
            case "triggerButton" -> {
                JsonNode d = object(f.get("data"));
                if (d == null || text(d, "data") == null) return poison(body, "a triggerButton whose data is not {data, callback_id}");
                String callbackId = text(d, "callback_id");
                String pressed = text(d, "message_id") != null ? text(d, "message_id") : messageId;
                String key = callbackId != null ? "triggerButton:" + callbackId
                        : "triggerButton:" + chatId + ":" + pressed + ":" + fallback;
                return one(new ButtonPress(transport, key, chat, from, callbackId, pressed, text(d, "data")));
            }
            case "leave" -> {
                String key = "leave:" + chatId + ":" + (messageId != null ? messageId : fallback);
                return one(new BotStopped(transport, key, chat, from));
            }
            case "text", "join" -> {
                String said = type.equals("join") ? START : text(f, "data") == null ? "" : text(f, "data");
                return one(message(type, chat, from, messageId, said, fallback));
            }
            default -> {
                if (MEDIA.contains(type)) return one(message(type, chat, from, messageId, "", fallback));
                return Batch.empty(null);
            }
        }
    }

    private Message message(String type, Chat chat, User from, String messageId, String text, String fallback) {
        String key = type + ":" + chat.id() + ":" + (messageId != null ? messageId : fallback);
        return new Message(transport, key, chat, from, messageId, text, false, 0);
    }

    /** {@code from} is {id, name, username}, as an object (JSON posts) or a JSON string (form posts). */
    private static User user(JsonNode from, String chatId) {
        JsonNode u = object(from);
        if (u == null || text(u, "id") == null) return new User(chatId, null, null, false);
        return new User(text(u, "id"), text(u, "username"), text(u, "name"), false);
    }

    /** An object, or a string holding one; null otherwise. */
    private static JsonNode object(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isObject()) return v;
        if (!v.isTextual()) return null;
        try {
            JsonNode n = JSON.readTree(v.asText());
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static ObjectNode form(String body) {
        ObjectNode out = JSON.createObjectNode();
        if (body.isEmpty()) return out;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(k, v);
            } catch (IllegalArgumentException e) {
                // a broken %-escape: that field is left out, and a missing chat_id/type makes the post poison
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        return v.asText();
    }

    private static Batch one(ir.peyk.adapter.Update u) {
        return new Batch(List.of(Batch.Item.ok(u)), null);
    }

    private Batch poison(byte[] body, String why) {
        return new Batch(List.of(Fingerprint.poison(transport, body, why)), null);
    }
}
