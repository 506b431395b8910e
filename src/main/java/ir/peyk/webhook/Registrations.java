package ir.peyk.webhook;

import ir.peyk.adapter.Transport;
import ir.peyk.adapter.TransportException;
import ir.peyk.transport.rubika.RubikaTransport;
import ir.peyk.transport.telegram.TelegramTransport;

/**
 * Which platform call registers a transport's webhook, and which undoes it. Kept here, not in the transports, so the
 * transports stay unaware of the server (they only expose the calls).
 */
public final class Registrations {
    private Registrations() {}

    /**
     * How to point {@code transport}'s platform at our URL: Telegram family {@code setWebhook(url, secret_token)}
     * (Bale and Soroush Plus get the url only), Rubika {@code updateBotEndpoints} for ReceiveUpdate and
     * ReceiveInlineMessage. Null for platforms registered by hand (Gap: the developer portal).
     */
    public static Registration of(Transport transport) {
        if (transport instanceof TelegramTransport tg) return tg::setWebhook;
        if (transport instanceof RubikaTransport rubika) return (url, secret) -> rubika.registerWebhook(url);
        return null;
    }

    /**
     * Call before long-polling a transport that may have run in webhook mode: Telegram-family getUpdates fails with
     * 409 while a webhook is set, so the webhook is deleted (harmless when none is). Other platforms need nothing
     * (Rubika documents no way to remove an endpoint; whether its getUpdates works while one is set is unconfirmed).
     */
    public static void releaseForPolling(Transport transport) throws TransportException {
        if (transport instanceof TelegramTransport tg) tg.deleteWebhook();
    }
}
