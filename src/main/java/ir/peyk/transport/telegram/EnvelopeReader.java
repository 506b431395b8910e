package ir.peyk.transport.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ir.peyk.transport.http.Outcome;
import ir.peyk.transport.http.ResponseReader;
import ir.peyk.transport.http.Responses;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the Bot API envelope {@code {ok, result, error_code, description, parameters.retry_after}}: 429 (or Bale's
 * "bot limit exceed") waits what was asked, 5xx and bodies that are not an envelope are passing failures, anything
 * else is a final refusal with the platform's description.
 *
 * <p>The envelope is read with Jackson's streaming parser and {@code result} is skipped, not decoded: every reply the
 * bot sends comes back as the whole echoed message, and building a tree of it only to look at {@code ok} was the
 * largest cost of sending.
 */
public final class EnvelopeReader implements ResponseReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String OK_FIRST = "{\"ok\":true,";

    /** The envelope's fields this reader acts on; {@code ok} null when absent or not a boolean. */
    private record Envelope(Boolean ok, Integer errorCode, String description, Long retryAfter) {}

    @Override
    public Outcome read(int httpStatus, String body, String retryAfterHeader) {
        // The Bot API writes "ok" first: a success is known without reading the rest (the caller reads the result).
        if (httpStatus == 200 && body != null && body.startsWith(OK_FIRST)) return new Outcome.Ok(body);
        Envelope e = envelope(body);
        if (e == null || e.ok() == null) {
            if (httpStatus == 429) return new Outcome.RetryAfter(header(retryAfterHeader));
            if (httpStatus >= 500 || httpStatus < 400) {
                return new Outcome.Transient(httpStatus, "HTTP " + httpStatus + " with a body that is not a Bot API response");
            }
            return new Outcome.Failed(httpStatus, "HTTP " + httpStatus);
        }
        if (e.ok()) return new Outcome.Ok(body);
        int code = e.errorCode() == null ? httpStatus : e.errorCode();
        String description = e.description() == null ? "" : e.description();
        if (code == 429 || httpStatus == 429 || description.toLowerCase(Locale.ROOT).contains("limit exceed")) {
            return new Outcome.RetryAfter(e.retryAfter() != null && e.retryAfter() >= 0
                    ? Duration.ofSeconds(e.retryAfter()) : header(retryAfterHeader));
        }
        if (code >= 500 || (httpStatus >= 500 && code < 400)) return new Outcome.Transient(code, description);
        return new Outcome.Failed(code, description);
    }

    /** The top-level fields of a JSON object body, or null when the body is empty, not JSON or not an object. */
    private static Envelope envelope(String body) {
        if (body == null || body.isBlank()) return null;
        Boolean ok = null;
        Integer errorCode = null;
        String description = null;
        Long retryAfter = null;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "ok" -> ok = v == JsonToken.VALUE_TRUE ? Boolean.TRUE : v == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                    case "error_code" -> errorCode = intValue(p, v);
                    case "description" -> description = v.isScalarValue() && v != JsonToken.VALUE_NULL ? p.getText() : "";
                    case "parameters" -> retryAfter = retryAfter(p, v);
                    default -> { }
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException ex) {
            return null; // a proxy's error page, a truncated body: the HTTP status decides
        }
        return new Envelope(ok, errorCode, description, retryAfter);
    }

    /** A number, or a string holding one, as JsonNode.asInt read them; null otherwise. */
    private static Integer intValue(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) return p.getValueAsInt();
        if (v == JsonToken.VALUE_STRING) {
            try {
                return Integer.parseInt(p.getText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code parameters.retry_after} in whole seconds, when it is a number; null otherwise. */
    private static Long retryAfter(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) return null;
        Long out = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken w = p.nextToken();
            if (name.equals("retry_after") && (w == JsonToken.VALUE_NUMBER_INT || w == JsonToken.VALUE_NUMBER_FLOAT)) {
                out = p.getValueAsLong();
            }
            p.skipChildren();
        }
        return out;
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
