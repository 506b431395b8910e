package ir.peyk.transport.http;

import java.time.Duration;
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

    /** Cancels calls in flight and frees the client's threads and connections (only for a client one owns). */
    public static void shutdown(OkHttpClient http) {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
