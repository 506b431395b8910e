package ir.peyk.adapter;

/**
 * A text message (or command) sent to the bot.
 *
 * @param messageId   the platform's message id
 * @param text        the text as sent (may be empty for non-text messages)
 * @param replyToBot  true when the message replies to one of the bot's own messages
 * @param dateMillis  when it was sent, epoch milliseconds (0 when unknown)
 * @param replyToText the text (or caption) of the message this one replies to, when the platform says; else null
 *                    (an admin replies to a message with a bare {@code /broadcast} to broadcast that text)
 */
public record Message(String transport, String key, Chat chat, User from, String messageId, String text,
                      boolean replyToBot, long dateMillis, String replyToText) implements Update {
    /** A message that replies to nothing known (the form before {@code replyToText} existed). */
    public Message(String transport, String key, Chat chat, User from, String messageId, String text,
                   boolean replyToBot, long dateMillis) {
        this(transport, key, chat, from, messageId, text, replyToBot, dateMillis, null);
    }
}
