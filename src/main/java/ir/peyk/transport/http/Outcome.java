package ir.peyk.transport.http;

import java.time.Duration;

/** How a platform codec reads one HTTP exchange; {@link ApiCaller} acts on it. */
public sealed interface Outcome {
    /** Success: the body to decode. */
    record Ok(String body) implements Outcome {}

    /** Rate limited: wait this long (Telegram's retry_after, Rubika's TOO_REQUESTS) and send again. */
    record RetryAfter(Duration delay) implements Outcome {}

    /** A passing failure (5xx, gateway, a body that is not the platform's envelope): back off and retry. */
    record Transient(int code, String reason) implements Outcome {}

    /** A final refusal (401, 403, 400, 409…): no retry. {@code description} is the platform's words, token-free. */
    record Failed(int code, String description) implements Outcome {}
}
