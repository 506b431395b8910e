package ir.peyk.webhook;

/**
 * The webhook server cannot be set up or started as configured; the message says what to change. An
 * IllegalStateException so that a bot start failing on it ends like any other failed start (one line, exit 1).
 */
public class WebhookException extends IllegalStateException {
    public WebhookException(String message) {
        super(message);
    }

    public WebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
