package ir.peyk.adapter;

import java.util.List;

/**
 * One messenger API, seen through the neutral model. Implementations: {@code transport.console},
 * {@code transport.telegram} (Telegram, Bale, Soroush Plus), {@code transport.rubika}, {@code transport.eitaa},
 * {@code transport.gap}. Every outgoing HTTP call goes through {@link ir.peyk.transport.http.ApiCaller}, the one
 * layer that retries, backs off and throttles.
 *
 * <p>Methods the capabilities rule out throw {@link UnsupportedOperationException}; handlers check
 * {@link #capabilities()} first.
 */
public interface Transport extends AutoCloseable {
    /** The configured name: console, telegram, bale, soroush, rubika, eitaa, gap. */
    String name();

    Capabilities capabilities();

    /** Checks the credentials (getMe) and returns who the bot is. UNAUTHORIZED here is fatal for this transport. */
    BotInfo start() throws TransportException;

    /**
     * Long-polls for updates after {@code offset} (null = from the start the platform keeps). Blocks up to the
     * platform's poll timeout; returns an empty batch when nothing came.
     */
    default Batch poll(String offset) throws TransportException {
        throw new UnsupportedOperationException(name() + " does not poll");
    }

    /**
     * True once the transport will never deliver another update (the console after end of input). The adapter stops
     * polling it; when no receiving transport is left, the bot shuts down cleanly.
     */
    default boolean exhausted() {
        return false;
    }

    /**
     * True for a transport whose next poll must wait until every update it delivered before has been handled (the
     * console: a reply is printed before the next input line is read, and "/press 1" refers to what was printed).
     */
    default boolean lockstep() {
        return false;
    }

    /**
     * Aborts a {@link #poll} in progress so that shutdown need not wait out a long poll; the aborted poll returns an
     * empty batch or throws. Called from another thread; sends still work afterwards.
     */
    default void stopPolling() {}

    /** Decodes a webhook post's body (for transports whose capabilities have webhook). */
    default Batch decodeWebhook(byte[] body, String contentType) throws TransportException {
        throw new UnsupportedOperationException(name() + " has no webhook");
    }

    Sent send(String chatId, Reply reply) throws TransportException;

    /**
     * The longest photo caption this transport sends, or 0 when it does not send photos ({@link #sendPhoto} then
     * throws); handlers send the text instead.
     */
    default int photoCaptionLength() {
        return 0;
    }

    /**
     * Sends a PNG image with {@code caption} (at most {@link #photoCaptionLength()} characters; may be empty),
     * quoting message {@code replyTo} when not null. A platform that refuses the upload throws; the caller then
     * sends the text.
     */
    default Sent sendPhoto(String chatId, byte[] png, String caption, String replyTo) throws TransportException {
        throw new UnsupportedOperationException(name() + " does not send photos");
    }

    default void edit(String chatId, String messageId, Reply reply) throws TransportException {
        throw new UnsupportedOperationException(name() + " cannot edit messages");
    }

    default void answerButton(ButtonPress press, String text) throws TransportException {
        // Platforms without callback answers need nothing.
    }

    default void answerInline(InlineQuery query, List<InlineResult> results, String nextOffset)
            throws TransportException {
        throw new UnsupportedOperationException(name() + " has no inline queries");
    }

    /** "typing…" where the platform shows it; a no-op elsewhere. */
    default void typing(String chatId) {}

    @Override
    default void close() {}
}
