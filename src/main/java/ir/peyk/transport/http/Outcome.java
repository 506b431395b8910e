package ir.peyk.transport.http;

import java.time.Duration;

/** How a platform codec reads one HTTP exchange; {@link ApiCaller} acts on it. */
public sealed interface Outcome {
    /** Success: the body to decode. */
    record Ok(String body) implements Outcome {}

    /**
     * Rate limited for this long (Telegram's retry_after, a Retry-After header): the token is flood-limited, so
     * every call of this {@link ApiCaller} waits it out, not only the refused one.
     */
    record RetryAfter(Duration delay) implements Outcome {}

    /**
     * Refused as too many, without a wait named (Rubika's TOO_REQUESTS): this call waits {@code base}, doubling with
     * each refusal of it in a row, and gives up once the wait would pass the policy's maxRetryAfter.
     */
    record SlowDown(Duration base, String reason) implements Outcome {}

    /** A passing failure (5xx, gateway, a body that is not the platform's envelope): back off and retry. */
    record Transient(int code, String reason) implements Outcome {}

    /**
     * A final refusal (401, 403, 400, 409…): no retry. {@code description} is the platform's words, token-free;
     * {@code said} is what the server answered, for messages (by default the code and the description; a platform
     * that refuses inside an HTTP 200, as Rubika does, says so rather than name a status it never sent).
     */
    record Failed(int code, String description, String said) implements Outcome {
        public Failed(int code, String description) {
            this(code, description, code + " " + description);
        }
    }
}
