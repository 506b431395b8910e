package ir.peyk.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.peyk.broadcast.BroadcastService;
import ir.peyk.broadcast.BroadcastTexts;
import ir.peyk.broadcast.Broadcasts;
import ir.peyk.broadcast.Job;
import ir.peyk.broadcast.RateMeter;
import java.util.Map;
import java.util.Optional;

/**
 * Broadcasts from the console: compose, the same preview as in chat (text and recipient count, nothing sent yet),
 * confirm or cancel, a live progress bar (sent / failed / left, rate, time to go) pushed by server-sent events, and
 * the history with failures by reason. Jobs are the broadcaster's own (stored, resumable); the console only drafts,
 * confirms, cancels and watches them, as the chat commands do.
 */
final class BroadcastView {
    private static final int HISTORY = 10;

    private final Console console;
    private final EventStream events;

    BroadcastView(Console console) {
        this.console = console;
        this.events = console.events();
    }

    private BroadcastService service() {
        return console.broadcasts();
    }

    private Broadcasts broadcasts() {
        return service().broadcasts();
    }

    void handle(Exchange x) throws Exception {
        switch (x.path) {
            case "/console/broadcast" -> page(x, null, null);
            case "/console/broadcast/preview" -> preview(x);
            case "/console/broadcast/confirm" -> confirm(x);
            case "/console/broadcast/cancel" -> cancel(x);
            case "/console/broadcast/events" -> {
                long id = number(x.query("job"));
                RateMeter meter = new RateMeter();
                String[] last = {null};
                events.serve(x, since -> progress(id, x.lang, meter, last));
            }
            default -> x.text(404, "not found");
        }
    }

    private void preview(Exchange x) throws Exception {
        if (!x.isPost()) {
            x.redirect("/console/broadcast");
            return;
        }
        String text = x.field("text", ConsoleHandler.MAX_FORM_BYTES);
        Job draft;
        try {
            draft = broadcasts().draft(text, "web:console", x.lang);
        } catch (Broadcasts.Refused e) {
            page(x, e.getMessage(), null);
            return;
        }
        page(x, null, draft);
    }

    private void confirm(Exchange x) throws Exception {
        long id = number(x.field("id"));
        if (broadcasts().recipients().isEmpty()) {
            page(x, "en".equals(x.lang) ? "There is nobody to send to: no subscribed chats and no channel targets."
                    : "گیرنده‌ای نیست: هیچ گفتگوی مشترک یا کانالی تعریف نشده است.", null);
            return;
        }
        Optional<Job> started = broadcasts().confirm(id);
        if (started.isPresent()) service().wake();
        x.redirect("/console/broadcast?job=" + id);
    }

    private void cancel(Exchange x) throws Exception {
        long id = number(x.field("id"));
        if (broadcasts().cancel(id).isPresent()) service().cancelled(id);
        x.redirect("/console/broadcast" + ("1".equals(x.field("draft")) ? "" : "?job=" + id));
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The progress event, when anything shown changed (the rate and time to go change as the job runs). */
    private EventStream.Event progress(long id, String lang, RateMeter meter, String[] last) throws Exception {
        Optional<Job> j = broadcasts().store().job(id);
        if (j.isEmpty()) return null;
        Job job = j.get();
        BroadcastTexts t = BroadcastTexts.of(lang);
        double rate = meter.observe(job);
        int percent = job.total() == 0 ? 0 : (int) Math.floor(100.0 * (job.total() - job.left()) / job.total());
        ObjectNode o = ChatView.JSON.createObjectNode();
        o.put("percent", percent);
        o.put("percentText", t.num(percent) + ("en".equals(lang) ? " %" : "٪"));
        o.put("sent", t.num(job.sent()));
        o.put("failed", t.num(job.failed()));
        o.put("left", t.num(job.left()));
        o.put("rate", t.rate(rate));
        o.put("eta", job.finished() ? t.duration(0) : t.duration(rate > 0 ? Math.round(job.left() / rate) : -1));
        o.put("status", t.status(job.status()));
        o.put("finished", job.finished());
        var reasons = o.putArray("reasons");
        for (Map.Entry<String, Integer> e : broadcasts().store().failures(id, 5).entrySet()) {
            reasons.add(e.getKey() + " — " + t.num(e.getValue()));
        }
        String json = ChatView.JSON.writeValueAsString(o);
        if (json.equals(last[0])) {
            Thread.sleep(500);
            return null;
        }
        last[0] = json;
        if (!job.finished()) Thread.sleep(500); // at most two events a second: the bar needs no more
        return new EventStream.Event(System.currentTimeMillis(), json);
    }

    private void page(Exchange x, String error, Job draft) {
        String l = x.lang;
        BroadcastTexts t = BroadcastTexts.of(l);
        StringBuilder b = new StringBuilder();
        if (error != null) b.append("<p class=\"error\" id=\"broadcast-error\">").append(Html.bdi(error)).append("</p>");
        if (draft != null) {
            int recipients = broadcasts().recipients().size();
            b.append("<section class=\"card\" id=\"draft\"><h2>").append(Labels.t(l, "broadcast.preview")).append(" #")
                    .append(draft.id()).append("</h2><div class=\"bubble bot prewrap\" dir=\"auto\" id=\"draft-text\">")
                    .append(Html.esc(draft.text())).append("</div><p>").append(Labels.t(l, "broadcast.recipients"))
                    .append(": <strong id=\"recipients\">").append(t.num(recipients)).append("</strong></p><div class=\"row\">")
                    .append("<form method=\"post\" action=\"/console/broadcast/confirm\">").append(Html.csrf(x.session))
                    .append("<input type=\"hidden\" name=\"id\" value=\"").append(draft.id()).append("\"><button id=\"confirm\">")
                    .append(Labels.t(l, "broadcast.confirm")).append("</button></form>")
                    .append("<form method=\"post\" action=\"/console/broadcast/cancel\">").append(Html.csrf(x.session))
                    .append("<input type=\"hidden\" name=\"id\" value=\"").append(draft.id())
                    .append("\"><input type=\"hidden\" name=\"draft\" value=\"1\"><button class=\"secondary\">")
                    .append(Labels.t(l, "broadcast.cancel")).append("</button></form></div></section>");
        } else {
            b.append("<section class=\"card\"><form method=\"post\" action=\"/console/broadcast/preview\" id=\"compose\">")
                    .append(Html.csrf(x.session)).append("<label>").append(Labels.t(l, "broadcast.compose"))
                    .append("<textarea name=\"text\" id=\"broadcast-text\" dir=\"auto\" maxlength=\"").append(Broadcasts.MAX_TEXT)
                    .append("\"></textarea></label><button id=\"broadcast-preview\">").append(Labels.t(l, "broadcast.preview"))
                    .append("</button></form></section>");
        }
        long watch = number(x.query("job"));
        Optional<Job> watched = watch > 0 ? broadcasts().store().job(watch) : Optional.empty();
        watched.ifPresent(j -> progressBox(b, x, j, t));
        history(b, l, t);
        x.html(200, Layout.page(x, "broadcast", Labels.t(l, "nav.broadcast"), b.toString()));
    }

    private void progressBox(StringBuilder b, Exchange x, Job j, BroadcastTexts t) {
        String l = x.lang;
        b.append("<section class=\"card\" id=\"progress\" data-job=\"").append(j.id()).append("\"><h2>#").append(j.id())
                .append(" — <span id=\"p-status\">").append(Html.esc(t.status(j.status()))).append("</span></h2>")
                .append("<progress id=\"bar\" max=\"100\" value=\"0\">0%</progress> <strong id=\"p-percentText\"></strong>")
                .append("<p>").append(Labels.t(l, "broadcast.sent")).append(" <strong id=\"p-sent\"></strong> · ")
                .append(Labels.t(l, "broadcast.failed")).append(" <strong id=\"p-failed\"></strong> · ")
                .append(Labels.t(l, "broadcast.left")).append(" <strong id=\"p-left\"></strong></p><p>")
                .append("<span id=\"p-rate\"></span> ").append(Labels.t(l, "broadcast.rate")).append(" · ")
                .append(Labels.t(l, "broadcast.eta")).append(": <span id=\"p-eta\"></span></p>")
                .append("<h3 id=\"p-reasons-title\" hidden>").append(Labels.t(l, "broadcast.failures"))
                .append("</h3><ul id=\"p-reasons\"></ul>");
        if (!j.finished()) {
            b.append("<form method=\"post\" action=\"/console/broadcast/cancel\" id=\"cancel\">").append(Html.csrf(x.session))
                    .append("<input type=\"hidden\" name=\"id\" value=\"").append(j.id()).append("\"><button class=\"secondary\">")
                    .append(Labels.t(l, "broadcast.cancel")).append("</button></form>");
        }
        b.append("</section>");
    }

    private void history(StringBuilder b, String l, BroadcastTexts t) {
        b.append("<section class=\"card\"><h2>").append(Labels.t(l, "broadcast.history")).append("</h2>");
        var jobs = broadcasts().store().recent(HISTORY);
        if (jobs.isEmpty()) {
            b.append("<p>").append(Labels.t(l, "broadcast.none")).append("</p></section>");
            return;
        }
        // A list, not a table: four columns did not fit a phone's width (seen in the broadcast screenshot).
        b.append("<ul id=\"history\" class=\"history\">");
        for (Job j : jobs) {
            b.append("<li><a href=\"/console/broadcast?job=").append(j.id()).append("\">#").append(j.id()).append("</a> — ")
                    .append(Html.esc(t.status(j.status()))).append("<br>").append(Labels.t(l, "broadcast.sent")).append(' ')
                    .append(t.num(j.sent())).append(" · ").append(Labels.t(l, "broadcast.failed")).append(' ').append(t.num(j.failed()))
                    .append(" · ").append(Labels.t(l, "broadcast.recipients")).append(' ').append(t.num(j.total()))
                    .append("<div class=\"muted\" dir=\"auto\">").append(Html.esc(preview(j.text()))).append("</div>");
            Map<String, Integer> failures = broadcasts().store().failures(j.id(), 3);
            if (!failures.isEmpty()) {
                b.append("<ul class=\"reasons\">");
                failures.forEach((reason, n) -> b.append("<li>").append(Html.bdi(reason)).append(" — ").append(t.num(n)).append("</li>"));
                b.append("</ul>");
            }
            b.append("</li>");
        }
        b.append("</ul></section>");
    }

    private static String preview(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }
}
