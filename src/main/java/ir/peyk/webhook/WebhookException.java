package ir.peyk.webhook;

/** The webhook server cannot be set up or started as configured; the message says what to change. */
public class WebhookException extends RuntimeException {
    public WebhookException(String message) {
        super(message);
    }

    public WebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
