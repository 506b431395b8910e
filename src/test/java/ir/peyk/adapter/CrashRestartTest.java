package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.testing.ChildBot;
import ir.peyk.testing.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of handling, then a restart on the same store: every update is answered exactly once. The
 * bot runs in a child JVM ({@link ChildBot}); the fake server holds the third update's "typing" call so the kill lands
 * while that update is being handled and later ones are stored but not handled.
 */
class CrashRestartTest {
    static final String TOKEN = "777:CRASH-token";

    @TempDir
    Path dir;

    private Process child(FakeBotApi api, String log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildBot.class.getName(),
                api.url(), TOKEN, dir.resolve("bot.db").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    /**
     * Starts the bot again ("second.log"), waits for {@code replies} replies in all and a moment more for any wrongful
     * repeat to show up, then stops it with SIGTERM (graceful).
     */
    private void restartUntilReplies(FakeBotApi api, int replies) throws Exception {
        Process second = child(api, "second.log");
        try {
            api.awaitCalls(c -> c.method().equals("sendMessage") && c.status() == 200, replies, Duration.ofSeconds(30),
                    replies + " replies");
            Thread.sleep(300);
        } finally {
            second.destroy();
            assertTrue(second.waitFor(15, TimeUnit.SECONDS));
        }
    }

    /** The server holds the third call of {@code method} (counts down {@code held}) until {@code release}. */
    private static void holdThird(FakeBotApi api, String method, CountDownLatch held, CountDownLatch release) {
        AtomicInteger calls = new AtomicInteger();
        api.onCall(c -> {
            if (c.method().equals(method) && calls.incrementAndGet() == 3) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @Test
    void killMinus9MidHandlingThenRestartLosesAndRepeatsNothing() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            holdThird(api, "sendChatAction", held, release);
            for (int i = 1; i <= 6; i++) api.pushMessage(9, 9, "m" + i);

            Process first = child(api, "first.log");
            assertTrue(held.await(30, TimeUnit.SECONDS), "the bot did not get to the third update: "
                    + Files.readString(dir.resolve("first.log")));
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, first.exitValue(), "killed by SIGKILL");
            api.onCall(null);
            release.countDown();
            assertEquals(List.of("echo: m1", "echo: m2"), api.sentTexts(9), "m3 was in handling when killed");

            api.pushMessage(9, 9, "m7"); // arrives while the bot is down
            restartUntilReplies(api, 7);
            List<String> expected = IntStream.rangeClosed(1, 7).mapToObj(i -> "echo: m" + i).toList();
            assertEquals(expected, api.sentTexts(9), "each update answered exactly once, in order");
            String log = Files.readString(dir.resolve("second.log"));
            assertTrue(log.contains("resuming update"), log);
            assertFalse(log.contains(TOKEN), log);
        }
    }

    /**
     * A lone update into a quiet bot is stored in the inbox journal, not the table, before it is handled: killed while
     * handling it, the bot finds it there at the next start and answers it, once.
     */
    @Test
    void killMinus9WhileALoneUpdateIsInTheJournalAnswersItAfterTheRestart() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            CountDownLatch firstHeld = new CountDownLatch(1);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger typing = new AtomicInteger();
            api.onCall(c -> {
                if (!c.method().equals("sendChatAction")) return;
                if (typing.incrementAndGet() == 1) firstHeld.countDown();
                if (typing.get() == 2) {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            api.pushMessage(9, 9, "m1");
            Process first = child(api, "first.log");
            api.awaitCalls(c -> c.method().equals("sendMessage") && c.status() == 200, 1, Duration.ofSeconds(30),
                    "the first reply");
            Thread.sleep(300); // the bot goes quiet: its done mark is written, it polls again
            api.pushMessage(9, 9, "m2"); // alone: into the journal
            assertTrue(held.await(30, TimeUnit.SECONDS), "the bot did not get to m2: "
                    + Files.readString(dir.resolve("first.log")));
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
                 java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox")) {
                assertEquals(1, r.getInt(1), "m2 is in the journal alone, not in the table");
            }
            first.destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            api.onCall(null);
            release.countDown();
            assertEquals(List.of("echo: m1"), api.sentTexts(9));

            restartUntilReplies(api, 2);
            assertEquals(List.of("echo: m1", "echo: m2"), api.sentTexts(9), "m2 answered once, after the restart");
            String log = Files.readString(dir.resolve("second.log"));
            assertTrue(log.contains("resuming update 2 whose handling was interrupted (attempt 2)"), log);
        }
    }

    /**
     * The one duplicate the design allows: a reply whose send was in flight at the kill (the server took it, the bot
     * never heard back, so the update was not marked done) is sent again after the restart. Nothing else repeats.
     */
    @Test
    void killMinus9WhileAReplyIsInFlightRepeatsOnlyThatReply() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            holdThird(api, "sendMessage", held, release);
            for (int i = 1; i <= 5; i++) api.pushMessage(9, 9, "m" + i);
            Process first = child(api, "first.log");
            assertTrue(held.await(30, TimeUnit.SECONDS), "the bot did not get to the third reply: "
                    + Files.readString(dir.resolve("first.log")));
            first.destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            api.onCall(null);
            release.countDown(); // the server delivers the third reply; the killed bot never learns it
            api.awaitCalls(c -> c.method().equals("sendMessage") && c.status() == 200, 3, Duration.ofSeconds(10),
                    "the held reply delivered");

            restartUntilReplies(api, 6);
            assertEquals(List.of("echo: m1", "echo: m2", "echo: m3", "echo: m3", "echo: m4", "echo: m5"),
                    api.sentTexts(9), "only the reply in flight at the kill was sent twice");
        }
    }
}
