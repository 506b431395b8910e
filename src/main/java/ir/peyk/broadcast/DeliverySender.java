package ir.peyk.broadcast;

import ir.peyk.adapter.Context;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.store.Subscribers;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one broadcast row through its transport and says what became of it: sent, failed for good (a blocked chat is
 * unsubscribed), retried later with exponential backoff, or released when the worker is stopping. Used by
 * {@link BroadcastWorker}'s sender threads; never throws, so every claimed row comes back as a result.
 */
final class DeliverySender {
    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    private static final int MAX_REASON = 300;

    private final Map<String, Transport> transports;
    private final Subscribers subscribers;
    private final WorkerSettings settings;
    private final BooleanSupplier stopping;

    DeliverySender(Map<String, Transport> transports, Subscribers subscribers, WorkerSettings settings,
                   BooleanSupplier stopping) {
        this.transports = transports;
        this.subscribers = subscribers;
        this.settings = settings;
        this.stopping = stopping;
    }

    DeliveryResult send(Delivery d, String text) {
        Transport t = transports.get(d.transport());
        try {
            for (String part : Context.split(text, t.capabilities().maxTextLength())) {
                t.send(d.chatId(), Reply.text(part));
            }
            return DeliveryResult.sent(d);
        } catch (TransportException e) {
            String reason = reason(e);
            switch (e.kind()) {
                case FORBIDDEN -> {
                    if (d.channel()) {
                        log.warn("broadcast: channel target {} on {} refused the message ({}); is the bot an admin "
                                + "of the channel?", d.chatId(), d.transport(), reason);
                    } else {
                        subscribers.unsubscribe(d.transport(), d.chatId());
                    }
                    return DeliveryResult.failed(d, reason);
                }
                case REJECTED -> {
                    return DeliveryResult.failed(d, reason);
                }
                default -> {
                    if (stopping.getAsBoolean() && Thread.currentThread().isInterrupted()) {
                        return DeliveryResult.released(d);
                    }
                    int attempt = d.attempts() + 1;
                    if (attempt >= settings.maxAttempts()) return DeliveryResult.failed(d, reason);
                    long delay = settings.retryDelay().toMillis() << Math.min(16, attempt - 1);
                    return DeliveryResult.retry(d, reason, System.currentTimeMillis() + delay);
                }
            }
        } catch (RuntimeException e) {
            log.error("broadcast: sending to {}:{} failed unexpectedly", d.transport(), d.chatId(), e);
            return DeliveryResult.failed(d, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String reason(TransportException e) {
        String m = e.getMessage() == null ? e.kind().name() : e.getMessage();
        return m.length() > MAX_REASON ? m.substring(0, MAX_REASON) : m;
    }
}
