package ir.peyk.transport.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The Telegram Bot API objects we read and write, shared by Telegram, Bale and Soroush Plus. Reading is lenient on
 * purpose (the clones differ in small ways): unknown fields are ignored, every optional field may be missing
 * ({@code is_bot} included), ids are 64-bit, and {@code date} may be seconds or milliseconds. Field names are the
 * API's snake_case (the mapper in {@link BotApi} translates).
 */
public final class Tg {
    private Tg() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Update(Long updateId, Message message, CallbackQuery callbackQuery, InlineQuery inlineQuery) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(long id, Boolean isBot, String firstName, String lastName, String username, String languageCode) {
        public boolean bot() {
            return Boolean.TRUE.equals(isBot);
        }

        public String displayName() {
            String first = firstName == null ? "" : firstName;
            String name = lastName == null || lastName.isBlank() ? first : (first + " " + lastName).strip();
            return name.isBlank() && username != null ? username : name;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Chat(long id, String type, String title, String username, String firstName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * What Peyk reads of a message it sent: its id. The platform echoes the whole message; decoding only this skips
     * the rest unread.
     */
    public record Sent(long messageId) {}

    public record Message(long messageId, User from, Chat chat, Long date, String text, String caption,
                          Message replyToMessage) {
        /** Epoch milliseconds; clones send seconds (Telegram) or milliseconds, told apart by magnitude. */
        public long dateMillis() {
            if (date == null || date <= 0) return 0;
            return date < 100_000_000_000L ? date * 1000 : date; // 1e11 s is the year 5138; 1e11 ms is 1973
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallbackQuery(String id, User from, Message message, String inlineMessageId, String data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InlineQuery(String id, User from, String query, String offset) {}

    // ---- outgoing objects ----

    public record InlineKeyboardMarkup(List<List<InlineKeyboardButton>> inlineKeyboard) {}

    public record InlineKeyboardButton(String text, String callbackData) {}

    /** One entry of the "/" menu: the command without its slash (1–32 of a-z, 0-9, _), and 1–256 characters. */
    public record BotCommand(String command, String description) {}

    public record InputTextMessageContent(String messageText) {}

    /** The one inline result type we use: an article whose message is text. */
    public record InlineQueryResultArticle(String type, String id, String title, String description,
                                           InputTextMessageContent inputMessageContent) {
        public static InlineQueryResultArticle of(String id, String title, String description, String text) {
            return new InlineQueryResultArticle("article", id, title, description, new InputTextMessageContent(text));
        }
    }
}
