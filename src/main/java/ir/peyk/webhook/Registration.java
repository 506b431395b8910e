package ir.peyk.webhook;

import ir.peyk.adapter.TransportException;

/**
 * Tells a platform where to post: Telegram-family {@code setWebhook(url, secret_token)}, Rubika
 * {@code updateBotEndpoints(url, ReceiveUpdate | ReceiveInlineMessage)}. Gap has none (its URL is entered in the
 * developer portal; {@code peyk webhook urls} prints it).
 */
@FunctionalInterface
public interface Registration {
    /**
     * @param url         the full public URL of the transport's route (it contains the path secret: never log it)
     * @param secretToken the token the platform must echo in its secret header, or null for platforms without one
     */
    void register(String url, String secretToken) throws TransportException;
}
