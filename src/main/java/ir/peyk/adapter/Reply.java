package ir.peyk.adapter;

import java.util.List;

/**
 * A message the bot sends: plain text (transports escape or format it for their platform) and optional rows of
 * buttons. Handlers never write platform markup.
 *
 * @param replyTo the id of the message this one answers (quoted by the platform, e.g. Telegram's
 *                {@code reply_to_message_id}), or null; set by {@link Context#reply} in groups, where a bare answer
 *                would not say whom it answers
 */
public record Reply(String text, List<List<Button>> buttons, String replyTo) {
    public Reply {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public Reply(String text, List<List<Button>> buttons) {
        this(text, buttons, null);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }

    /** This reply quoting message {@code messageId}. */
    public Reply quoting(String messageId) {
        return new Reply(text, buttons, messageId);
    }
}
