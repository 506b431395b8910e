package ir.peyk.broadcast;

import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The broadcast benchmark, run by hand (not a test; figures go in the README and the report):
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) ir.peyk.broadcast.BroadcastBench 100000 60 [8]
 * </pre>
 * (arguments: subscribers, seconds of the throttled run, concurrency).
 * Part 1: deliveries per second with throttling off, {@code N} subscribers, against the loopback fake Bot API.
 * Part 2: the rate achieved with the default limits (30/s overall, 1/s per chat) over {@code S} seconds, as measured
 * by the fake server.
 */
public final class BroadcastBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : WorkerSettings.DEFAULT.concurrency();
        Path dir = Files.createTempDirectory("peyk-bench");
        System.out.printf("cores %d, concurrency %d, store %s%n", Runtime.getRuntime().availableProcessors(),
                concurrency, dir);
        try {
            unthrottled(dir.resolve("a"), subscribers, concurrency);
            throttled(dir.resolve("b"), seconds, concurrency);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void unthrottled(Path dir, int n, int concurrency) throws Exception {
        Files.createDirectories(dir);
        try (FakeBotApi api = FakeBotApi.start(Kit.TOKEN)) {
            PeykConfig config = Kit.config(dir, api.url(), List.of());
            try (Database db = Database.open(config.store())) {
                Subscribers subs = new Subscribers(db);
                long t0 = System.nanoTime();
                Kit.subscribe(db, subs, 1, n);
                long t1 = System.nanoTime();
                Broadcasts b = new Broadcasts(new BroadcastStore(db), subs, config);
                Job job = b.create("bench", "cli", "en");
                long t2 = System.nanoTime();
                System.out.printf("subscribed %d in %.2f s; job with %d rows created in %.2f s%n", n,
                        (t1 - t0) / 1e9, job.total(), (t2 - t1) / 1e9);
                TelegramTransport t = Kit.transport(api, Throttle.Limits.UNLIMITED);
                BroadcastWorker w = new BroadcastWorker(b.store(), subs, Map.of("telegram", t),
                        WorkerSettings.DEFAULT.withConcurrency(concurrency));
                long start = System.nanoTime();
                w.start();
                Job done = Kit.awaitFinished(b.store(), job.id(), Duration.ofHours(1));
                long end = System.nanoTime();
                w.stop(Duration.ofSeconds(10));
                Map<String, Integer> got = Kit.delivered(api);
                long dup = got.values().stream().filter(v -> v > 1).count();
                System.out.printf("UNTHROTTLED: %d sent, %d failed in %.2f s = %.0f deliveries/s "
                                + "(server: %d chats reached, %d with more than one message)%n",
                        done.sent(), done.failed(), (end - start) / 1e9, done.sent() / ((end - start) / 1e9),
                        got.size(), dup);
            }
        }
    }

    private static void throttled(Path dir, int seconds, int concurrency) throws Exception {
        Files.createDirectories(dir);
        try (FakeBotApi api = FakeBotApi.start(Kit.TOKEN)) {
            PeykConfig config = Kit.config(dir, api.url(), List.of());
            try (Database db = Database.open(config.store())) {
                Subscribers subs = new Subscribers(db);
                Kit.subscribe(db, subs, 1, 40 * seconds); // more than a minute's worth at 30/s
                Broadcasts b = new Broadcasts(new BroadcastStore(db), subs, config);
                Job job = b.create("bench", "cli", "en");
                TelegramTransport t = Kit.transport(api, Throttle.Limits.DEFAULT);
                BroadcastWorker w = new BroadcastWorker(b.store(), subs, Map.of("telegram", t),
                        WorkerSettings.DEFAULT.withConcurrency(concurrency));
                w.start();
                Thread.sleep(seconds * 1000L + 500);
                b.cancel(job.id());
                w.stop(Duration.ofSeconds(10));
                List<Long> at = api.calls("sendMessage").stream().map(FakeBotApi.Call::atNanos).sorted().toList();
                long first = at.get(0);
                long inWindow = at.stream().filter(x -> x - first < seconds * 1_000_000_000L).count();
                int maxPerSecond = 0;
                for (int i = 0, j = 0; j < at.size(); j++) {
                    while (at.get(j) - at.get(i) >= 1_000_000_000L) i++;
                    maxPerSecond = Math.max(maxPerSecond, j - i + 1);
                }
                long afterBurst = at.stream().filter(x -> x - first >= 1_000_000_000L
                        && x - first < seconds * 1_000_000_000L).count();
                System.out.printf("THROTTLED (limit 30/s): %d sends in the first %d s = %.2f/s; after the first second "
                                + "%.2f/s; most in any 1-s window: %d%n", inWindow, seconds,
                        inWindow / (double) seconds, afterBurst / (double) (seconds - 1), maxPerSecond);
            }
        }
    }
}
