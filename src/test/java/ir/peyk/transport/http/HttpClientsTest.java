package ir.peyk.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** Stopping a long poll must not cut the sends in flight beside it. */
class HttpClientsTest {
    @Test
    void cancelStopsOnlyTheCallsOfThatMethod() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        OkHttpClient http = HttpClients.standard();
        try {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            List<String> failed = new CopyOnWriteArrayList<>();
            CountDownLatch pollFailed = new CountDownLatch(1);
            Callback callback = new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    failed.add(call.request().tag(String.class));
                    if ("getUpdates".equals(call.request().tag(String.class))) pollFailed.countDown();
                }

                @Override
                public void onResponse(Call call, Response response) {
                    response.close();
                }
            };
            Call poll = http.newCall(new Request.Builder().url(server.url("/getUpdates")).tag(String.class, "getUpdates").build());
            Call send = http.newCall(new Request.Builder().url(server.url("/sendMessage")).tag(String.class, "sendMessage").build());
            poll.enqueue(callback);
            send.enqueue(callback);
            assertNotNull(server.takeRequest(5, TimeUnit.SECONDS));
            assertNotNull(server.takeRequest(5, TimeUnit.SECONDS));

            HttpClients.cancel(http, "getUpdates");
            assertTrue(pollFailed.await(5, TimeUnit.SECONDS), "the poll was not cancelled");
            assertTrue(poll.isCanceled());
            assertFalse(send.isCanceled(), "the send goes on");
            assertEquals(List.of("getUpdates"), failed);
        } finally {
            HttpClients.shutdown(http);
            server.shutdown();
        }
    }
}
