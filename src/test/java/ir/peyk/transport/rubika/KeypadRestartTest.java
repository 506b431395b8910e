package ir.peyk.transport.rubika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Transport;
import ir.peyk.config.TransportConfig;
import ir.peyk.store.Database;
import ir.peyk.store.KeypadMessages;
import ir.peyk.testing.FakeRubika;
import ir.peyk.transport.Transports;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Rubika keypad press after a restart still edits the bot's message that carried the keypad (it was kept in memory
 * only, so "more of the summary" edited nothing after a restart): the run wires the transport to the store as
 * {@code peyk run} does ({@link Transports#keepKeypadsIn}), with a real SQLite file reopened in between.
 */
class KeypadRestartTest {
    static final String TOKEN = "RUBIKASECRETTOKENQWERTYUIOPASDFGHJKLZXCVBNM0123456789ABCDEFGHIJKL";
    static final String CHAT = "b0QFtabc1I02214b529f1d60c9ce5b08";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2));

    @TempDir
    Path dir;
    final OkHttpClient http = new OkHttpClient();

    RubikaTransport run(FakeRubika fake, Database db) throws Exception {
        TransportConfig c = new TransportConfig("rubika", true, TOKEN, fake.apiUrl(), "polling", List.of(),
                Map.of("pollIdleMillis", "0"));
        RubikaTransport t = new RubikaTransport(c, http, new Throttle(Throttle.Limits.UNLIMITED), FAST, List.of());
        Transports.keepKeypadsIn(List.<Transport>of(t), new KeypadMessages(db));
        t.start();
        return t;
    }

    @Test
    void aPressAfterARestartEditsTheMessageThatCarriedTheKeypad() throws Exception {
        Path file = dir.resolve("peyk.db");
        try (FakeRubika fake = new FakeRubika(TOKEN)) {
            String carried;
            try (Database db = Database.open(file)) {
                RubikaTransport before = run(fake, db);
                carried = before.send(CHAT, new Reply("پاسخ", List.of(List.of(new Button("بیشتر", "more:1")))))
                        .messageId();
                before.send(CHAT, Reply.text("بدون دکمه")); // a later reply without a keypad changes nothing
                before.close();
            }
            try (Database db = Database.open(file)) {
                RubikaTransport after = run(fake, db);
                fake.queue(FakeRubika.keypadPress(CHAT, "u0user", "503", "بیشتر", "more:1",
                        System.currentTimeMillis() / 1000));
                ButtonPress press = assertInstanceOf(ButtonPress.class, after.poll(null).items().get(0).update());
                assertEquals(carried, press.messageId(), "the press edits the bot's message from before the restart");
                after.edit(CHAT, press.messageId(), Reply.text("پاسخ کامل‌تر"));
                assertEquals(carried, fake.calls("editMessageText").get(0).body().path("message_id").asText());
                after.close();
            }
        } finally {
            http.connectionPool().evictAll();
        }
    }
}
