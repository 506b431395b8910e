package ir.peyk.store;

import java.util.Optional;

/**
 * Per (transport, chat), the bot's last message that carried a chat keypad. On Rubika in polling mode a keypad press
 * arrives as the user's own message, which the bot may not edit; the press edits this one instead, so it must outlive
 * a restart.
 */
public final class KeypadMessages {
    private final Database db;

    public KeypadMessages(Database db) {
        this.db = db;
    }

    public void remember(String transport, String chatId, String messageId) {
        db.update("INSERT INTO keypad_messages(transport, chat_id, message_id) VALUES(?,?,?) "
                + "ON CONFLICT(transport, chat_id) DO UPDATE SET message_id=excluded.message_id", transport, chatId, messageId);
    }

    public Optional<String> find(String transport, String chatId) {
        return db.text("SELECT message_id FROM keypad_messages WHERE transport=? AND chat_id=?", transport, chatId);
    }
}
