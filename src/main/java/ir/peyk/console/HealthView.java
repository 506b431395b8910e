package ir.peyk.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import ir.peyk.handler.I18n;
import ir.peyk.metrics.Metrics;
import ir.peyk.transport.web.WebTransport;
import ir.peyk.webhook.TransportStatus;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The health page: each transport's state (what {@code /health} reports), the inbox and broadcast queues, and how
 * many questions were answered or declined with the mean and longest time to answer (the {@code /metrics} meters),
 * refreshed live by server-sent events whenever a value changes.
 */
final class HealthView {
    private final Console console;
    private final EventStream events;

    HealthView(Console console) {
        this.console = console;
        this.events = console.events();
    }

    void handle(Exchange x) throws Exception {
        switch (x.path) {
            case "/console/health" -> page(x);
            case "/console/health/events" -> {
                String[] last = {null};
                events.serve(x, since -> {
                    String json = ChatView.JSON.writeValueAsString(snapshot(x.lang));
                    if (json.equals(last[0])) {
                        Thread.sleep(1000);
                        return null;
                    }
                    last[0] = json;
                    return new EventStream.Event(System.currentTimeMillis(), json);
                });
            }
            default -> x.text(404, "not found");
        }
    }

    ObjectNode snapshot(String lang) {
        ObjectNode o = ChatView.JSON.createObjectNode();
        ArrayNode ts = o.putArray("transports");
        Map<String, TransportStatus> board = console.health().transports();
        board.forEach((name, s) -> {
            ObjectNode t = ts.addObject();
            t.put("name", name);
            t.put("state", s.state().name().toLowerCase(Locale.ROOT));
            t.put("stateLabel", Labels.t(lang, "health.state." + s.state().name().toLowerCase(Locale.ROOT)));
            t.put("detail", (s.mode() == null ? "" : s.mode()) + (s.detail() == null ? "" : " — " + s.detail()));
        });
        if (!board.containsKey(WebTransport.NAME)) {
            ObjectNode t = ts.addObject();
            t.put("name", WebTransport.NAME);
            t.put("state", "running");
            t.put("stateLabel", Labels.t(lang, "health.state.running"));
            t.put("detail", "console");
        }
        ObjectNode v = o.putObject("values");
        v.put("inbox", count(console.inboxPending(), lang));
        v.put("broadcast", count(console.health().broadcastPending(), lang));
        v.put("answered", count((long) answers("answered"), lang));
        v.put("declined", count((long) answers("declined"), lang));
        v.put("latency", latency(lang));
        return o;
    }

    private static double answers(String result) {
        Counter c = Metrics.registry().find("peyk.answers").tag("result", result).counter();
        return c == null ? 0 : c.count();
    }

    private static String latency(String lang) {
        long n = 0;
        double total = 0;
        double max = 0;
        for (Timer t : Metrics.registry().find("peyk.answer.latency").timers()) {
            n += t.count();
            total += t.totalTime(TimeUnit.MILLISECONDS);
            max = Math.max(max, t.max(TimeUnit.MILLISECONDS));
        }
        if (n == 0) return "—";
        // Persian words for the unit: a Latin "ms" inside right-to-left text reorders the numbers around it.
        String s = String.format(Locale.ROOT, "en".equals(lang) ? "%.1f ms (longest %.1f ms)" : "%.1f میلی‌ثانیه (بیشینه %.1f)",
                total / n, max);
        return I18n.of(lang).digits(s);
    }

    private static String count(long n, String lang) {
        if (n < 0) return "?";
        return I18n.of(lang).digits(Long.toString(n));
    }

    private void page(Exchange x) {
        String l = x.lang;
        String body = "<section class=\"card\" id=\"health\"><h2>" + Labels.t(l, "nav.health") + "</h2><div class=\"table-wrap\">"
                + "<table><thead><tr><th>" + Labels.t(l, "health.transport") + "</th><th>" + Labels.t(l, "health.state")
                + "</th><th></th></tr></thead><tbody id=\"h-transports\"></tbody></table></div>"
                + "<h3>" + Labels.t(l, "health.queues") + "</h3><dl class=\"meta\"><dt>" + Labels.t(l, "health.inbox")
                + "</dt><dd id=\"h-inbox\">…</dd><dt>" + Labels.t(l, "health.broadcast") + "</dt><dd id=\"h-broadcast\">…</dd></dl>"
                + "<h3>" + Labels.t(l, "health.answers") + "</h3><dl class=\"meta\"><dt>" + Labels.t(l, "health.answered")
                + "</dt><dd id=\"h-answered\">…</dd><dt>" + Labels.t(l, "health.declined") + "</dt><dd id=\"h-declined\">…</dd><dt>"
                + Labels.t(l, "health.latency") + "</dt><dd id=\"h-latency\">…</dd></dl></section>";
        x.html(200, Layout.page(x, "health", Labels.t(l, "nav.health"), body));
    }
}
