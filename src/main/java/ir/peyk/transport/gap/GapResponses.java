package ir.peyk.transport.gap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.transport.http.Outcome;
import ir.peyk.transport.http.ResponseReader;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads Gap's answers: plain JSON on 200, errors by HTTP status with {@code {"error": "…"}} (GapLib:
 * 400 generic, 403 "invalid chat_id or token", 500 bad upload).
 *
 * <p>A 403 does not say whether the chat or the token is wrong, and Gap has no getMe to check the token at start. If
 * every ambiguous 403 meant FORBIDDEN, a wrong token would unsubscribe every Gap subscriber at the first broadcast; so
 * only an error naming the token is 401 (UNAUTHORIZED), only one naming a block/left chat is 403 (FORBIDDEN), and a
 * bare 403 is 400 (REJECTED: the send failed, nobody is unsubscribed).
 */
final class GapResponses implements ResponseReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Outcome read(int http, String body, String retryAfterHeader) {
        if (http >= 200 && http < 300) return new Outcome.Ok(body == null ? "" : body);
        String error = error(body);
        String desc = error == null ? "HTTP " + http : error;
        if (http == 429) return new Outcome.RetryAfter(seconds(retryAfterHeader));
        if (http >= 500 || http == 408) return new Outcome.Transient(http, desc);
        String words = desc.toLowerCase(Locale.ROOT);
        if (http == 401) return new Outcome.Failed(401, desc);
        if (http == 403) {
            if (error != null && words.contains("token") && !words.contains("chat")) return new Outcome.Failed(401, desc);
            if (words.contains("block") || words.contains("left") || words.contains("kicked")) {
                return new Outcome.Failed(403, desc);
            }
            return new Outcome.Failed(400, "403 " + (error == null ? "invalid chat_id or token (Gap does not say which)" : desc));
        }
        return new Outcome.Failed(400, desc);
    }

    private static String error(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonNode n = JSON.readTree(body);
            if (n != null && n.hasNonNull("error")) return n.get("error").asText();
        } catch (Exception e) {
            // not JSON: the status code says enough
        }
        return null;
    }

    private static Duration seconds(String header) {
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return Duration.ofSeconds(1);
    }
}
