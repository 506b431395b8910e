package ir.peyk.broadcast;

import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A bot-like process for {@link KillAndResumeTest}: runs a broadcast worker (default window and batching) on the
 * store at {@code args[0]} against the Bot API at {@code args[1]}, throttled to {@code args[2]} messages/s, until it is
 * killed. Not a {@link FakeBotApi} user itself: the server lives in the test's JVM.
 */
public final class WorkerMain {
    public static void main(String[] args) throws Exception {
        Database db = Database.open(Path.of(args[0]));
        BroadcastStore store = new BroadcastStore(db);
        TelegramTransport t = new TelegramTransport(TelegramProfile.TELEGRAM, args[1], Kit.TOKEN,
                new Throttle(new Throttle.Limits(Double.parseDouble(args[2]), 0, 0)), RetryPolicy.DEFAULT, 0);
        WorkerSettings settings = WorkerSettings.DEFAULT.withLease(Duration.ofMillis(100), Duration.ofMillis(500));
        BroadcastWorker worker = new BroadcastWorker(store, new Subscribers(db), Map.of("telegram", t), settings);
        worker.start();
        System.out.println("started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
