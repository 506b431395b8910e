package ir.peyk.adapter;

/**
 * Something that runs beside the update loop for the bot's lifetime: the broadcast worker, the webhook server… It is
 * started after the transports (so {@link BotApp#transport} and {@link BotApp#me} work) and the dispatcher (so
 * updates it submits to {@link BotApp#inbox()} are handled), and stopped before them, in reverse order.
 */
public interface Service {
    void start(BotApp app) throws Exception;

    default void stop() throws Exception {}

    /** For log lines. */
    default String name() {
        return getClass().getSimpleName();
    }
}
