package ir.peyk.transport.eitaa;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.transport.http.Outcome;
import ir.peyk.transport.http.ResponseReader;
import ir.peyk.transport.http.Responses;
import java.util.Locale;

/**
 * Reads Eitaayar's {@code {"ok": true, "result": …}} / {@code {"ok": false, "description": …}} envelope. Eitaayar
 * documents no error codes, so a refusal is classified by {@code error_code} when present, else by the HTTP status,
 * else by its words: a description naming the token → 401 (UNAUTHORIZED); naming admin rights or permission → 403
 * (FORBIDDEN: @sender is not an admin of that channel); anything else → 400 (REJECTED).
 */
final class EitaaResponses implements ResponseReader {
    @Override
    public Outcome read(int http, String body, String retryAfterHeader) {
        JsonNode n = Responses.jsonObject(body);
        if (n == null || !n.has("ok")) {
            if (http == 429) return new Outcome.RetryAfter(Responses.retryAfter(retryAfterHeader).orElse(Responses.DEFAULT_WAIT));
            if (http >= 500 || http == 408) return new Outcome.Transient(http, "HTTP " + http);
            // A bare 404 may be an unknown method as well as an unknown token: not proof enough to stop the transport.
            if (http == 404) return new Outcome.Failed(400, "HTTP 404 (unknown method, or unknown token)");
            if (http >= 400) return new Outcome.Failed(http, "HTTP " + http);
            return new Outcome.Transient(http, "HTTP " + http + " without an Eitaayar ok/result envelope");
        }
        if (n.path("ok").asBoolean(false)) return new Outcome.Ok(body);
        String desc = n.path("description").asText("refused without a description");
        int code = n.path("error_code").asInt(http >= 400 ? http : 0);
        String words = desc.toLowerCase(Locale.ROOT);
        if (code == 429) {
            return new Outcome.RetryAfter(Responses.seconds(n.path("parameters").path("retry_after"))
                    .or(() -> Responses.retryAfter(retryAfterHeader)).orElse(Responses.DEFAULT_WAIT));
        }
        if (code >= 500) return new Outcome.Transient(code, desc);
        if (code == 401 || words.contains("token") || words.contains("توکن")) {
            return new Outcome.Failed(401, desc);
        }
        if (code == 403 || words.contains("admin") || words.contains("permission") || words.contains("ادمین")
                || words.contains("دسترسی")) {
            return new Outcome.Failed(403, desc);
        }
        return new Outcome.Failed(400, desc);
    }
}
