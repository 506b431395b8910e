package ir.peyk.ingest;

import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Middleware;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.TransportException;
import ir.peyk.article.Article;
import ir.peyk.article.ArticleMeta;
import ir.peyk.article.Sentence;
import ir.peyk.store.ArticleRepository;
import ir.peyk.text.PersianText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' {@code /ingest <url>} (or, in a private chat, a message with one page link: the link alone or a
 * forwarded post), as a middleware before the router:
 * the page is read and a preview — title, outlet, date, first sentence, word count — comes back with Confirm / Cancel
 * ({@code in:ok:<id>}, {@code in:no:<id>}; without buttons, {@code /ingest_confirm <id>} and {@code /ingest_cancel
 * <id>}). On Confirm the article is stored as the default and the bot switches to it. A page that cannot be read gets
 * one short line saying why; nothing is stored. Anyone else's /ingest is refused; other updates pass on.
 */
public final class IngestCommands implements Middleware {
    private static final Logger LOG = LoggerFactory.getLogger(IngestCommands.class);
    static final String OK = "in:ok:";
    static final String NO = "in:no:";
    /** Previews waiting for an answer, oldest first; beyond this many the oldest is forgotten. */
    static final int MAX_PENDING = 32;
    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
    private static final int FIRST_SENTENCE_CHARS = 300;

    private final Sources sources;
    private final ArticleRepository articles;
    private final Runnable switched;
    private final Map<String, Article> pending = new LinkedHashMap<>();

    /** @param switched run after a confirmed article is stored (the follower's {@code checkNow}) */
    public IngestCommands(Sources sources, ArticleRepository articles, Runnable switched) {
        this.sources = sources;
        this.articles = articles;
        this.switched = switched;
    }

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        if (ctx.update() instanceof Message m && m.text() != null && m.chat() != null) {
            String text = m.text().strip();
            String[] cmd = command(text, ctx.me() == null ? null : ctx.me().username());
            if (cmd != null) {
                IngestTexts t = IngestTexts.of(ctx.lang());
                if (!ctx.isAdmin()) {
                    LOG.info("/{} refused: {} user {} is not an admin", cmd[0], ctx.transport().name(),
                            m.from() == null ? "?" : m.from().id());
                    ctx.reply(t.get("refused"));
                    return;
                }
                switch (cmd[0]) {
                    case "ingest" -> preview(ctx, t, cmd[1]);
                    case "ingest_confirm" -> confirm(ctx, t, cmd[1].strip(), null);
                    default -> cancel(ctx, t, cmd[1].strip(), null);
                }
                return;
            }
            // A page link — alone, or in a forwarded post — sent by an admin in a private chat: the same as /ingest.
            if (ctx.isAdmin() && m.chat().isPrivate() && URL.matcher(text).results().count() == 1) {
                preview(ctx, IngestTexts.of(ctx.lang()), text);
                return;
            }
        } else if (ctx.update() instanceof ButtonPress p && p.data() != null
                && (p.data().startsWith(OK) || p.data().startsWith(NO))) {
            IngestTexts t = IngestTexts.of(ctx.lang());
            if (!ctx.isAdmin()) {
                answer(ctx, p, t.get("refused"));
                return;
            }
            String id = p.data().substring(OK.length());
            if (p.data().startsWith(OK)) confirm(ctx, t, id, p);
            else cancel(ctx, t, id, p);
            return;
        }
        next.run();
    }

    /** {name, args} of an /ingest command addressed to this bot, or null. */
    static String[] command(String text, String botUsername) {
        if (!text.startsWith("/")) return null;
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
        String token = text.substring(1, end);
        int at = token.indexOf('@');
        if (at >= 0) {
            if (botUsername != null && !token.substring(at + 1).equalsIgnoreCase(botUsername)) return null;
            token = token.substring(0, at);
        }
        String name = token.toLowerCase(Locale.ROOT);
        if (!List.of("ingest", "ingest_confirm", "ingest_cancel").contains(name)) return null;
        return new String[] {name, text.substring(end).strip()};
    }

    private void preview(Context ctx, IngestTexts t, String args) throws TransportException {
        Matcher u = URL.matcher(args);
        if (!u.find()) {
            ctx.reply(t.get("usage"));
            return;
        }
        Article a;
        try {
            a = sources.fromUrl(u.group().replaceAll("[)\\]}»،,.!?؟:;]+$", "")); // a sentence's punctuation after the link
        } catch (IngestException e) {
            LOG.info("/ingest of a page refused: {}", e.getMessage());
            ctx.reply(t.get("failed", e.getMessage()));
            return;
        }
        synchronized (pending) {
            pending.remove(a.id());
            pending.put(a.id(), a);
            while (pending.size() > MAX_PENDING) pending.remove(pending.keySet().iterator().next());
        }
        String body = previewText(t, a);
        Reply reply = ctx.transport().capabilities().buttons()
                ? new Reply(body, List.of(List.of(new Button(t.get("button.confirm"), OK + a.id()),
                        new Button(t.get("button.cancel"), NO + a.id()))))
                : Reply.text(body + "\n\n" + t.get("preview.commands", a.id()));
        ctx.reply(reply);
    }

    static String previewText(IngestTexts t, Article a) {
        ArticleMeta m = a.meta();
        String missing = t.get("missing");
        String date = m.published() != null ? m.published().display() + " (" + m.publishedIso() + ")"
                + (m.time() == null ? "" : " " + m.time()) : m.publishedDayMonth() != null ? m.publishedDayMonth().toString() : missing;
        List<Sentence> body = a.body();
        String first = body.isEmpty() ? "" : body.get(0).text();
        if (first.length() > FIRST_SENTENCE_CHARS) first = first.substring(0, FIRST_SENTENCE_CHARS) + "…";
        int words = body.stream().mapToInt(s -> PersianText.keyWords(s.text()).size()).sum();
        return t.get("preview", m.title(), m.outlet() == null ? missing : m.outlet(), date, first, words);
    }

    private void confirm(Context ctx, IngestTexts t, String id, ButtonPress p) throws TransportException {
        Article a;
        synchronized (pending) {
            a = pending.remove(id);
        }
        if (a == null) {
            say(ctx, p, t.get("stale"));
            return;
        }
        articles.save(a, true);
        switched.run();
        LOG.info("article {} made the default from the chat by {} user {}", a.id(), ctx.transport().name(),
                ctx.from() == null ? "?" : ctx.from().id());
        say(ctx, p, t.get("done", a.title()));
    }

    private void cancel(Context ctx, IngestTexts t, String id, ButtonPress p) throws TransportException {
        boolean had;
        synchronized (pending) {
            had = pending.remove(id) != null;
        }
        say(ctx, p, t.get(had ? "cancelled" : "stale"));
    }

    /** The outcome: on a button, edit the preview where the platform can, and answer the press. */
    private static void say(Context ctx, ButtonPress p, String text) throws TransportException {
        if (p == null) {
            ctx.reply(text);
            return;
        }
        answer(ctx, p, text);
        if (ctx.chat() == null) return;
        if (p.messageId() != null && ctx.transport().capabilities().edits()) {
            ctx.transport().edit(ctx.chat().id(), p.messageId(), Reply.text(text));
        } else {
            ctx.reply(text);
        }
    }

    private static void answer(Context ctx, ButtonPress p, String text) {
        if (!ctx.transport().capabilities().callbackAnswers() || p.callbackId() == null) return;
        try {
            ctx.transport().answerButton(p, text);
        } catch (TransportException | RuntimeException e) {
            LOG.debug("ingest: answering a button press failed: {}", e.getMessage());
        }
    }
}
