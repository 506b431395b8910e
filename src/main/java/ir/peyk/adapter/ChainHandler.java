package ir.peyk.adapter;

import ir.peyk.store.CommitGate;
import ir.peyk.store.Subscribers;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BotApp}'s middleware chain on one update (on a dispatcher worker): builds its {@link Context}
 * (the chat's language, whether the sender is an admin) and answers a button press no handler answered. A
 * {@link BotStopped} only unsubscribes the chat, silently.
 */
final class ChainHandler implements Dispatcher.Handler {
    private static final Logger log = LoggerFactory.getLogger(ChainHandler.class);

    private final StartedTransports running;
    private final Middleware chain;
    private final BiPredicate<String, String> admins;
    private final Subscribers subscribers;

    ChainHandler(StartedTransports running, Middleware chain, BiPredicate<String, String> admins,
            Subscribers subscribers) {
        this.running = running;
        this.chain = chain;
        this.admins = admins;
        this.subscribers = subscribers;
    }

    @Override
    public void handle(Update update) throws Exception {
        StartedTransports.Running r = running.get(update.transport());
        if (r == null) throw new IllegalStateException("transport " + update.transport() + " is not running");
        Transport t = r.transport();
        if (update instanceof BotStopped stopped) {
            // No handler runs and nothing is sent: the user has just left.
            boolean removed = subscribers != null && subscribers.unsubscribe(stopped.transport(), stopped.chat().id());
            log.info("{}: the bot was stopped in a chat{}", t.name(), removed ? "; it is unsubscribed" : "");
            return;
        }
        CommitGate commit = CommitGate.current();
        HandlerTransport answering = update instanceof ButtonPress && t.capabilities().callbackAnswers()
                ? new HandlerTransport(t, commit) : null;
        // Handed over before its row was stored: every call to the platform waits for the row's gate.
        Transport seen = answering != null ? answering : commit != null ? new HandlerTransport(t, commit) : t;
        Context ctx = new Context(update, seen, r.me(), language(update),
                update.from() != null && admins.test(update.transport(), update.from().id()));
        try {
            chain.handle(ctx, () -> {});
        } finally {
            if (answering != null && !answering.answered() && (commit == null || commit.await())) {
                try {
                    t.answerButton((ButtonPress) update, null);
                } catch (TransportException e) {
                    log.warn("{}: could not answer a button press: {}", t.name(), e.getMessage());
                }
            }
        }
    }

    private String language(Update u) {
        if (subscribers == null) return "fa";
        String chat = u.chat() != null ? u.chat().id() : u.from() != null ? u.from().id() : null;
        if (chat == null) return "fa";
        return subscribers.language(u.transport(), chat).orElse("fa");
    }
}
