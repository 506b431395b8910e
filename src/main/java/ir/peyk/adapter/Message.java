package ir.peyk.adapter;

/**
 * A text message (or command) sent to the bot.
 *
 * @param messageId  the platform's message id
 * @param text       the text as sent (may be empty for non-text messages)
 * @param replyToBot true when the message replies to one of the bot's own messages
 * @param dateMillis when it was sent, epoch milliseconds (0 when unknown)
 */
public record Message(String transport, String key, Chat chat, User from, String messageId, String text,
                      boolean replyToBot, long dateMillis) implements Update {}
