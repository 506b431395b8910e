package ir.peyk.transport.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Reply;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.testing.Rates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Telegram family's pacing as the server sees it, with 8 senders busy (a broadcast's default concurrency): the
 * configured rate holds in every one-second window, and a 429 pauses every request of the token for its retry_after.
 */
class FloodControlTest {
    static final String TOKEN = "123456:SECRET-token_value";
    static final int SENDERS = 8;
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** 8 senders, each sending {@code perSender} messages into chats of its own; returns the sends that failed. */
    private static int sendBusily(TelegramTransport t, int perSender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        AtomicInteger failed = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perSender; i++) {
                    try {
                        t.send(Long.toString(1000L * (sender + 1) + i), Reply.text("خبر " + i));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        return failed.get();
    }

    @Test
    void noOneSecondWindowAtTheServerHoldsMoreThanTheRate() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            TelegramTransport t = new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), TOKEN,
                    new Throttle(new Throttle.Limits(30, 1, 20)), RetryPolicy.DEFAULT, 1);
            try {
                assertEquals(0, sendBusily(t, 10));
            } finally {
                t.close();
            }
            List<Long> arrivals = api.calls("sendMessage").stream().map(FakeBotApi.Call::atNanos).toList();
            assertEquals(80, arrivals.size());
            int most = Rates.maxInWindow(arrivals, SECOND);
            assertTrue(most <= 30, "the server saw " + most + " messages in one second at overallPerSecond 30");
        }
    }

    /**
     * The 10th send gets 429 retry_after 3 while 8 senders are busy. Before this held, the other senders went on at
     * the full rate through the whole pause (39 requests in a 2 s pause in one run). Requests that left before the
     * client had read the 429 may still arrive in its first moments (at most one per sender, more if the machine
     * stalls the thread that reads it), so the check starts 1.5 s in: from then on, nothing until the 3 s are over.
     */
    @ParameterizedTest
    @ValueSource(strings = {"telegram", "bale"})
    void a429PausesEveryRequestOfTheTokenForItsRetryAfter(String platform) throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            AtomicInteger sends = new AtomicInteger();
            api.onCall(c -> {
                if (c.method().equals("sendMessage") && sends.incrementAndGet() == 10) api.rateLimitNext("sendMessage", 3);
            });
            TelegramTransport t = new TelegramTransport(TelegramProfile.of(platform), api.url(), TOKEN,
                    new Throttle(new Throttle.Limits(30, 1, 20)), RetryPolicy.DEFAULT, 1);
            try {
                // 128 sends at 30/s keep every sender busy for longer than the pause
                assertEquals(0, sendBusily(t, 16), "every send went through after the pause");
            } finally {
                t.close();
            }
            List<FakeBotApi.Call> calls = api.calls();
            FakeBotApi.Call refused = calls.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
            long from = refused.atNanos();
            List<Long> late = calls.stream().map(c -> c.atNanos() - from)
                    .filter(d -> d >= SECOND * 3 / 2 && d < 3 * SECOND).toList();
            assertTrue(late.isEmpty(), late.size() + " requests reached the server in the second half of the 3 s the 429 "
                    + "asked for");
            long retried = calls.stream().filter(c -> c != refused && c.atNanos() > from)
                    .filter(c -> refused.param("chat_id").equals(c.param("chat_id"))).findFirst().orElseThrow().atNanos();
            assertTrue(retried - from >= 3 * SECOND, "the refused send went again after "
                    + (retried - from) / 1_000_000 + " ms");
            assertEquals(SENDERS * 16, api.calls("sendMessage").stream().filter(c -> c.status() == 200).count());
        }
    }
}
