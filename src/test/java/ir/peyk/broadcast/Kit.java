package ir.peyk.broadcast;

import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shared set-up of the broadcast tests: a config pointing at a fake Bot API, subscribers, waiting for jobs. */
final class Kit {
    static final String TOKEN = "123:broadcast-test";
    static final RetryPolicy FAST_RETRY =
            new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));

    private Kit() {}

    /** Telegram enabled at {@code apiUrl} with {@code channels} as broadcast targets; admin telegram:1. */
    static PeykConfig config(Path dir, String apiUrl, List<String> channels) throws Exception {
        Path yaml = dir.resolve("peyk.yaml");
        String list = channels.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ", "[", "]"));
        Files.writeString(yaml, """
                store: peyk.db
                transports:
                  console:
                    enabled: false
                  telegram:
                    enabled: true
                    apiUrl: %s
                    channels: %s
                admins: ["telegram:1"]
                """.formatted(apiUrl, list));
        return PeykConfig.load(yaml, Map.of("PEYK_TELEGRAM_TOKEN", TOKEN));
    }

    static TelegramTransport transport(FakeBotApi api, Throttle.Limits limits) {
        return new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), TOKEN, new Throttle(limits), FAST_RETRY, 0);
    }

    /** Subscribes private chats {@code from}..{@code from+n-1} in one transaction. */
    static void subscribe(Database db, Subscribers subs, long from, int n) {
        db.tx(c -> {
            for (long id = from; id < from + n; id++) subs.subscribe("telegram", Long.toString(id), false);
            return null;
        });
    }

    static Job awaitFinished(BroadcastStore store, long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Job j = store.job(id).orElseThrow();
            if (j.finished()) return j;
            if (System.nanoTime() > deadline) throw new AssertionError("job " + id + " did not finish: " + j);
            Thread.sleep(20);
        }
    }

    /** Successful sendMessage calls per chat id, as the server saw them. */
    static Map<String, Integer> delivered(FakeBotApi api) {
        Map<String, Integer> out = new HashMap<>();
        for (FakeBotApi.Call c : api.calls("sendMessage")) {
            if (c.status() == 200) out.merge(c.param("chat_id"), 1, Integer::sum);
        }
        return out;
    }

    static WorkerSettings fastSettings() {
        return WorkerSettings.DEFAULT.withRetry(3, Duration.ofMillis(50))
                .withLease(Duration.ofMillis(100), Duration.ofMillis(500))
                .withProgressInterval(Duration.ofMillis(100));
    }
}
