package ir.peyk.transport.rubika;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.transport.http.Outcome;
import ir.peyk.transport.http.ResponseReader;
import ir.peyk.transport.http.Responses;
import java.time.Duration;

/**
 * Reads Rubika's {@code {"status": …, "data": …}} envelope (there is no {@code ok} field).
 *
 * <ul>
 *   <li>{@code OK} → success;</li>
 *   <li>{@code TOO_REQUESTS} (rubka also checks {@code TOO_REQUEST}) → {@link Outcome.SlowDown}: Rubika names no
 *       delay, so {@link ir.peyk.transport.http.ApiCaller} waits base, 2·base, 4·base … for that one call (one method,
 *       one chat) and gives up with UNAVAILABLE once the wait would pass its {@code maxRetryAfter}. The count is the
 *       call's own: an OK answer to another call (the poller's getUpdates every second) does not reset it;</li>
 *   <li>{@code INVALID_ACCESS} → 401 (UNAUTHORIZED: the token was refused);</li>
 *   <li>{@code INVALID_INPUT} → 400 (REJECTED);</li>
 *   <li>a server-error status, or an HTTP 5xx/408/425 without an envelope → transient (backoff);</li>
 *   <li>any other status → 400 (REJECTED) carrying the status name and {@code dev_message}.</li>
 * </ul>
 */
final class RubikaResponses implements ResponseReader {
    private final Duration tooRequestsBase;

    RubikaResponses(Duration tooRequestsBase) {
        this.tooRequestsBase = tooRequestsBase;
    }

    @Override
    public Outcome read(int http, String body, String retryAfterHeader) {
        JsonNode n = Responses.jsonObject(body);
        if (n == null || !n.hasNonNull("status")) return withoutEnvelope(http, retryAfterHeader);
        String status = n.path("status").asText();
        String dev = n.path("dev_message").asText("");
        String what = dev.isBlank() ? status : status + " (" + dev + ")";
        switch (status) {
            case "OK":
                return new Outcome.Ok(body);
            case "TOO_REQUESTS", "TOO_REQUEST":
                return new Outcome.SlowDown(tooRequestsBase, what);
            case "INVALID_ACCESS":
                return new Outcome.Failed(401, what, said(http, what));
            case "INVALID_INPUT":
                return new Outcome.Failed(400, what, said(http, what));
            case "SERVER_ERROR", "INTERNAL_SERVER_ERROR", "UNAVAILABLE", "TIMEOUT":
                return new Outcome.Transient(http >= 500 ? http : 503, what);
            default:
                return http >= 500 ? new Outcome.Transient(http, what) : new Outcome.Failed(400, what, said(http, what));
        }
    }

    /** A gateway, proxy or outage answered instead of the Bot API. */
    private Outcome withoutEnvelope(int http, String retryAfterHeader) {
        if (http == 429) {
            return Responses.retryAfter(retryAfterHeader).<Outcome>map(Outcome.RetryAfter::new)
                    .orElseGet(() -> new Outcome.SlowDown(tooRequestsBase, "HTTP 429"));
        }
        if (http >= 500 || http == 408 || http == 425) return new Outcome.Transient(http, "HTTP " + http);
        if (http >= 400) return new Outcome.Failed(http, "HTTP " + http);
        return new Outcome.Transient(http, "HTTP " + http + " without a Rubika status envelope");
    }

    /** Rubika refuses inside an HTTP 200: the message names the status it sent, not one it did not. */
    private static String said(int http, String what) {
        return "HTTP " + http + ", " + what;
    }
}
