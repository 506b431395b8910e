package ir.peyk.adapter;

import ir.peyk.store.CommitGate;
import java.util.List;

/**
 * The transport as one update's handlers see it. Every call that reaches the platform first waits for the commit
 * of the update's row when the handler runs ahead of it ({@link CommitGate}): nothing is sent for an update that was
 * not stored. For a button press it also notes whether the press was answered, so the adapter can answer it
 * afterwards when no handler did (otherwise the user's button spins until it times out).
 */
final class HandlerTransport implements Transport {
    private final Transport t;
    private final CommitGate commit;
    private volatile boolean answered;

    /** {@code commit}: the gate of the update's row when it was handed over before it was stored, else null. */
    HandlerTransport(Transport t, CommitGate commit) {
        this.t = t;
        this.commit = commit;
    }

    boolean answered() {
        return answered;
    }

    /** Before anything reaches the platform. */
    private void committed() {
        if (commit != null) commit.require(t.name() + ": the update was not stored (a duplicate, or its transaction "
                + "failed), so nothing is sent for it");
    }

    @Override
    public String name() {
        return t.name();
    }

    @Override
    public Capabilities capabilities() {
        return t.capabilities();
    }

    @Override
    public BotInfo start() throws TransportException {
        return t.start();
    }

    @Override
    public Sent send(String chatId, Reply reply) throws TransportException {
        committed();
        return t.send(chatId, reply);
    }

    @Override
    public int photoCaptionLength() {
        return t.photoCaptionLength();
    }

    @Override
    public Sent sendPhoto(String chatId, byte[] png, String caption, String replyTo) throws TransportException {
        committed();
        return t.sendPhoto(chatId, png, caption, replyTo);
    }

    @Override
    public void edit(String chatId, String messageId, Reply reply) throws TransportException {
        committed();
        t.edit(chatId, messageId, reply);
    }

    @Override
    public void answerButton(ButtonPress press, String text) throws TransportException {
        committed();
        answered = true;
        t.answerButton(press, text);
    }

    @Override
    public void answerInline(InlineQuery query, List<InlineResult> results, String nextOffset)
            throws TransportException {
        committed();
        t.answerInline(query, results, nextOffset);
    }

    @Override
    public void typing(String chatId) {
        committed();
        t.typing(chatId);
    }
}
