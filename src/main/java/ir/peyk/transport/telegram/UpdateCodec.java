package ir.peyk.transport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Update;
import ir.peyk.adapter.User;

/**
 * Turns Bot API update objects into the neutral model. Each update is decoded on its own: one that cannot be read
 * becomes a poison item (keyed by its update_id, so the offset still moves past it); kinds the bot does not handle
 * (edited messages, channel posts, member changes…) are dropped.
 */
final class UpdateCodec {
    private final TelegramProfile profile;
    private volatile long botId = Long.MIN_VALUE;

    UpdateCodec(TelegramProfile profile) {
        this.profile = profile;
    }

    void botId(long id) {
        this.botId = id;
    }

    /** The update_id of a raw update, or null when it has none. */
    static Long updateId(JsonNode raw) {
        JsonNode id = raw.path("update_id");
        if (id.isIntegralNumber()) return id.asLong();
        if (id.isTextual()) {
            try {
                return Long.parseLong(id.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** One item, or null when the update is of a kind the bot ignores. */
    Batch.Item decode(JsonNode raw) {
        Long id = raw == null ? null : updateId(raw);
        if (id == null) {
            return Batch.Item.poison("noid-" + Integer.toHexString(String.valueOf(raw).hashCode()),
                    "an update without an update_id");
        }
        String key = Long.toString(id);
        try {
            Tg.Update u = TreeReader.update(raw);
            if (u == null) u = BotApi.JSON.treeToValue(raw, Tg.Update.class);
            Update update = toNeutral(key, u);
            return update == null ? null : Batch.Item.ok(update);
        } catch (Exception e) {
            return Batch.Item.poison(key, "update " + key + " could not be read: "
                    + BotApi.firstLine(e.getMessage()).replaceAll("\\s+", " "));
        }
    }

    private Update toNeutral(String key, Tg.Update u) {
        String t = profile.name();
        if (u.message() != null) {
            Tg.Message m = u.message();
            if (m.chat() == null) throw new IllegalArgumentException("a message without a chat");
            if (m.from() != null && m.from().id() == botId && profile.dropOwnMessages()) return null;
            String text = m.text() != null ? m.text() : m.caption() != null ? m.caption() : "";
            boolean replyToBot = m.replyToMessage() != null && m.replyToMessage().from() != null
                    && m.replyToMessage().from().id() == botId;
            Tg.Message replied = m.replyToMessage();
            String repliedText = replied == null ? null : replied.text() != null ? replied.text() : replied.caption();
            return new Message(t, key, chat(m.chat()), user(m.from()), Long.toString(m.messageId()), text, replyToBot,
                    m.dateMillis(), repliedText);
        }
        if (u.callbackQuery() != null) {
            Tg.CallbackQuery q = u.callbackQuery();
            if (q.id() == null || q.from() == null) throw new IllegalArgumentException("a callback query without id or sender");
            Chat chat = q.message() != null && q.message().chat() != null ? chat(q.message().chat())
                    : new Chat(Long.toString(q.from().id()), Chat.Type.PRIVATE, null); // pressed under an inline result
            String messageId = q.message() != null ? Long.toString(q.message().messageId()) : null;
            return new ButtonPress(t, key, chat, user(q.from()), q.id(), messageId, q.data() == null ? "" : q.data());
        }
        if (u.inlineQuery() != null) {
            Tg.InlineQuery q = u.inlineQuery();
            if (q.id() == null || q.from() == null) throw new IllegalArgumentException("an inline query without id or sender");
            return new InlineQuery(t, key, user(q.from()), q.id(), q.query() == null ? "" : q.query(),
                    q.offset() == null ? "" : q.offset());
        }
        return null;
    }

    private static Chat chat(Tg.Chat c) {
        Chat.Type type = switch (c.type() == null ? "private" : c.type()) {
            case "group", "supergroup" -> Chat.Type.GROUP;
            case "channel" -> Chat.Type.CHANNEL;
            default -> c.id() < 0 ? Chat.Type.GROUP : Chat.Type.PRIVATE;
        };
        String title = c.title() != null ? c.title() : c.firstName();
        return new Chat(Long.toString(c.id()), type, title);
    }

    private static User user(Tg.User u) {
        if (u == null) return null;
        return new User(Long.toString(u.id()), u.username(), u.displayName(), u.bot());
    }

    /**
     * Bale formats every text as Markdown; Peyk's texts are plain, so the markup characters are escaped with a
     * backslash (and the backslash itself first).
     */
    static String escapeMarkdown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
