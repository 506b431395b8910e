package ir.peyk.transport.rubika;

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
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Rubika Bot API v3 shapes ↔ the neutral model. Pure: no I/O, so every mapping is tested on its own.
 *
 * <p>Mappings (see the README's Rubika section):
 * <ul>
 *   <li>{@code NewMessage} → {@link Message}; with {@code aux_data.button_id} (a chat-keypad press) → {@link ButtonPress}
 *       whose data is the button id and whose message is the bot's that carried the keypad (null when unknown, e.g.
 *       after a restart: the answer is then sent anew);</li>
 *   <li>{@code StartedBot} → a Message {@code /start} (plus the deep-link {@code start_id} when there is one);</li>
 *   <li>{@code StoppedBot} → {@link BotStopped}: the chat is unsubscribed without a reply;</li>
 *   <li>{@code inline_message} (webhook receiveInlineMessage: an inline-keypad press) → ButtonPress;</li>
 *   <li>{@code UpdatedMessage}, {@code RemovedMessage}, {@code UpdatedPayment} and unknown types → nothing (skipped);</li>
 *   <li>anything malformed → a poison item whose key is a digest of the update, so a replay is the same poison.</li>
 * </ul>
 * Dedupe key: {@code type:message_id:time}. Updates without a message (StartedBot/StoppedBot may carry only
 * {@code chat_id}) use {@code type:chat_id:<fallback>}, the caller's position of the update (see
 * {@link RubikaTransport#poll}).
 */
final class RubikaCodec {
    static final String START = "/start";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One decoded update and its send time (epoch ms; 0 when unknown) for the backlog filter. */
    record Decoded(Batch.Item item, long timeMillis) {}

    private final String transport;
    private final Predicate<String> sentByBot;
    private final UnaryOperator<String> keypadMessage;

    /**
     * @param transport     the transport name the updates carry
     * @param sentByBot     whether a message id is one of the bot's own messages (for replies to the bot)
     * @param keypadMessage the bot's last message in a chat that carried a chat keypad, or null (a chat-keypad press
     *                      arrives as the user's own message, which the bot may not edit; "more" edits the bot's)
     */
    RubikaCodec(String transport, Predicate<String> sentByBot, UnaryOperator<String> keypadMessage) {
        this.transport = transport;
        this.sentByBot = sentByBot;
        this.keypadMessage = keypadMessage;
    }

    /**
     * Decodes one {@code Update}; null when the update is of a kind the bot ignores (or is the bot's own message).
     *
     * @param fallbackKey what tells this update apart when it has neither message id nor time
     * @param botId       the bot's own id (its own messages are dropped), or null before start
     */
    Decoded update(JsonNode u, String fallbackKey, String botId) {
        if (u == null || !u.isObject()) return poison(u, "an update that is not a JSON object");
        String type = text(u, "type");
        String chatId = text(u, "chat_id");
        if (type == null || chatId == null) return poison(u, "an update without type or chat_id");
        JsonNode msg = u.get("new_message");
        if (msg != null && !msg.isNull() && !msg.isObject()) return poison(u, "new_message is not an object");
        if (msg != null && msg.isNull()) msg = null;
        return switch (type) {
            case "NewMessage" -> msg == null ? poison(u, "a NewMessage without new_message") : newMessage(u, chatId, msg, botId);
            case "StartedBot" -> lifecycle(u, type, chatId, msg, START + startParameter(u, msg), fallbackKey);
            case "StoppedBot" -> lifecycle(u, type, chatId, msg, null, fallbackKey);
            default -> null;
        };
    }

    /** Decodes a receiveInlineMessage body's {@code inline_message} (an inline-keypad press). */
    Decoded inlineMessage(JsonNode m, long receivedMillis) {
        if (m == null || !m.isObject()) return poison(m, "an inline_message that is not a JSON object");
        String chatId = text(m, "chat_id");
        String buttonId = text(m.path("aux_data"), "button_id");
        if (chatId == null || buttonId == null) return poison(m, "an inline_message without chat_id or aux_data.button_id");
        String messageId = text(m, "message_id");
        String sender = text(m, "sender_id");
        // InlineMessage has no time: the receipt time keeps two presses of one button apart (a platform redelivery is
        // therefore not recognised as a duplicate; a second answer is the lesser harm than a lost press).
        String key = "InlineMessage:" + messageId + ":" + buttonId + ":" + sender + ":" + receivedMillis;
        User from = new User(sender != null ? sender : chatId, null, null, false);
        return new Decoded(Batch.Item.ok(new ButtonPress(transport, key, chat(chatId), from, null, messageId, buttonId)),
                receivedMillis);
    }

    /** A keypad from the reply's rows: each button's id is its data, so a press hands the data back. */
    ObjectNode keypad(List<List<Button>> rows, boolean chatKeypad) {
        ObjectNode k = JSON.createObjectNode();
        ArrayNode out = k.putArray("rows");
        for (List<Button> row : rows) {
            ArrayNode buttons = out.addObject().putArray("buttons");
            for (Button b : row) buttons.addObject().put("id", b.data()).put("type", "Simple").put("button_text", b.text());
        }
        if (chatKeypad) k.put("resize_keyboard", true).put("one_time_keyboard", false);
        return k;
    }

    /**
     * The chat's kind from its id. Public code shows {@code b0…} (private chat with the bot), {@code g0…} (group),
     * {@code c0…} (channel): an UNCONFIRMED convention, so anything else counts as private.
     */
    static Chat chat(String chatId) {
        Chat.Type type = chatId.startsWith("g0") ? Chat.Type.GROUP
                : chatId.startsWith("c0") ? Chat.Type.CHANNEL : Chat.Type.PRIVATE;
        return new Chat(chatId, type, null);
    }

    private Decoded newMessage(JsonNode u, String chatId, JsonNode msg, String botId) {
        String messageId = text(msg, "message_id");
        if (messageId == null) return poison(u, "a NewMessage without message_id");
        String senderId = text(msg, "sender_id");
        boolean bot = "Bot".equals(text(msg, "sender_type"));
        if (bot && senderId != null && senderId.equals(botId)) return null; // our own message echoed back
        String time = timeText(msg.get("time"));
        long millis = millis(time);
        String key = "NewMessage:" + messageId + ":" + time;
        User from = new User(senderId != null ? senderId : chatId, null, null, bot);
        String buttonId = text(msg.path("aux_data"), "button_id");
        if (buttonId != null && !buttonId.isEmpty()) {
            return new Decoded(Batch.Item.ok(new ButtonPress(transport, key, chat(chatId), from, null,
                    keypadMessage.apply(chatId), buttonId)), millis);
        }
        String text = text(msg, "text");
        String replyTo = text(msg, "reply_to_message_id");
        boolean replyToBot = replyTo != null && sentByBot.test(replyTo);
        return new Decoded(Batch.Item.ok(new Message(transport, key, chat(chatId), from, messageId,
                text == null ? "" : text, replyToBot, millis)), millis);
    }

    private Decoded lifecycle(JsonNode u, String type, String chatId, JsonNode msg, String text, String fallbackKey) {
        String messageId = msg == null ? null : text(msg, "message_id");
        String time = timeText(msg != null && msg.has("time") ? msg.get("time") : u.has("time") ? u.get("time") : u.get("update_time"));
        String key = messageId != null ? type + ":" + messageId + ":" + time
                : type + ":" + chatId + ":" + (time != null ? time : fallbackKey);
        String sender = msg == null ? null : text(msg, "sender_id");
        // StartedBot may carry only chat_id: the private chat's id then stands for the user (it never matches an admin
        // id, so nothing is granted by it).
        User from = new User(sender != null ? sender : chatId, null, null, false);
        long millis = millis(time);
        if (text == null) return new Decoded(Batch.Item.ok(new BotStopped(transport, key, chat(chatId), from)), millis);
        return new Decoded(Batch.Item.ok(new Message(transport, key, chat(chatId), from, messageId, text, false, millis)),
                millis);
    }

    private static String startParameter(JsonNode u, JsonNode msg) {
        String s = msg == null ? null : text(msg.path("aux_data"), "start_id");
        if (s == null) s = text(u.path("aux_data"), "start_id");
        return s == null || s.isBlank() ? "" : " " + s.strip();
    }

    private Decoded poison(JsonNode n, String why) {
        String raw = n == null ? "null" : n.toString();
        return new Decoded(Fingerprint.poison(transport, raw, why), 0);
    }

    /** Text of a field; numbers become their decimal text (ids are strings, though old docs show numbers). */
    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        return v.asText();
    }

    /** A time as its canonical decimal seconds ("1643122902" and 1643122902 give the same key); null when absent. */
    private static String timeText(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText().strip();
        try {
            return Long.toString(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** Epoch ms from a timestamp in seconds (or already in ms, when it is that large); 0 when unknown. */
    private static long millis(String time) {
        if (time == null) return 0;
        try {
            long t = Long.parseLong(time);
            return t > 100_000_000_000L ? t : t * 1000;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
