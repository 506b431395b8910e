package ir.peyk.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.peyk.metrics.Metrics;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health} (JSON) and {@code GET /metrics} (Prometheus text). Health is always answered 200 while the
 * process serves — a liveness probe must not restart the bot because one messenger refused its token, which a
 * restart would not fix — and says {@code "status":"degraded"} when any transport failed.
 */
final class StatusHandler {
    private final HealthSource health;

    StatusHandler(HealthSource health) {
        this.health = health;
    }

    void handle(String path, Request request, Response response, Callback callback) throws Exception {
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            Http.reply(response, callback, null, 405, "method not allowed: GET only");
            return;
        }
        if (path.equals("/metrics")) {
            Http.reply(response, callback, null, 200, "text/plain; version=0.0.4", Metrics.scrape());
        } else {
            Http.reply(response, callback, null, 200, "application/json", Http.JSON.writeValueAsString(health()));
        }
    }

    ObjectNode health() {
        ObjectNode root = Http.JSON.createObjectNode();
        ObjectNode ts = Http.JSON.createObjectNode();
        boolean degraded = false;
        for (Map.Entry<String, TransportStatus> e : health.transports().entrySet()) {
            TransportStatus s = e.getValue();
            ObjectNode t = ts.putObject(e.getKey());
            t.put("state", s.state().name().toLowerCase(java.util.Locale.ROOT));
            if (s.mode() != null) t.put("mode", s.mode());
            if (s.detail() != null) t.put("detail", s.detail());
            var last = Metrics.lastUpdateMillis(e.getKey());
            if (last.isPresent()) {
                t.put("lastUpdate", Instant.ofEpochMilli(last.getAsLong()).toString());
                t.put("lastUpdateAgeSeconds", (System.currentTimeMillis() - last.getAsLong()) / 1000);
            } else {
                t.putNull("lastUpdate");
            }
            degraded |= s.state() == TransportStatus.State.FAILED;
        }
        // The counts come from the store: reading them is also the check that the store answers (a PostgreSQL that
        // went away shows here, while webhooks answer 503 and the platforms keep the updates).
        long inboxPending = -1;
        long broadcastPending = -1;
        ObjectNode store = Http.JSON.createObjectNode();
        try {
            inboxPending = health.inboxPending();
            broadcastPending = health.broadcastPending();
            store.put("state", "ok");
        } catch (RuntimeException e) {
            degraded = true;
            store.put("state", "unavailable");
            store.put("detail", e.getMessage());
        }
        root.put("status", degraded ? "degraded" : "ok");
        root.put("time", Instant.now().toString());
        root.set("transports", ts);
        root.set("store", store);
        putCount(root, "inboxPending", inboxPending);
        putCount(root, "broadcastPending", broadcastPending);
        return root;
    }

    private static void putCount(ObjectNode root, String field, long n) {
        if (n < 0) root.putNull(field);
        else root.put(field, n);
    }
}
