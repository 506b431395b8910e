package ir.peyk.transport.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** The OkHttp client a transport builds for itself when nobody hands it one, and how it lets go of it. */
public final class HttpClients {
    /**
     * Connections a client keeps open for reuse. OkHttp's default is 5, fewer than the senders of one process (the
     * dispatcher's 16 workers, a broadcast worker, the long poll): under load each reply beyond the fifth closed its
     * connection afterwards and the next opened a fresh one.
     */
    public static final int SENDERS = 24;

    private HttpClients() {}

    /** A connection pool sized for {@link #SENDERS}; idle connections close after 5 minutes, as OkHttp's default. */
    public static ConnectionPool pool() {
        return new ConnectionPool(SENDERS, 5, TimeUnit.MINUTES);
    }

    /** Timeouts for short request/response APIs (no long polling): 10 s to connect, 30 s to read, 20 s to write. */
    public static OkHttpClient standard() {
        return new OkHttpClient.Builder()
                .connectionPool(pool())
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(20))
                .build();
    }

    /**
     * The client for the start's getMe: a server that accepts the connection and never answers must not hold the
     * start for the long-poll read timeout (40 s, six times over); 5 s to connect and 10 s to read are plenty for a
     * call that answers at once. Shares {@code http}'s connection pool and threads.
     */
    public static OkHttpClient forStart(OkHttpClient http) {
        return http.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Cancels the calls in flight whose request is tagged ({@code tag(String.class, …)}) with API method {@code method},
     * e.g. a long getUpdates at shutdown; other calls go on.
     */
    public static void cancel(OkHttpClient http, String method) {
        for (Call call : http.dispatcher().runningCalls()) {
            if (method.equals(call.request().tag(String.class))) call.cancel();
        }
    }

    /** Cancels calls in flight and frees the client's threads and connections (only for a client one owns). */
    public static void shutdown(OkHttpClient http) {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
