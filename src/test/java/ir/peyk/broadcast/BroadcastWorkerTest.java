package ir.peyk.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker against the loopback fake Bot API (real HTTP) and a real SQLite file. */
class BroadcastWorkerTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @TempDir
    Path dir;

    FakeBotApi api;
    Database db;
    BroadcastWorker worker;

    @AfterEach
    void tearDown() {
        if (worker != null) worker.stop(Duration.ofSeconds(5));
        if (db != null) db.close();
        if (api != null) api.close();
    }

    private Broadcasts setUp(List<String> channels) throws Exception {
        api = FakeBotApi.start(Kit.TOKEN);
        PeykConfig config = Kit.config(dir, api.url(), channels);
        db = Database.open(config.store());
        return new Broadcasts(new BroadcastStore(db), new Subscribers(db), config);
    }

    private void startWorker(Broadcasts b, Throttle.Limits limits, WorkerSettings settings) {
        TelegramTransport t = Kit.transport(api, limits);
        worker = new BroadcastWorker(b.store(), new Subscribers(db), Map.of("telegram", t), settings);
        worker.start();
    }

    @Test
    void thousandsOfSubscribersAndAChannelEachGetExactlyOneMessage() throws Exception {
        Broadcasts b = setUp(List.of("@peyk_news"));
        Kit.subscribe(db, new Subscribers(db), 1, 3000);
        Job job = b.create("خبر تازه: متن مقاله به‌روز شد.", "cli", "fa");
        assertEquals(3001, job.total(), "3000 subscribers + 1 channel target");

        startWorker(b, Throttle.Limits.UNLIMITED, Kit.fastSettings());
        Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(60));

        assertEquals(Job.Status.DONE, done.status());
        assertEquals(3001, done.sent());
        assertEquals(0, done.failed());
        assertEquals(0, done.left());
        Map<String, Integer> got = Kit.delivered(api);
        assertEquals(3001, got.size(), "every chat reached");
        for (long id = 1; id <= 3000; id++) assertEquals(1, got.get(Long.toString(id)), "chat " + id);
        assertEquals(1, got.get("@peyk_news"), "the channel target got it too");
        assertEquals(Map.of("sent", 3001), b.store().queue().countByStatus(job.id()));
        String text = api.calls("sendMessage").get(0).param("text");
        assertEquals("خبر تازه: متن مقاله به‌روز شد.", text);
    }

    @Test
    void theRateLimitHoldsAsMeasuredByTheServer() throws Exception {
        Broadcasts b = setUp(List.of());
        Kit.subscribe(db, new Subscribers(db), 1, 150);
        Job job = b.create("rate", "cli", "en");
        double rate = 50;
        startWorker(b, new Throttle.Limits(rate, 0, 0), Kit.fastSettings());
        Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(30));

        List<Long> at = api.calls("sendMessage").stream().map(FakeBotApi.Call::atNanos).sorted().toList();
        assertEquals(150, at.size());
        // Token-bucket conformance: between any two sends, at most burst + rate × elapsed (+2 for arrival jitter).
        int maxInSecond = 0;
        for (int i = 0; i < at.size(); i++) {
            for (int j = i; j < at.size(); j++) {
                double elapsed = (at.get(j) - at.get(i)) / 1e9;
                int count = j - i + 1;
                assertTrue(count <= rate + rate * elapsed + 2, count + " sends in " + elapsed + " s");
                if (elapsed < 1.0) maxInSecond = Math.max(maxInSecond, count);
            }
        }
        // The same +2 for arrival jitter as above: requests leave on the bucket's schedule but reach the server after
        // varying network and scheduling delays, which can pull two of them into one window.
        assertTrue(maxInSecond <= rate + rate + 2, "at most limit + burst in any 1-s window, was " + maxInSecond);
    }

    @Test
    void forbiddenChatsFailAndAreUnsubscribedWithoutStoppingTheJob() throws Exception {
        Broadcasts b = setUp(List.of());
        Subscribers subs = new Subscribers(db);
        Kit.subscribe(db, subs, 1, 20);
        api.forbidChat(3).forbidChat(7);
        Job job = b.create("hello", "cli", "en");
        startWorker(b, Throttle.Limits.UNLIMITED, Kit.fastSettings());
        Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(20));

        assertEquals(18, done.sent());
        assertEquals(2, done.failed());
        assertFalse(subs.isSubscribed("telegram", "3"));
        assertFalse(subs.isSubscribed("telegram", "7"));
        assertTrue(subs.isSubscribed("telegram", "4"));
        assertEquals(18, subs.count());
        Map<String, Integer> reasons = b.store().failures(job.id(), 5);
        assertEquals(1, reasons.size());
        String reason = reasons.keySet().iterator().next();
        assertTrue(reason.contains("403") && reason.contains("blocked"), reason);
    }

    @Test
    void aRejectedSendIsRecordedWithItsReason() throws Exception {
        Broadcasts b = setUp(List.of());
        Kit.subscribe(db, new Subscribers(db), 1, 10);
        api.failNext("sendMessage", 1, 400,
                "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        Job job = b.create("hello", "cli", "en");
        startWorker(b, Throttle.Limits.UNLIMITED, Kit.fastSettings());
        Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(20));

        assertEquals(9, done.sent());
        assertEquals(1, done.failed());
        String reason = b.store().failures(job.id(), 5).keySet().iterator().next();
        assertTrue(reason.contains("400") && reason.contains("chat not found"), reason);
        assertEquals(10, new Subscribers(db).count(), "a 400 does not unsubscribe");
    }

    @Test
    void unavailableIsRetriedAcrossPassesThenFailed() throws Exception {
        Broadcasts b = setUp(List.of());
        Kit.subscribe(db, new Subscribers(db), 1, 1);
        // The API layer tries twice per pass (FAST_RETRY); three passes = six 502s, then the row is failed.
        api.serverErrorNext("sendMessage", 6, 502);
        Job job = b.create("hello", "cli", "en");
        startWorker(b, Throttle.Limits.UNLIMITED, Kit.fastSettings());
        Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(20));

        assertEquals(Job.Status.DONE, done.status());
        assertEquals(1, done.failed());
        assertEquals(6, api.calls("sendMessage").size());
        String reason = b.store().failures(job.id(), 5).keySet().iterator().next();
        assertTrue(reason.contains("gave up"), reason);
    }

    @Test
    void unavailableThatRecoversOnALaterPassIsSent() throws Exception {
        Broadcasts b = setUp(List.of());
        Kit.subscribe(db, new Subscribers(db), 1, 1);
        api.serverErrorNext("sendMessage", 3, 503); // pass 1: 2 × 503; pass 2: 503 then 200
        Job job = b.create("hello", "cli", "en");
        startWorker(b, Throttle.Limits.UNLIMITED, Kit.fastSettings());
        Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(20));

        assertEquals(1, done.sent());
        assertEquals(List.of("hello"), api.sentTexts(1));
    }

    @Test
    void cancelStopsSendingPromptly() throws Exception {
        Broadcasts b = setUp(List.of());
        Kit.subscribe(db, new Subscribers(db), 1, 300);
        Job job = b.create("hello", "cli", "en");
        startWorker(b, new Throttle.Limits(40, 0, 0), Kit.fastSettings());
        api.awaitCalls("sendMessage", 60, Duration.ofSeconds(20));

        b.cancel(job.id()); // as the CLI does: the worker learns it from the store
        Job cancelled = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(1));
        assertEquals(Job.Status.CANCELLED, cancelled.status());
        // Wait until the rows in flight at the moment of cancelling are recorded.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (b.store().queue().countByStatus(job.id()).containsKey("sending") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int sentAtStop = api.calls("sendMessage").size();
        Thread.sleep(500);
        assertEquals(sentAtStop, api.calls("sendMessage").size(), "nothing is sent after the cancel took effect");

        Job fin = b.store().job(job.id()).orElseThrow();
        assertTrue(fin.sent() < 300, "stopped well before the end: " + fin.sent());
        assertEquals(sentAtStop, fin.sent(), "every message the server got is recorded as sent");
        assertEquals(300, fin.sent() + fin.failed() + fin.skipped());
        assertEquals(0, fin.left());
        assertFalse(b.store().queue().countByStatus(job.id()).containsKey("pending"));
    }

    @Test
    void aStoppedWorkerHandsUnsentRowsBackAndANewOneFinishes() throws Exception {
        Broadcasts b = setUp(List.of());
        Kit.subscribe(db, new Subscribers(db), 1, 200);
        Job job = b.create("hello", "cli", "en");
        startWorker(b, new Throttle.Limits(100, 0, 0), Kit.fastSettings());
        api.awaitCalls("sendMessage", 30, Duration.ofSeconds(20));
        worker.stop(Duration.ofSeconds(5));

        Map<String, Integer> rows = b.store().queue().countByStatus(job.id());
        assertFalse(rows.containsKey("sending"), "a clean stop leaves nothing in flight: " + rows);
        assertEquals(api.calls("sendMessage").size(), rows.get("sent"));

        startWorker(b, Throttle.Limits.UNLIMITED, Kit.fastSettings()); // takes the released lease at once
        Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofSeconds(20));
        assertEquals(200, done.sent());
        Map<String, Integer> got = Kit.delivered(api);
        assertEquals(200, got.size());
        assertTrue(got.values().stream().allMatch(n -> n == 1), "no duplicates after a clean stop");
    }
}
