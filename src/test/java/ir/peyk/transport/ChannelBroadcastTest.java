package ir.peyk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ir.peyk.adapter.Transport;
import ir.peyk.broadcast.BroadcastStore;
import ir.peyk.broadcast.BroadcastWorker;
import ir.peyk.broadcast.Broadcasts;
import ir.peyk.broadcast.Job;
import ir.peyk.broadcast.WorkerSettings;
import ir.peyk.config.PeykConfig;
import ir.peyk.config.TransportConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeRubika;
import ir.peyk.testing.Forms;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broadcast reaching Eitaa channels (send-only, configured as channel targets) and a Rubika subscriber, through the
 * factory-built transports and the broadcast worker, against loopback Eitaayar and Rubika servers.
 */
class ChannelBroadcastTest {
    static final String EITAA_TOKEN = "eitaa-SECRET-token-0123456789";
    static final String RUBIKA_TOKEN = "RUBIKASECRET0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFG";
    static final String RUBIKA_CHAT = "b0QFtabc1I02214b529f1d60c9ce5b08";

    @TempDir
    Path dir;
    final MockWebServer eitaa = new MockWebServer();
    final List<Map<String, String>> eitaaPosts = new CopyOnWriteArrayList<>();
    FakeRubika rubika;
    Database db;
    BroadcastWorker worker;
    final List<Transport> transports = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        if (worker != null) worker.stop(Duration.ofSeconds(5));
        transports.forEach(Transport::close);
        if (db != null) db.close();
        eitaa.shutdown();
        if (rubika != null) rubika.close();
    }

    @Test
    void aBroadcastReachesEitaaChannelsAndRubikaSubscribers() throws Exception {
        AtomicInteger ids = new AtomicInteger(900);
        eitaa.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (!("/api/" + EITAA_TOKEN + "/sendMessage").equals(r.getPath())) {
                    return new MockResponse().setBody("{\"ok\":false,\"description\":\"invalid token\"}");
                }
                eitaaPosts.add(Forms.parse(r.getBody().readString(StandardCharsets.UTF_8)));
                return new MockResponse().setBody("{\"ok\":true,\"result\":{\"message_id\":" + ids.incrementAndGet() + "}}");
            }
        });
        eitaa.start(InetAddress.getLoopbackAddress(), 0);
        rubika = new FakeRubika(RUBIKA_TOKEN);

        Path yaml = dir.resolve("peyk.yaml");
        Files.writeString(yaml, """
                store: peyk.db
                transports:
                  console:
                    enabled: false
                  rubika:
                    enabled: true
                  eitaa:
                    enabled: true
                    channels: ["@peyk_news", "10203040"]
                    options:
                      title: "Peyk broadcast"
                """);
        PeykConfig config = PeykConfig.load(yaml, Map.of(
                "PEYK_EITAA_TOKEN", EITAA_TOKEN, "PEYK_EITAA_API_URL", eitaa.url("/api").toString().replaceAll("/$", ""),
                "PEYK_RUBIKA_TOKEN", RUBIKA_TOKEN, "PEYK_RUBIKA_API_URL", rubika.apiUrl()));
        db = Database.open(config.store());
        Subscribers subs = new Subscribers(db);
        subs.subscribe("rubika", RUBIKA_CHAT, false);

        Map<String, Transport> byName = new LinkedHashMap<>();
        for (TransportConfig tc : config.enabledTransports()) {
            Transport t = Transports.create(tc, config);
            transports.add(t);
            byName.put(t.name(), t);
        }
        Broadcasts broadcasts = new Broadcasts(new BroadcastStore(db), subs, config);
        Job job = broadcasts.create("نسخهٔ تازهٔ خبر منتشر شد.", "cli", "fa");
        assertEquals(3, job.total(), "one Rubika subscriber and two Eitaa channel targets");

        worker = new BroadcastWorker(broadcasts.store(), subs, byName, WorkerSettings.DEFAULT
                .withRetry(3, Duration.ofMillis(50)).withLease(Duration.ofMillis(100), Duration.ofMillis(500)));
        worker.start();
        Job done = await(broadcasts.store(), job.id());

        assertEquals(Job.Status.DONE, done.status());
        assertEquals(3, done.sent());
        assertEquals(List.of("10203040", "peyk_news"),
                eitaaPosts.stream().map(p -> p.get("chat_id")).sorted().toList(), "Eitaayar wants channel names bare");
        for (Map<String, String> post : eitaaPosts) {
            assertEquals("نسخهٔ تازهٔ خبر منتشر شد.", post.get("text"));
            assertEquals("Peyk broadcast", post.get("title"));
        }
        assertEquals(List.of("نسخهٔ تازهٔ خبر منتشر شد."), rubika.sentTexts(RUBIKA_CHAT));
    }

    static Job await(BroadcastStore store, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Job j = store.job(id).orElseThrow();
            if (j.finished()) return j;
            if (System.nanoTime() > deadline) throw new AssertionError("job " + id + " did not finish: " + j);
            Thread.sleep(20);
        }
    }
}
