package ir.peyk.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.metrics.Metrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Small response helpers: every answer is short, complete, and counted in the webhook metrics. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {}

    /** An error (or plain) answer: {@code {"error": message}}. */
    static void reply(Response response, Callback callback, String metricLabel, int status, String message) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("error", message));
        } catch (Exception e) {
            body = "{}";
        }
        reply(response, callback, metricLabel, status, "application/json", body);
    }

    /** Writes {@code body} (null = empty) and completes the exchange; {@code metricLabel} null = not a hook route. */
    static void reply(Response response, Callback callback, String metricLabel, int status, String contentType,
                      String body) {
        if (metricLabel != null) Metrics.webhookRequest(metricLabel, status);
        response.setStatus(status);
        if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + "; charset=utf-8");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
