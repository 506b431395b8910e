package ir.peyk.transport.rubika;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per chat, the bot's last message that carried a chat keypad: what a keypad press edits (the press itself is the
 * user's message, which the bot may not edit). The bot keeps it in its store ({@code keypad_messages}) so a press
 * after a restart still edits; {@link #inMemory} is for a transport used without a store (tests, CLI commands).
 */
public interface KeypadMemory {
    /** The message id, or null when none is known. */
    String find(String chatId);

    void remember(String chatId, String messageId);

    /** The {@code max} chats used last, in memory. */
    static KeypadMemory inMemory(int max) {
        Map<String, String> map = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > max;
            }
        });
        return new KeypadMemory() {
            @Override
            public String find(String chatId) {
                return map.get(chatId);
            }

            @Override
            public void remember(String chatId, String messageId) {
                map.put(chatId, messageId);
            }
        };
    }
}
