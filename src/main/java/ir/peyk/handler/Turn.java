package ir.peyk.handler;

import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.TransportException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One update being handled: the adapter's {@link Context} plus the language we answer in. The language starts as the
 * chat's stored one and changes within the update when /lang sets a new one (the context reads the store only once,
 * before the update).
 */
public final class Turn {
    private static final Logger LOG = LoggerFactory.getLogger(Turn.class);

    private final Context ctx;
    private I18n i18n;

    Turn(Context ctx) {
        this.ctx = ctx;
        this.i18n = I18n.of(ctx.lang());
    }

    public Context ctx() {
        return ctx;
    }

    public I18n i18n() {
        return i18n;
    }

    public String lang() {
        return i18n.lang();
    }

    void switchLanguage(String lang) {
        this.i18n = I18n.of(lang);
    }

    public String t(String key, Object... args) {
        return i18n.t(key, args);
    }

    /** {@link I18n#plural}. */
    public String plural(String key, long count, Object... args) {
        return i18n.plural(key, count, args);
    }

    public Capabilities caps() {
        return ctx.transport().capabilities();
    }

    public boolean buttons() {
        return caps().buttons();
    }

    public Chat chat() {
        return ctx.chat();
    }

    public String transport() {
        return ctx.transport().name();
    }

    /** The bot's username without "@", or null when the transport does not tell. */
    public String botUsername() {
        String u = ctx.me() == null ? null : ctx.me().username();
        if (u == null || u.isBlank()) return null;
        return u.startsWith("@") ? u.substring(1) : u;
    }

    public Sent reply(Reply reply) throws TransportException {
        return ctx.reply(reply);
    }

    public Sent reply(String text) throws TransportException {
        return ctx.reply(Reply.text(text));
    }

    /**
     * Sends {@code text} with one row of buttons; where the transport has no buttons, each button's {@code hint} is
     * appended as a line of text instead ("send /summary 6 for more").
     */
    public Sent reply(String text, List<Offer> offers) throws TransportException {
        return ctx.reply(compose(text, offers));
    }

    /**
     * Replaces the message that carried the pressed button with {@code reply}, where the platform edits messages and
     * the reply fits one message; returns false (the caller sends a new message) otherwise, or when the edit is
     * refused — e.g. the message is too old, or unchanged.
     */
    boolean tryEdit(ButtonPress press, Reply reply) {
        if (!caps().edits() || press.messageId() == null || press.chat() == null) return false;
        int max = caps().maxTextLength();
        if (max > 0 && reply.text().length() > max) return false;
        try {
            ctx.transport().edit(press.chat().id(), press.messageId(), reply);
            return true;
        } catch (TransportException | UnsupportedOperationException e) {
            LOG.debug("edit refused on {}, sending a new message instead: {}", transport(), e.getMessage());
            return false;
        }
    }

    Reply compose(String text, List<Offer> offers) {
        List<Button> row = new ArrayList<>();
        StringBuilder b = new StringBuilder(text);
        for (Offer o : offers) {
            if (o == null) continue;
            if (buttons() && o.data() != null) row.add(new Button(o.label(), o.data()));
            else if (o.hint() != null) b.append("\n\n").append(o.hint());
        }
        return new Reply(b.toString(), row.isEmpty() ? List.of() : List.of(row));
    }

    /**
     * A follow-up action offered under a reply: a button where the platform has them, a text hint where it has not.
     *
     * @param data the callback data (≤ 64 bytes), or null when it would not fit: then the hint is shown
     */
    public record Offer(String label, String data, String hint) {}
}
