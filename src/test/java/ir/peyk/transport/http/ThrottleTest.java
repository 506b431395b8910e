package ir.peyk.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ir.peyk.testing.Rates;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void perChatLimitSpacesMessagesToOneChat() throws Exception {
        Throttle t = new Throttle(new Throttle.Limits(0, 10, 0)); // 10/s per chat, burst 3
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) t.acquire("a", false).close(); // the first 3 pass at once
        // By time t the bucket of "a" can have handed out at most 3 + 10·t tokens, so 8 need t ≥ 0.5 s from the start.
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(totalMillis >= 450, "8 messages into one chat at 10/s with a burst of 3 took " + totalMillis + " ms");
    }

    /**
     * The limit holds in every one-second window, the first one included (a full bucket plus a second of refill let
     * twice the rate through). Counted on permit times, which is a lower bound of what any server sees in a window.
     */
    @Test
    void noOneSecondWindowHoldsMoreThanTheRateFromTheFirstSecondOn() throws Exception {
        Throttle t = new Throttle(new Throttle.Limits(20, 0, 0));
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            int sender = s;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    try (Throttle.Permit p = t.acquire("c" + sender + "-" + i, false)) {
                        times.add(System.nanoTime());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        assertEquals(48, times.size());
        assertTrue(Rates.maxInWindow(times, TimeUnit.SECONDS.toNanos(1)) <= 20,
                "a one-second window held " + Rates.maxInWindow(times, TimeUnit.SECONDS.toNanos(1)) + " messages at 20/s");
    }

    /** A message still in flight keeps its place: the next one waits for it, not only for the clock. */
    @Test
    void aMessageInFlightHoldsItsPlaceUntilItEnds() throws Exception {
        Throttle t = new Throttle(new Throttle.Limits(1, 0, 0));
        Throttle.Permit first = t.acquire("a", false);
        long[] second = new long[1];
        Thread waiter = new Thread(() -> {
            try (Throttle.Permit p = t.acquire("b", false)) {
                second[0] = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        Thread.sleep(1200);               // longer than the period: a clock-only limit would have let it go
        long ended = System.nanoTime();
        first.close();
        waiter.join(10_000);
        assertTrue(second[0] - ended >= TimeUnit.MILLISECONDS.toNanos(990),
                "the second message went " + TimeUnit.NANOSECONDS.toMillis(second[0] - ended) + " ms after the first ended");
    }
}
