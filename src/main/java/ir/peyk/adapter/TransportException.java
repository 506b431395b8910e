package ir.peyk.adapter;

/**
 * A call to a messenger failed. {@link Kind} tells the caller what to do; the message never contains a token.
 */
public class TransportException extends Exception {
    public enum Kind {
        /** The token was refused (401/404 on getMe, Rubika INVALID_ACCESS): stop this transport, tell the operator. */
        UNAUTHORIZED,
        /** Another poller or a webhook holds the updates (409). */
        CONFLICT,
        /** The recipient blocked the bot, left, or the bot was kicked (403): do not send again. */
        FORBIDDEN,
        /** The request was refused as malformed (400 and the like): retrying will not help. */
        REJECTED,
        /** Retries (429 / 5xx / network) were exhausted. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int code;

    public TransportException(Kind kind, int code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public TransportException(Kind kind, int code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The platform's error code (HTTP status or its own), or 0. */
    public int code() {
        return code;
    }
}
