package ir.peyk.transport.web;

import ir.peyk.adapter.Button;
import java.util.List;

/**
 * One message in the web chat.
 *
 * @param id      the message id (the user's: the update key; the bot's: what {@code send} returned, for edits)
 * @param fromBot true for the bot's messages
 * @param version the conversation version at this bubble's last change (the page asks for what changed since)
 */
public record Bubble(String id, boolean fromBot, String text, List<List<Button>> buttons, long version) {
    public Bubble {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    Bubble at(long v) {
        return new Bubble(id, fromBot, text, buttons, v);
    }
}
