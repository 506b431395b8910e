package ir.peyk.webhook;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;

/**
 * Pages served beside the webhook routes under one path prefix (the Peyk Console under {@code /console}). The handler
 * must complete the callback, as any Jetty {@link Handler} does.
 */
public record Mount(String prefix, Handler handler) {
    public Mount {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) throw new IllegalArgumentException("prefix like /console");
    }

    boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    boolean handle(Request request, Response response, Callback callback) throws Exception {
        return handler.handle(request, response, callback);
    }
}
