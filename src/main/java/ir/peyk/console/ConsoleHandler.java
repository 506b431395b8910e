package ir.peyk.console;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under {@code /console}: login and logout, the static script and style, and the four views. Every GET but
 * the login page and the static files needs a session (else a redirect to the login page); every POST needs a session
 * and its CSRF token (else 403), login included (a double-submit cookie stands in for the missing session).
 */
final class ConsoleHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(ConsoleHandler.class);
    static final String COOKIE = "peyk_session";
    static final String PRE_COOKIE = "peyk_login";
    /** Largest form: an article pasted whole (1 MiB of text is up to ~6 MiB once percent-encoded). */
    static final int MAX_FORM_BYTES = 8 << 20;

    private final Console console;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final ChatView chat;
    private final ArticleView article;
    private final BroadcastView broadcast;
    private final HealthView health;
    private final Map<String, byte[]> statics;

    ConsoleHandler(Console console) {
        this.console = console;
        this.sessions = new Sessions(System::currentTimeMillis);
        this.limiter = new LoginLimiter(System::currentTimeMillis);
        this.chat = new ChatView(console);
        this.article = new ArticleView(console);
        this.broadcast = new BroadcastView(console);
        this.health = new HealthView(console);
        this.statics = Map.of("app.js", resource("app.js"), "app.css", resource("app.css"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConsoleHandler.class.getResourceAsStream("/peyk/console/" + name)) {
            if (in == null) throw new IllegalStateException("missing console resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read console resource " + name, e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, Request.getPathInContext(request));
        try {
            route(x);
        } catch (Exception e) {
            log.warn("console {} {} failed: {}", request.getMethod(), x.path, e.toString());
            if (!response.isCommitted()) x.text(500, "the console failed on this request; see the bot's log");
            else callback.failed(e);
        }
        return true;
    }

    private void route(Exchange x) throws Exception {
        String p = x.path;
        if (p.startsWith("/console/static/")) {
            byte[] b = statics.get(p.substring("/console/static/".length()));
            if (b == null) x.text(404, "not found");
            else x.bytes(p.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", b);
            return;
        }
        x.session = sessions.find(x.cookie(COOKIE)).orElse(null);
        if (x.session != null) x.lang = console.language(x.session.chatId());
        if (p.equals("/console/login")) {
            login(x);
            return;
        }
        if (x.session == null) {
            if (x.isPost()) x.text(403, "log in first");
            else x.redirect("/console/login");
            return;
        }
        if (x.isPost() && !csrfOk(x)) {
            log.warn("console: a post to {} without a valid CSRF token was refused", p);
            x.text(403, Labels.t(x.lang, "error.csrf"));
            return;
        }
        if (!console.ready()) {
            x.text(503, "the bot is still starting; reload in a moment");
            return;
        }
        if (p.equals("/console") || p.equals("/console/")) x.redirect("/console/chat");
        else if (p.equals("/console/logout") && x.isPost()) logout(x);
        else if (p.startsWith("/console/chat")) chat.handle(x);
        else if (p.startsWith("/console/article")) article.handle(x);
        else if (p.startsWith("/console/broadcast")) broadcast.handle(x);
        else if (p.startsWith("/console/health")) health.handle(x);
        else x.text(404, "not found");
    }

    private static boolean csrfOk(Exchange x) throws Exception {
        String given = x.request.getHeaders().get("X-CSRF-Token");
        if (given == null) given = x.field("csrf", MAX_FORM_BYTES);
        return given != null && same(given, x.session.csrf());
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private void login(Exchange x) throws Exception {
        String client = Request.getRemoteAddr(x.request);
        String token = x.isPost() ? null : x.query("t");
        if (x.isPost()) {
            String pre = x.cookie(PRE_COOKIE);
            String formPre = x.field("csrf");
            if (pre == null || formPre == null || !same(pre, formPre)) {
                x.text(403, Labels.t(x.lang, "error.csrf"));
                return;
            }
            token = x.field("token");
        }
        if (token == null) {
            loginPage(x, null);
            return;
        }
        if (!limiter.allowed(client)) {
            log.warn("console: login attempts from {} are being refused for a while (too many failures)", client);
            loginPage(x, "login.limited");
            return;
        }
        if (!console.tokenValid(token.strip())) {
            limiter.failed(client);
            log.warn("console: a login with an invalid or used token from {}", client);
            loginPage(x, "login.failed");
            return;
        }
        if (x.session != null) sessions.end(x.session.id());
        Sessions.Session s = sessions.create();
        Response.addCookie(x.response, HttpCookie.build(COOKIE, s.id()).path("/console").httpOnly(true)
                .secure(console.config().console().behindTls()).sameSite(HttpCookie.SameSite.STRICT).build());
        log.info("console: an admin logged in from {}", client);
        x.redirect("/console/chat");
    }

    private void loginPage(Exchange x, String error) {
        String pre = Sessions.random(24);
        Response.addCookie(x.response, HttpCookie.build(PRE_COOKIE, pre).path("/console/login").httpOnly(true)
                .secure(console.config().console().behindTls()).sameSite(HttpCookie.SameSite.STRICT).build());
        String l = x.lang;
        StringBuilder b = new StringBuilder("<section class=\"card login\"><h1>").append(Labels.t(l, "login.title")).append("</h1>");
        if (error != null) b.append("<p class=\"error\" id=\"login-error\">").append(Labels.t(l, error)).append("</p>");
        // The command and the variable are isolated left-to-right runs: inside Persian text their neighbouring
        // quotes and punctuation were reordered (seen in the login screenshot).
        b.append("<p>").append(Html.esc(Labels.t(l, "login.help"))
                        .replace("{link}", "<bdi dir=\"ltr\"><code>peyk console link</code></bdi>")
                        .replace("{token}", "<bdi dir=\"ltr\"><code>" + ConsoleService.TOKEN_ENV + "</code></bdi>")).append("</p>")
                .append("<form method=\"post\" action=\"/console/login\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.esc(pre)).append("\"><label>").append(Labels.t(l, "login.token"))
                .append(" <input type=\"password\" name=\"token\" autocomplete=\"off\" dir=\"ltr\"></label> <button>")
                .append(Labels.t(l, "login.submit")).append("</button></form></section>");
        x.html(error == null ? 200 : 401, Layout.page(x, "login", Labels.t(l, "login.title"), b.toString()));
    }

    private void logout(Exchange x) {
        sessions.end(x.session.id());
        console.web().forget(x.session.chatId());
        Response.addCookie(x.response, HttpCookie.build(COOKIE, "").path("/console").httpOnly(true).maxAge(0)
                .sameSite(HttpCookie.SameSite.STRICT).build());
        x.redirect("/console/login");
    }
}
