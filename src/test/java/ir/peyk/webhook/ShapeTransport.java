package ir.peyk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.adapter.User;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small webhook transport for the server's own tests: it reads the platforms' post shapes just far enough to build
 * a Message (JSON pointers per shape; Gap form fields), so the server is tested without depending on the real codecs.
 * A JSON object without the expected id is a poison item (well-formed but unknown); a body it cannot read at all is
 * refused with a {@link TransportException}.
 */
class ShapeTransport implements Transport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String keyPtr;
    private final String chatPtr;
    private final String textPtr;

    ShapeTransport(String name, String keyPtr, String chatPtr, String textPtr) {
        this.name = name;
        this.keyPtr = keyPtr;
        this.chatPtr = chatPtr;
        this.textPtr = textPtr;
    }

    static ShapeTransport telegram(String name) {
        return new ShapeTransport(name, "/update_id", "/message/chat/id", "/message/text");
    }

    static ShapeTransport rubika() {
        return new ShapeTransport("rubika", "/update/new_message/message_id", "/update/chat_id", "/update/new_message/text") {
            @Override
            JsonNode normalise(JsonNode n) {
                // An inline keypad press carries its fields under inline_message: read it as the same shape.
                if (!n.has("inline_message")) return n;
                JsonNode im = n.get("inline_message");
                ObjectNode u = JSON.createObjectNode();
                u.putObject("update").put("chat_id", im.path("chat_id").asText())
                        .putObject("new_message").put("message_id", "inline:" + im.path("message_id").asText())
                        .put("text", im.path("aux_data").path("button_id").asText());
                return u;
            }
        };
    }

    static ShapeTransport gap() {
        return new ShapeTransport("gap", "/id", "/chat_id", "/data") {
            @Override
            JsonNode normalise(JsonNode n) {
                // Gap posts carry no id: the test key is chat_id + data.
                ((ObjectNode) n).put("id", n.path("chat_id").asText() + ":" + n.path("data").asText());
                return n;
            }
        };
    }

    JsonNode normalise(JsonNode n) {
        return n;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(false, true, false, false, false, true, 4096);
    }

    @Override
    public BotInfo start() {
        return new BotInfo("1", "peyk_bot", "Peyk");
    }

    @Override
    public Batch decodeWebhook(byte[] body, String contentType) throws TransportException {
        JsonNode n;
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode o = JSON.createObjectNode();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new TransportException(TransportException.Kind.REJECTED, 400, "bad form field");
                o.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            n = o;
        } else {
            try {
                n = JSON.readTree(body);
            } catch (IOException e) {
                throw new TransportException(TransportException.Kind.REJECTED, 400, "not JSON");
            }
        }
        n = normalise(n);
        JsonNode key = n.at(keyPtr);
        if (key.isMissingNode()) return new Batch(List.of(Batch.Item.poison("unknown:" + n.hashCode(), "no id")), null);
        String chat = n.at(chatPtr).asText();
        Message m = new Message(name, key.asText(), new Chat(chat, Chat.Type.PRIVATE, null),
                new User(chat, null, "user", false), key.asText(), n.at(textPtr).asText(), false, 0);
        return new Batch(List.of(Batch.Item.ok(m)), null);
    }

    @Override
    public Sent send(String chatId, Reply reply) {
        return new Sent(chatId, null);
    }
}
