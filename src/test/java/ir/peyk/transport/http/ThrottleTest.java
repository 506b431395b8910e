package ir.peyk.transport.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void perChatLimitSpacesMessagesToOneChat() throws Exception {
        Throttle t = new Throttle(new Throttle.Limits(0, 10, 0)); // 10/s per chat, burst 3
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) t.acquire("a", false);   // the burst passes at once
        for (int i = 0; i < 5; i++) t.acquire("a", false);
        // By time t the bucket of "a" can have handed out at most 3 + 10·t tokens, so 8 need t ≥ 0.5 s from the start.
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(totalMillis >= 450, "8 messages into one chat at 10/s with a burst of 3 took " + totalMillis + " ms");
    }

    @Test
    void overallLimitHoldsAcrossChats() throws Exception {
        Throttle t = new Throttle(new Throttle.Limits(20, 0, 0));
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) t.acquire("c" + i, false); // 20 burst + 10 at 20/s ≈ 500 ms
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 400, "30 messages at 20/s with a burst of 20 took " + ms + " ms");
    }
}
