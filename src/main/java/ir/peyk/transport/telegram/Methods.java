package ir.peyk.transport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The Bot API methods Peyk uses, one type each. Null components are left out of the request. */
public final class Methods {
    private Methods() {}

    /** {@code chat_id} is a number on the wire when it is one, else a string ("@channel"). */
    static Object chatId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    public record GetMe() implements BotMethod<Tg.User> {
        public String methodName() { return "getMe"; }
        public Class<Tg.User> resultType() { return Tg.User.class; }
    }

    /** Result left as JSON: each update is decoded on its own, so one bad update cannot spoil the batch. */
    public record GetUpdates(Long offset, Integer limit, Integer timeout, List<String> allowedUpdates)
            implements BotMethod<JsonNode> {
        public String methodName() { return "getUpdates"; }
        public Class<JsonNode> resultType() { return JsonNode.class; }
    }

    /**
     * {@code replyToMessageId} quotes the message answered (groups); {@code allowSendingWithoutReply} sends anyway when
     * that message was deleted meanwhile, rather than losing the answer.
     */
    public record SendMessage(Object chatId, String text, Tg.InlineKeyboardMarkup replyMarkup, Long replyToMessageId,
                              Boolean allowSendingWithoutReply)
            implements BotMethod<Tg.Sent> {
        public SendMessage(Object chatId, String text, Tg.InlineKeyboardMarkup replyMarkup) {
            this(chatId, text, replyMarkup, null, null);
        }

        public String methodName() { return "sendMessage"; }
        public Class<Tg.Sent> resultType() { return Tg.Sent.class; }
        public String throttleChat() { return String.valueOf(chatId); }
    }

    /** Result is the edited Message, or {@code true} for inline messages: kept as JSON. */
    public record EditMessageText(Object chatId, Long messageId, String text, Tg.InlineKeyboardMarkup replyMarkup)
            implements BotMethod<JsonNode> {
        public String methodName() { return "editMessageText"; }
        public Class<JsonNode> resultType() { return JsonNode.class; }
        public String throttleChat() { return String.valueOf(chatId); }
    }

    /** The "/" menu; {@code languageCode} null sets the default list, "en" the list for English-speaking users. */
    public record SetMyCommands(List<Tg.BotCommand> commands, String languageCode) implements BotMethod<Boolean> {
        public String methodName() { return "setMyCommands"; }
        public Class<Boolean> resultType() { return Boolean.class; }
    }

    public record AnswerCallbackQuery(String callbackQueryId, String text) implements BotMethod<Boolean> {
        public String methodName() { return "answerCallbackQuery"; }
        public Class<Boolean> resultType() { return Boolean.class; }
    }

    public record AnswerInlineQuery(String inlineQueryId, List<Tg.InlineQueryResultArticle> results, Integer cacheTime,
                                    String nextOffset) implements BotMethod<Boolean> {
        public String methodName() { return "answerInlineQuery"; }
        public Class<Boolean> resultType() { return Boolean.class; }
    }

    public record SendChatAction(Object chatId, String action) implements BotMethod<Boolean> {
        public String methodName() { return "sendChatAction"; }
        public Class<Boolean> resultType() { return Boolean.class; }
    }

    /** {@code secretToken} only where the platform has one (Telegram); null leaves it out. */
    public record SetWebhook(String url, String secretToken) implements BotMethod<Boolean> {
        public String methodName() { return "setWebhook"; }
        public Class<Boolean> resultType() { return Boolean.class; }
    }

    public record DeleteWebhook(Boolean dropPendingUpdates) implements BotMethod<Boolean> {
        public String methodName() { return "deleteWebhook"; }
        public Class<Boolean> resultType() { return Boolean.class; }
    }
}
