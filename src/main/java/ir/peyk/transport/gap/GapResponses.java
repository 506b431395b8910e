package ir.peyk.transport.gap;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.transport.http.Outcome;
import ir.peyk.transport.http.ResponseReader;
import ir.peyk.transport.http.Responses;
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
    @Override
    public Outcome read(int http, String body, String retryAfterHeader) {
        if (http >= 200 && http < 300) return new Outcome.Ok(body == null ? "" : body);
        String error = error(body);
        String desc = error == null ? "HTTP " + http : error;
        if (http == 429) return new Outcome.RetryAfter(Responses.retryAfter(retryAfterHeader).orElse(Responses.DEFAULT_WAIT));
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

    /** Gap's {@code error} words, or null when the body has none (not JSON: the status code says enough). */
    private static String error(String body) {
        JsonNode n = Responses.jsonObject(body);
        return n != null && n.hasNonNull("error") ? n.get("error").asText() : null;
    }
}
