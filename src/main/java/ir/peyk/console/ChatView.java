package ir.peyk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.InlineResult;
import ir.peyk.transport.web.Bubble;
import ir.peyk.transport.web.Conversation;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The chat: the page, what it posts (a line, a button press, an inline query — each becomes an update in the bot's
 * inbox through the web transport), and the event stream of the bot's replies. Replies reach the page as JSON and
 * are put in place with {@code textContent}, so nothing the bot says is ever parsed as markup.
 */
final class ChatView {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A typed line longer than this is cut (the router refuses questions over 500 characters with its own note). */
    static final int MAX_LINE = Math.max(4096, ir.peyk.broadcast.Broadcasts.MAX_TEXT);
    static final String USER_NAME = "Console admin";

    private final Console console;
    private final EventStream events;

    ChatView(Console console) {
        this.console = console;
        this.events = console.events();
    }

    void handle(Exchange x) throws Exception {
        String chatId = x.session.chatId();
        switch (x.path) {
            case "/console/chat" -> page(x);
            case "/console/chat/events" -> events.serve(x, since -> next(chatId, x.lang, since));
            case "/console/chat/send" -> {
                String text = x.isPost() ? x.field("text", 256 * 1024) : null;
                if (text == null || text.isBlank()) {
                    x.text(400, "type something to send");
                    return;
                }
                if (text.length() > MAX_LINE) text = text.substring(0, MAX_LINE);
                submit(x, console.web().message(chatId, USER_NAME, text.strip()));
            }
            case "/console/chat/press" -> {
                Batch b = x.isPost() ? console.web().press(chatId, USER_NAME, x.field("message"),
                        number(x.field("row")), number(x.field("column"))) : null;
                if (b == null) x.text(400, "no such button");
                else submit(x, b);
            }
            case "/console/chat/inline" -> {
                String q = x.isPost() ? x.field("query") : null;
                submit(x, console.web().inline(chatId, USER_NAME, q == null ? "" : q.strip(), x.field("offset")));
            }
            default -> x.text(404, "not found");
        }
    }

    private void submit(Exchange x, Batch b) throws Exception {
        console.submit(b);
        x.json("{\"ok\":true}");
    }

    private static int number(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private EventStream.Event next(String chatId, String pageLang, long since) throws Exception {
        Conversation c = console.web().conversation(chatId);
        if (since > c.version()) since = -1; // the bot restarted since the page saw version `since`: start over
        long v = c.await(since, 1, TimeUnit.SECONDS);
        String lang = console.language(chatId);
        if (v <= since && lang.equals(pageLang)) return null;
        Conversation.Changes ch = c.since(since);
        ObjectNode o = JSON.createObjectNode();
        o.put("lang", lang);
        ArrayNode bubbles = o.putArray("bubbles");
        for (Bubble b : ch.bubbles()) {
            ObjectNode n = bubbles.addObject();
            n.put("id", b.id());
            n.put("bot", b.fromBot());
            n.put("text", b.text());
            ArrayNode rows = n.putArray("buttons");
            for (List<Button> row : b.buttons()) {
                ArrayNode r = rows.addArray();
                for (Button btn : row) r.add(btn.text());
            }
        }
        if (ch.inline() != null) {
            ObjectNode in = o.putObject("inline");
            in.put("query", ch.inline().query());
            in.put("answered", ch.inline().answered());
            ArrayNode rs = in.putArray("results");
            for (InlineResult r : ch.inline().results()) {
                ObjectNode n = rs.addObject();
                n.put("title", r.title());
                n.put("description", r.description());
                n.put("text", r.text());
            }
        }
        if (ch.notice() != null) o.put("notice", ch.notice());
        return new EventStream.Event(ch.version(), JSON.writeValueAsString(o));
    }

    private void page(Exchange x) {
        String l = x.lang;
        String body = "<section class=\"chat\"><div id=\"bubbles\" class=\"bubbles\" aria-live=\"polite\"></div>"
                + "<p id=\"notice\" class=\"notice\" hidden></p>"
                + "<form id=\"send\" class=\"row\" method=\"post\" action=\"/console/chat/send\">" + Html.csrf(x.session)
                + "<input id=\"text\" name=\"text\" dir=\"auto\" autocomplete=\"off\" placeholder=\""
                + Labels.t(l, "chat.placeholder") + "\"><button>" + Labels.t(l, "chat.send") + "</button></form>"
                + "<form id=\"inline\" class=\"row\" method=\"post\" action=\"/console/chat/inline\">" + Html.csrf(x.session)
                + "<input id=\"query\" name=\"query\" dir=\"auto\" autocomplete=\"off\" placeholder=\""
                + Labels.t(l, "chat.inlinePlaceholder") + "\"><button>" + Labels.t(l, "chat.inline") + "</button></form>"
                + "<ol id=\"inline-results\" class=\"inline\" data-waiting=\"" + Labels.t(l, "chat.inlineWaiting")
                + "\" data-none=\"" + Labels.t(l, "chat.inlineNone") + "\"></ol></section>";
        x.html(200, Layout.page(x, "chat", Labels.t(l, "nav.chat"), body));
    }
}
