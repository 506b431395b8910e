package ir.peyk.transport.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Reply;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.ApiCaller;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.testing.Rates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** What the fake saw of one send: its sender, when it arrived, and whether the client was paused by then. */
    record Arrival(int sender, long atNanos, boolean clientPaused, String connection) {}

    /**
     * The 10th send gets 429 with retry_after 3 while 8 senders are busy (in the body, or in a Retry-After header).
     * Before this held, the other senders went on through the whole pause (39 requests in a 2 s pause in one run), and
     * later, on a loaded machine, 9–14 requests still arrived in the 3 s after the 429 was written.
     *
     * <p>What is checked needs no clock tolerance, however loaded the machine. When a send arrives, the fake asks the
     * client whether its token is paused. A send may arrive during the pause only if it left before the client read the
     * 429 — in flight then, one per sender at most, so at most senders − 1. Two ways of leaving during the pause are
     * caught for certain: a sender whose previous send arrived during the pause (it was answered in the pause, so the
     * next one left in it), and a request on the connection the 429 came on (every other answer closes its connection,
     * so the client reuses that one, and only after it has read the 429).
     */
    @ParameterizedTest
    @CsvSource({"telegram, body", "bale, body", "telegram, header"})
    void a429PausesEveryRequestOfTheTokenForItsRetryAfter(String platform, String saidIn) throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            api.closeConnectionsExceptRefusals(true);
            AtomicInteger sends = new AtomicInteger();
            AtomicReference<ApiCaller> caller = new AtomicReference<>();
            List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
            api.onCall(c -> {
                if (!c.method().equals("sendMessage")) return;
                ApiCaller client = caller.get();
                boolean paused = client != null && client.pausedFor().compareTo(Duration.ZERO) > 0;
                arrivals.add(new Arrival(sender(c), c.atNanos(), paused, c.connection()));
                if (sends.incrementAndGet() == 10) {
                    if (saidIn.equals("header")) api.rateLimitNextByHeader("sendMessage", 3);
                    else api.rateLimitNext("sendMessage", 3);
                }
            });
            TelegramTransport t = new TelegramTransport(TelegramProfile.of(platform), api.url(), TOKEN,
                    new Throttle(new Throttle.Limits(30, 1, 20)), RetryPolicy.DEFAULT, 1);
            caller.set(t.api().caller());
            try {
                // 128 sends at 30/s keep every sender busy for longer than the pause
                assertEquals(0, sendBusily(t, 16), "every send went through after the pause");
            } finally {
                t.close();
            }
            List<FakeBotApi.Call> calls = api.calls();
            FakeBotApi.Call refused = calls.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
            long written = refused.answeredNanos();
            long afterWritten = calls.stream().filter(c -> c.atNanos() > written && c.atNanos() < written + 3 * SECOND)
                    .count();
            List<Arrival> duringPause = arrivals.stream().filter(Arrival::clientPaused).toList();
            List<Arrival> violations = new ArrayList<>();
            Map<Integer, Arrival> previous = new HashMap<>();
            for (Arrival a : arrivals) {
                Arrival before = previous.put(a.sender(), a);
                boolean afterItsAnswerInThePause = a.clientPaused() && before != null && before.clientPaused();
                boolean onTheRefusedConnection = a.connection().equals(refused.connection())
                        && a.atNanos() > refused.atNanos() && a.atNanos() - refused.atNanos() < 3 * SECOND;
                if (afterItsAnswerInThePause || onTheRefusedConnection) violations.add(a);
            }
            String seen = afterWritten + " sends arrived in the 3 s after the 429 was written, " + duringPause.size()
                    + " while the client was paused";
            assertTrue(violations.isEmpty(), violations.size() + " sends left during the pause, after their sender had been "
                    + "answered in it (" + seen + ")");
            assertTrue(duringPause.size() <= SENDERS - 1, seen + "; at most " + (SENDERS - 1) + " can be in flight");
            long retried = calls.stream().filter(c -> c != refused && c.atNanos() > refused.atNanos())
                    .filter(c -> refused.param("chat_id").equals(c.param("chat_id"))).findFirst().orElseThrow().atNanos();
            assertTrue(retried - refused.atNanos() >= 3 * SECOND, "the refused send went again after "
                    + (retried - refused.atNanos()) / 1_000_000 + " ms");
            assertEquals(SENDERS * 16, api.calls("sendMessage").stream().filter(c -> c.status() == 200).count());
        }
    }

    /** The sender that sent {@code c}: sender s sends into chats 1000 (s + 1) + i. */
    private static int sender(FakeBotApi.Call c) {
        return (int) (Long.parseLong(c.param("chat_id")) / 1000 - 1);
    }
}
