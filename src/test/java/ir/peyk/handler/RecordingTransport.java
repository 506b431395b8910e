package ir.peyk.handler;

import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport (our SPI, implemented for real) that keeps what the bot sent instead of posting it: the test's window
 * on the conversation. It enforces what a platform would: the text limit and the 64-byte callback data.
 */
final class RecordingTransport implements Transport {
    /** Telegram: everything. */
    static final Capabilities TELEGRAM = new Capabilities(true, true, true, true, true, true, 4096);
    /** Bale: buttons and callback answers, edits, no inline queries. */
    static final Capabilities BALE = new Capabilities(true, false, false, true, true, true, 4096);
    /** A platform with plain text only. */
    static final Capabilities TEXT_ONLY = new Capabilities(true, false, false, false, false, false, 4096);

    record Out(String kind, String chatId, String messageId, Reply reply) {
        String text() {
            return reply.text();
        }
    }

    record ButtonAnswer(String callbackId, String text) {}

    record InlineAnswer(String queryId, List<InlineResult> results, String nextOffset) {}

    private final String name;
    private final Capabilities caps;
    final List<Out> out = new ArrayList<>();
    final List<ButtonAnswer> buttonAnswers = new ArrayList<>();
    final List<InlineAnswer> inlineAnswers = new ArrayList<>();
    /** Every call in order: "send", "edit", "answer", "photo" (to check what happens first). */
    final List<String> events = new ArrayList<>();
    /** PNG uploads, with their caption. */
    final List<Photo> photos = new ArrayList<>();
    /** The longest photo caption; 0 (the default) for a platform without photos. */
    int photoCaption;
    /** When set, photos are refused like an unsupported upload. */
    boolean refusePhotos;

    record Photo(String chatId, byte[] png, String caption, String replyTo) {}
    /** When set, edits are refused like an old message's. */
    boolean refuseEdits;
    private int nextId = 100;

    RecordingTransport(String name, Capabilities caps) {
        this.name = name;
        this.caps = caps;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Capabilities capabilities() {
        return caps;
    }

    @Override
    public BotInfo start() {
        return new BotInfo("1", "peyk_bot", "Peyk");
    }

    @Override
    public synchronized Sent send(String chatId, Reply reply) throws TransportException {
        check(reply);
        if (!caps.buttons() && !reply.buttons().isEmpty()) throw new AssertionError("buttons sent to a platform without");
        String id = String.valueOf(nextId++);
        out.add(new Out("send", chatId, id, reply));
        events.add("send");
        return new Sent(chatId, id);
    }

    @Override
    public synchronized void edit(String chatId, String messageId, Reply reply) throws TransportException {
        if (!caps.edits()) throw new UnsupportedOperationException(name + " cannot edit messages");
        if (refuseEdits) throw new TransportException(TransportException.Kind.REJECTED, 400, "message can't be edited");
        check(reply);
        out.add(new Out("edit", chatId, messageId, reply));
        events.add("edit");
    }

    @Override
    public synchronized void answerButton(ButtonPress press, String text) {
        if (!caps.callbackAnswers()) throw new AssertionError("answerButton on a platform without callback answers");
        if (text != null && text.length() > 200) throw new AssertionError("callback answer over 200 characters");
        buttonAnswers.add(new ButtonAnswer(press.callbackId(), text));
        events.add("answer");
    }

    @Override
    public int photoCaptionLength() {
        return photoCaption;
    }

    @Override
    public synchronized Sent sendPhoto(String chatId, byte[] png, String caption, String replyTo)
            throws TransportException {
        if (photoCaption <= 0) throw new UnsupportedOperationException(name + " does not send photos");
        if (refusePhotos) throw new TransportException(TransportException.Kind.REJECTED, 400, "PHOTO_INVALID");
        if (caption.length() > photoCaption) throw new AssertionError("caption over " + photoCaption);
        photos.add(new Photo(chatId, png, caption, replyTo));
        events.add("photo");
        return new Sent(chatId, String.valueOf(nextId++));
    }

    @Override
    public synchronized void answerInline(InlineQuery query, List<InlineResult> results, String nextOffset) {
        if (!caps.inlineQueries()) throw new UnsupportedOperationException(name + " has no inline queries");
        if (results.size() > 50) throw new AssertionError("more than 50 inline results");
        inlineAnswers.add(new InlineAnswer(query.queryId(), List.copyOf(results), nextOffset));
    }

    private void check(Reply reply) {
        if (reply.text().isEmpty()) throw new AssertionError("empty message text");
        if (reply.text().length() > caps.maxTextLength()) {
            throw new AssertionError("text of " + reply.text().length() + " over the limit " + caps.maxTextLength());
        }
        reply.buttons().forEach(row -> row.forEach(b -> {
            if (b.data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
                throw new AssertionError("callback data over 64 bytes: " + b.data());
            }
        }));
    }

    synchronized void clear() {
        out.clear();
        buttonAnswers.clear();
        inlineAnswers.clear();
        events.clear();
        photos.clear();
    }
}
