package ir.peyk.adapter;

import java.util.List;

/**
 * A message the bot sends: plain text (transports escape or format it for their platform) and optional rows of
 * buttons. Handlers never write platform markup.
 */
public record Reply(String text, List<List<Button>> buttons) {
    public Reply {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }
}
