package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A real Telegram transport over loopback HTTP tells its poller when a poll's answer arrives, once, and only then. */
class PollArrivalTest {
    private static final String TOKEN = "123456:SECRET-token_value";

    @Test
    void aPollIsToldOnceWhenItsAnswerArrivesAndNothingElseTellsIt() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN);
             TelegramTransport t = new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), TOKEN,
                     new Throttle(Throttle.Limits.UNLIMITED),
                     new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)), 1)) {
            t.start();
            AtomicInteger told = new AtomicInteger();
            api.pushMessage(42, 42, "سلام");
            api.serverErrorNext("getUpdates", 1, 502); // a failed attempt is not an arrival; its retry is
            Batch b = PollArrival.poll(t, null, told::incrementAndGet);
            assertEquals(1, b.items().size());
            assertEquals(1, told.get(), "told once, for the answer that came");

            // After the poll, this thread's calls tell no one: the listener went with it.
            t.send("42", Reply.text("پاسخ"));
            PollArrival.arriving();
            assertEquals(1, told.get());

            // A failed poll (the token refused) tells nothing.
            api.refuseToken(401);
            AtomicInteger refused = new AtomicInteger();
            TransportException e = assertThrows(TransportException.class,
                    () -> PollArrival.poll(t, b.nextOffset(), refused::incrementAndGet));
            assertEquals(TransportException.Kind.UNAUTHORIZED, e.kind());
            assertEquals(0, refused.get());
        }
    }
}
