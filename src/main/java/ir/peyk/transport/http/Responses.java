package ir.peyk.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;

/**
 * What every platform's {@link ResponseReader} reads the same way: the body as a JSON object, and how long a rate
 * limit asks to wait. Readers never throw on what a server sends; these helpers say "not there" instead.
 */
public final class Responses {
    /** The wait when a 429 does not say how long (no header, or one that is not a number of seconds). */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    /**
     * The body as a JSON object, or null when it is empty, not JSON, or JSON that is not an object (a proxy's error
     * page, a bare string): the reader then goes by the HTTP status.
     */
    public static JsonNode jsonObject(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * An HTTP {@code Retry-After} header given in whole seconds; a negative one counts as 0 (a wait cannot be
     * negative). Empty when the header is absent or not a whole number (an HTTP date is not understood).
     */
    public static Optional<Duration> retryAfter(String header) {
        if (header == null) return Optional.empty();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A wait in whole seconds given in the body (e.g. {@code parameters.retry_after}); empty when the node is missing,
     * not a number, or negative — then the header or {@link #DEFAULT_WAIT} decides.
     */
    public static Optional<Duration> seconds(JsonNode node) {
        return node.canConvertToLong() && node.asLong() >= 0 ? Optional.of(Duration.ofSeconds(node.asLong()))
                : Optional.empty();
    }
}
