package ir.peyk.adapter;

import java.util.List;

/**
 * The transport as a button press's handlers see it: it notes whether the press was answered, so the adapter can
 * answer it afterwards when no handler did (otherwise the user's button spins until it times out).
 */
final class PressAnswering implements Transport {
    private final Transport t;
    private volatile boolean answered;

    PressAnswering(Transport t) {
        this.t = t;
    }

    boolean answered() {
        return answered;
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
        return t.send(chatId, reply);
    }

    @Override
    public int photoCaptionLength() {
        return t.photoCaptionLength();
    }

    @Override
    public Sent sendPhoto(String chatId, byte[] png, String caption, String replyTo) throws TransportException {
        return t.sendPhoto(chatId, png, caption, replyTo);
    }

    @Override
    public void edit(String chatId, String messageId, Reply reply) throws TransportException {
        t.edit(chatId, messageId, reply);
    }

    @Override
    public void answerButton(ButtonPress press, String text) throws TransportException {
        answered = true;
        t.answerButton(press, text);
    }

    @Override
    public void answerInline(InlineQuery query, List<InlineResult> results, String nextOffset)
            throws TransportException {
        t.answerInline(query, results, nextOffset);
    }

    @Override
    public void typing(String chatId) {
        t.typing(chatId);
    }
}
