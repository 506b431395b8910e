package ir.peyk.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request to the console: its session (null before login), the page language, and how to answer. */
final class Exchange {
    /** Pages may load only our own script and style: injected markup could not run even if escaping ever failed. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    final Request request;
    final Response response;
    final Callback callback;
    final String path;
    Sessions.Session session;
    String lang = "fa";
    private Fields form;

    Exchange(Request request, Response response, Callback callback, String path) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.path = path;
    }

    boolean isPost() {
        return "POST".equals(request.getMethod());
    }

    String cookie(String name) {
        var cookies = Request.getCookies(request);
        if (cookies == null) return null;
        for (HttpCookie c : cookies) if (c.getName().equals(name)) return c.getValue();
        return null;
    }

    String query(String name) {
        return Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue(name);
    }

    /** A form field (urlencoded bodies up to {@code maxBytes}); null when absent. */
    String field(String name, int maxBytes) throws Exception {
        if (form == null) {
            form = FormFields.from(request, StandardCharsets.UTF_8, 100, maxBytes).get(30, TimeUnit.SECONDS);
        }
        return form.getValue(name);
    }

    String field(String name) throws Exception {
        return field(name, 64 * 1024);
    }

    void html(int status, String body) {
        response.getHeaders().put("Content-Security-Policy", CSP);
        write(status, "text/html", body);
    }

    void json(String body) {
        write(200, "application/json", body);
    }

    void text(int status, String body) {
        write(status, "text/plain", body);
    }

    void write(int status, String type, String body) {
        response.setStatus(status);
        headers();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    void bytes(String type, byte[] bytes) {
        response.setStatus(200);
        headers();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    void redirect(String location) {
        response.setStatus(303);
        headers();
        response.getHeaders().put(HttpHeader.LOCATION, location);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    /** Every answer: not cached, not framed, not sniffed, and no Referer that could carry a login token onward. */
    void headers() {
        var h = response.getHeaders();
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
    }
}
