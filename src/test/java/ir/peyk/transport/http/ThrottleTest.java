package ir.peyk.transport.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void perChatLimitSpacesMessagesToOneChatButNotToOthers() throws Exception {
        Throttle t = new Throttle(new Throttle.Limits(0, 10, 0)); // 10/s per chat, burst 3
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) t.acquire("a", false);   // the burst passes at once
        for (int i = 0; i < 50; i++) t.acquire("chat" + i, false); // other chats are not held back by "a"
        long burstMillis = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < 5; i++) t.acquire("a", false);   // 5 more into "a": at least ~400 ms at 10/s
        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(totalMillis - burstMillis >= 350, "5 messages past the burst at 10/s took " + (totalMillis - burstMillis) + " ms");
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
