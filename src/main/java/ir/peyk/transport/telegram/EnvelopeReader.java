package ir.peyk.transport.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.transport.http.Outcome;
import ir.peyk.transport.http.ResponseReader;
import ir.peyk.transport.http.Responses;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the Bot API envelope {@code {ok, result, error_code, description, parameters.retry_after}}: 429 (or Bale's
 * "bot limit exceed") waits what was asked, 5xx and bodies that are not an envelope are passing failures, anything
 * else is a final refusal with the platform's description.
 */
public final class EnvelopeReader implements ResponseReader {
    @Override
    public Outcome read(int httpStatus, String body, String retryAfterHeader) {
        JsonNode root = Responses.jsonObject(body);
        if (root == null || !root.path("ok").isBoolean()) {
            if (httpStatus == 429) return new Outcome.RetryAfter(header(retryAfterHeader));
            if (httpStatus >= 500 || httpStatus < 400) {
                return new Outcome.Transient(httpStatus, "HTTP " + httpStatus + " with a body that is not a Bot API response");
            }
            return new Outcome.Failed(httpStatus, "HTTP " + httpStatus);
        }
        if (root.path("ok").asBoolean()) return new Outcome.Ok(body);
        int code = root.path("error_code").asInt(httpStatus);
        String description = root.path("description").asText("");
        if (code == 429 || httpStatus == 429 || description.toLowerCase(Locale.ROOT).contains("limit exceed")) {
            return new Outcome.RetryAfter(Responses.seconds(root.path("parameters").path("retry_after"))
                    .orElseGet(() -> header(retryAfterHeader)));
        }
        if (code >= 500 || (httpStatus >= 500 && code < 400)) return new Outcome.Transient(code, description);
        return new Outcome.Failed(code, description);
    }

    /**
     * Every HTTP 429 of the Bot API is a flood limit (see {@link #read}), but its retry_after is in the body: pause
     * for the header's wait or {@link Responses#DEFAULT_WAIT} at once, and let the body's retry_after lengthen it.
     */
    @Override
    public Optional<Duration> pauseBeforeBody(int httpStatus, String retryAfterHeader) {
        return httpStatus == 429 ? Optional.of(header(retryAfterHeader)) : Optional.empty();
    }

    private static Duration header(String value) {
        return Responses.retryAfter(value).orElse(Responses.DEFAULT_WAIT);
    }
}
