package ir.peyk.transport.http;

import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;

/** The OkHttp client a transport builds for itself when nobody hands it one, and how it lets go of it. */
public final class HttpClients {
    private HttpClients() {}

    /** Timeouts for short request/response APIs (no long polling): 10 s to connect, 30 s to read, 20 s to write. */
    public static OkHttpClient standard() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(20))
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
