package ir.peyk.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.TransportException;
import ir.peyk.adapter.UpdateSink;
import ir.peyk.metrics.Metrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /hook/<transport>/<secret>[/<suffix>]}: authenticate, read a bounded body, check it, store it, then
 * acknowledge. The order is the point: nothing is read before the secret matched, and the 200 goes out only after
 * {@link UpdateSink#submit} returned, i.e. after the update is in the durable inbox — handling happens later, on the
 * adapter's dispatcher, so a crash after the 200 loses nothing.
 *
 * <p>Status policy:
 * <ul>
 *   <li>401 — unknown transport, wrong path secret, or a wrong/missing secret header. Nothing is read or stored.</li>
 *   <li>404 — a path suffix the platform does not use; 405 — anything but POST.</li>
 *   <li>413 — the body is longer than maxBodyBytes (reading stops at the cap).</li>
 *   <li>400 — the body is not a JSON object where JSON is expected, or the transport's decoder refused it
 *       ({@link TransportException}): the platform sent garbage, and retrying it will not help.</li>
 *   <li>200 — stored. A well-formed update the decoder does not understand becomes a poison item (stored, logged
 *       and skipped by the dispatcher) and is still acknowledged, so the platform does not retry it forever. So is a
 *       body that made the decoder itself crash: it is stored as poison under a hash of the body.</li>
 *   <li>503 — the store refused the batch: the platform keeps the update and retries.</li>
 * </ul>
 */
final class HookHandler {
    private static final Logger log = LoggerFactory.getLogger(HookHandler.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Route> routes;
    private final UpdateSink sink;
    private final long maxBodyBytes;
    private final LogLimiter refusals = new LogLimiter(10_000);

    HookHandler(Map<String, Route> routes, UpdateSink sink, long maxBodyBytes) {
        this.routes = routes; // the server's (concurrent) map: a route added for a messenger that started late is served
        this.sink = sink;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code rest} is the path after {@code /hook/}. */
    void handle(String rest, Request request, Response response, Callback callback) {
        String[] segs = rest.split("/", -1);
        Route route = routes.get(segs[0]);
        String label = route == null ? "unknown" : route.name();
        String remote = Request.getRemoteAddr(request);
        if (route == null || segs.length < 2 || !WebhookSecrets.matches(route.pathSecret(), segs[1])) {
            refuse(label, remote, route == null ? "no such webhook route" : "wrong path secret");
            Http.reply(response, callback, label, 401, "unauthorized");
            return;
        }
        if (segs.length > 3 || segs.length == 3 && !segs[2].isEmpty() && !route.platform().suffixes().contains(segs[2])) {
            Http.reply(response, callback, label, 404, "not found");
            return;
        }
        if (!headerOk(route, request)) {
            refuse(label, remote, "wrong or missing secret header");
            Http.reply(response, callback, label, 401, "unauthorized");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            Http.reply(response, callback, label, 405, "method not allowed: POST only");
            return;
        }
        byte[] body;
        try {
            body = readCapped(request);
        } catch (IOException e) {
            // Idle timeout (a slow client) or a client that went away: nothing was stored, the platform may retry.
            log.info("{} webhook: body not received from {} ({})", label, remote, e.getClass().getSimpleName());
            Http.reply(response, callback, label, 408, "request body not received in time");
            return;
        }
        if (body == null) {
            log.warn("{} webhook: body from {} exceeds {} bytes; refused (413)", label, remote, maxBodyBytes);
            Http.reply(response, callback, label, 413, "body larger than " + maxBodyBytes + " bytes");
            return;
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (expectsJson(route.platform(), contentType, body) && !isJsonObject(body)) {
            log.warn("{} webhook: malformed JSON ({} bytes) from {}; refused (400)", label, body.length, remote);
            Http.reply(response, callback, label, 400, "malformed JSON: expected one JSON object");
            return;
        }
        Batch batch;
        try {
            batch = route.transport().decodeWebhook(body, contentType);
        } catch (TransportException e) {
            log.warn("{} webhook: post from {} refused by the decoder (400): {}", label, remote, e.getMessage());
            Http.reply(response, callback, label, 400, "malformed update");
            return;
        } catch (RuntimeException e) {
            log.error("{} webhook: the decoder failed on a {}-byte post; storing it as poison", label, body.length, e);
            batch = new Batch(List.of(Batch.Item.poison("body-sha256:" + sha256(body),
                    "decoder failed: " + e.getClass().getSimpleName())), null);
        }
        try {
            sink.submit(route.name(), batch);
        } catch (Exception e) {
            log.error("{} webhook: could not store {} update(s); not acknowledged, the platform will retry: {}",
                    label, batch.items().size(), e.getMessage());
            Http.reply(response, callback, label, 503, "store unavailable, retry later");
            return;
        }
        // Poison items are logged once by the inbox, which stores them; here they are only acknowledged.
        for (int i = 0; i < batch.items().size(); i++) Metrics.updateReceived(route.name(), "webhook");
        String ack = route.platform().ack();
        if (ack == null) Http.reply(response, callback, label, 200, null, null);
        else Http.reply(response, callback, label, 200, "application/json", ack);
    }

    private boolean headerOk(Route route, Request request) {
        Platform p = route.platform();
        String given = null;
        for (String h : p.secretHeaders()) {
            given = request.getHeaders().get(h);
            if (given != null) break;
        }
        if (given == null) return !p.headerRequired();
        return WebhookSecrets.matches(route.headerSecret(), given);
    }

    /** The body, or null when it is longer than the cap; never buffers more than the cap plus one read. */
    private byte[] readCapped(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) return null;
        int initial = (int) Math.min(declared > 0 ? declared : 4096, maxBodyBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(initial, 16));
        byte[] buf = new byte[8192];
        InputStream in = Content.Source.asInputStream(request);
        long total = 0;
        for (int n; (n = in.read(buf, 0, (int) Math.min(buf.length, maxBodyBytes - total + 1))) >= 0; ) {
            total += n;
            if (total > maxBodyBytes) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean expectsJson(Platform platform, String contentType, byte[] body) {
        if (platform.alwaysJson()) return true;
        if (contentType != null) return contentType.toLowerCase(Locale.ROOT).contains("json");
        for (byte b : body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
            return b == '{' || b == '[';
        }
        return false;
    }

    /** True when the body is exactly one well-formed JSON object (Jackson's nesting and size limits apply). */
    static boolean isJsonObject(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return false;
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private void refuse(String label, String remote, String why) {
        long suppressed = refusals.tryLog();
        if (suppressed >= 0) {
            log.warn("{} webhook: refused a post from {} (401: {}){}", label, remote, why,
                    suppressed > 0 ? "; " + suppressed + " more refusal(s) not logged" : "");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most one line per interval, counting the ones it swallowed: a flood of forged posts cannot flood the log. */
    static final class LogLimiter {
        private final long intervalMillis;
        private long last = Long.MIN_VALUE;
        private long suppressed;

        LogLimiter(long intervalMillis) {
            this.intervalMillis = intervalMillis;
        }

        /** The number of lines swallowed since the last one when this one may be logged, else -1. */
        synchronized long tryLog() {
            long now = System.currentTimeMillis();
            if (last != Long.MIN_VALUE && now - last < intervalMillis) {
                suppressed++;
                return -1;
            }
            last = now;
            long s = suppressed;
            suppressed = 0;
            return s;
        }
    }
}
