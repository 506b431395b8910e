package ir.peyk.adapter;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a middleware needs about one update: the update, the transport it came by, who the bot is there, the
 * chat's language and whether the sender is an admin. Replies go back through the same transport (and so through its
 * throttled, retrying API layer); long texts are split at the transport's limit on word boundaries.
 */
public final class Context {
    private final Update update;
    private final Transport transport;
    private final BotInfo me;
    private final String lang;
    private final boolean admin;

    public Context(Update update, Transport transport, BotInfo me, String lang, boolean admin) {
        this.update = update;
        this.transport = transport;
        this.me = me;
        this.lang = lang;
        this.admin = admin;
    }

    public Update update() {
        return update;
    }

    public Transport transport() {
        return transport;
    }

    public BotInfo me() {
        return me;
    }

    /** "fa" or "en". */
    public String lang() {
        return lang;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Chat chat() {
        return update.chat();
    }

    public User from() {
        return update.from();
    }

    /**
     * Sends {@code reply} to the update's chat, split into several messages when longer than the platform allows. In
     * a group the first part quotes the message it answers (several people may be asking at once).
     */
    public Sent reply(Reply reply) throws TransportException {
        Chat chat = update.chat();
        if (chat == null) throw new IllegalStateException("an inline query has no chat to reply to");
        List<String> parts = split(reply.text(), transport.capabilities().maxTextLength());
        String quoted = reply.replyTo() != null ? reply.replyTo() : quotedMessage();
        Sent last = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean lastPart = i == parts.size() - 1;
            List<List<Button>> buttons = lastPart && transport.capabilities().buttons() ? reply.buttons() : List.of();
            last = transport.send(chat.id(), new Reply(parts.get(i), buttons, i == 0 ? quoted : null));
        }
        return last;
    }

    /** The message a reply in this chat should quote: the group message being answered; none in private chats. */
    public String quotedMessage() {
        Chat chat = update.chat();
        if (chat == null || chat.isPrivate() || !(update instanceof Message m)) return null;
        return m.messageId();
    }

    public Sent reply(String text) throws TransportException {
        return reply(Reply.text(text));
    }

    /**
     * Splits {@code text} into parts of at most {@code max} UTF-16 units, preferring paragraph, then line, then word
     * boundaries; never splits a surrogate pair.
     */
    public static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        if (max <= 0 || text.length() <= max) {
            out.add(text);
            return out;
        }
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf("\n\n", max);
            if (cut < max / 2) cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
            if (cut <= 0) {
                cut = max;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) cut--;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) out.add(rest);
        return out;
    }
}
