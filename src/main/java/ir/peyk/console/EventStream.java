package ir.peyk.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;

/**
 * Server-sent events for the live parts (chat replies, broadcast progress, health). Each stream holds a request
 * thread of the server it shares with the webhooks, so streams are few ({@link #SLOTS} at once across all views, a
 * quarter of the server's threads; more get a 503 and the browser's EventSource retries), last at most {@link #LIFETIME_MILLIS} (the browser reconnects with Last-Event-ID and misses
 * nothing), and end within a second when the server stops.
 */
final class EventStream {
    static final int SLOTS = 8;
    static final long LIFETIME_MILLIS = 120_000;
    /** Also how soon a stream whose page went away frees its slot (a closed connection is noticed on a write). */
    private static final long PING_MILLIS = 5_000;

    /** One event: its id (the version the page has seen after it) and its JSON data. */
    record Event(long id, String json) {}

    /** Waits up to about a second for something newer than {@code since}; null when nothing changed. */
    interface Source {
        Event next(long since) throws Exception;
    }

    private final Semaphore slots;

    /** @param slots shared by every view's streams */
    EventStream(Semaphore slots) {
        this.slots = slots;
    }

    void serve(Exchange x, Source source) throws Exception {
        if (!slots.tryAcquire()) {
            x.response.getHeaders().put(HttpHeader.RETRY_AFTER, "2");
            x.text(503, "too many live views are open; close some console tabs");
            return;
        }
        try {
            x.response.setStatus(200);
            x.headers();
            x.response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            x.response.getHeaders().put("X-Accel-Buffering", "no"); // nginx: pass events through at once
            long since = lastEventId(x);
            long end = System.currentTimeMillis() + LIFETIME_MILLIS;
            long ping = System.currentTimeMillis() + PING_MILLIS;
            OutputStream out = Content.Sink.asOutputStream(x.response);
            try {
                out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (System.currentTimeMillis() < end && !x.request.getConnectionMetaData().getConnector().getServer().isStopping()) {
                    Event e = source.next(since);
                    long now = System.currentTimeMillis();
                    if (e != null) {
                        since = e.id();
                        out.write(("id: " + e.id() + "\ndata: " + e.json() + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        ping = now + PING_MILLIS;
                    } else if (now >= ping) {
                        out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8)); // finds closed connections
                        out.flush();
                        ping = now + PING_MILLIS;
                    }
                }
                out.close();
                x.callback.succeeded();
            } catch (IOException gone) {
                x.callback.failed(gone); // the page went away
            }
        } finally {
            slots.release();
        }
    }

    private static long lastEventId(Exchange x) {
        String id = x.request.getHeaders().get("Last-Event-ID");
        if (id == null) id = x.query("since");
        try {
            return id == null ? -1 : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
