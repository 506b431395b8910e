package ir.peyk.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.testing.LogCapture;
import ir.peyk.testing.Threads;
import ir.peyk.transport.console.ConsoleTransport;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramProfile;
import ir.peyk.transport.telegram.TelegramTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update loop end to end: FakeBotApi over real HTTP, a real SQLite inbox, a test middleware that replies. */
class BotAppTest {
    static final String TOKEN = "4242:TOP-SECRET-token";
    static final Duration WAIT = Duration.ofSeconds(8);
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(30), Duration.ofMillis(150), Duration.ofSeconds(5));

    @TempDir
    Path dir;
    FakeBotApi api;
    Database db;
    final List<String> operatorLines = new CopyOnWriteArrayList<>();
    final List<BotApp> apps = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        api = FakeBotApi.start(TOKEN);
        db = Database.open(dir.resolve("peyk.db"));
    }

    @AfterEach
    void close() {
        apps.forEach(BotApp::stop);
        db.close();
        api.close();
    }

    TelegramTransport telegram(TelegramProfile profile, FakeBotApi server) {
        return new TelegramTransport(profile, server.url(), TOKEN, new Throttle(Throttle.Limits.UNLIMITED), FAST, 1);
    }

    /** Replies "echo: TEXT" to messages; records every update it sees. */
    static Middleware echo(List<String> seen) {
        return (ctx, next) -> {
            Update u = ctx.update();
            if (u instanceof Message m) {
                seen.add(m.text());
                ctx.reply("echo: " + m.text());
            }
            next.run();
        };
    }

    BotApp.Builder builder() {
        return BotApp.builder(db).operator(operatorLines::add).grace(Duration.ofSeconds(5));
    }

    BotApp started(BotApp.Builder b) throws Exception {
        BotApp app = b.build();
        apps.add(app);
        app.start();
        return app;
    }

    @Test
    void aConversationIsAnsweredInOrder() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)).use(echo(seen)));
        api.pushMessage(42, 42, "/start");
        api.pushMessage(42, 42, "/summary");
        api.pushMessage(42, 42, "روبیکا چند کاربر دارد؟");
        api.awaitCalls("sendMessage", 3, WAIT);
        assertEquals(List.of("echo: /start", "echo: /summary", "echo: روبیکا چند کاربر دارد؟"), api.sentTexts(42));
    }

    @Test
    void middlewaresComposeAndSeeLanguageAndAdmin() throws Exception {
        Subscribers subs = new Subscribers(db);
        subs.setLanguage("telegram", "43", "en");
        List<String> order = new CopyOnWriteArrayList<>();
        Middleware first = (ctx, next) -> {
            order.add("first " + ctx.chat().id() + " " + ctx.lang() + " " + ctx.isAdmin());
            if (!ctx.update().toString().contains("stop-here")) next.run();
        };
        Middleware second = (ctx, next) -> {
            order.add("second " + ((Message) ctx.update()).text());
            ctx.reply("ok");
        };
        started(builder().subscribers(subs).admins((t, u) -> t.equals("telegram") && u.equals("43"))
                .transport(telegram(TelegramProfile.TELEGRAM, api)).use(first).use(second));
        api.pushMessage(42, 42, "stop-here");
        api.pushMessage(43, 43, "go");
        api.awaitCalls("sendMessage", 1, WAIT);
        eventually(() -> order.size() == 3);
        assertEquals(List.of("first 42 fa false", "first 43 en true", "second go"), order.stream().sorted().toList());
    }

    @Test
    void aPoisonUpdateAndAThrowingHandlerAreSkippedAndLaterUpdatesHandled() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Middleware boom = (ctx, next) -> {
            if (ctx.update() instanceof Message m && m.text().equals("boom")) throw new IllegalStateException("kaput");
            next.run();
        };
        BotApp app = started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)).use(boom).use(echo(seen)));
        api.pushMessage(1, 1, "first");
        long bad = api.pushRaw("{\"update_id\":%ID%,\"message\":{\"message_id\":[],\"chat\":7}}");
        api.pushMessage(1, 1, "boom");
        api.pushMessage(1, 1, "last");
        api.awaitCalls("sendMessage", 2, WAIT);
        assertEquals(List.of("echo: first", "echo: last"), api.sentTexts(1));
        assertEquals("poison", app.inbox().status("telegram", Long.toString(bad)));
        assertEquals("failed", app.inbox().status("telegram", Long.toString(bad + 1)));
    }

    @Test
    void everyButtonPressIsAnswered() throws Exception {
        List<String> handled = new CopyOnWriteArrayList<>();
        Middleware buttons = (ctx, next) -> {
            if (ctx.update() instanceof ButtonPress p) {
                handled.add(p.data());
                if (p.data().equals("answer")) ctx.transport().answerButton(p, "done");
                if (p.data().equals("throw")) throw new IllegalStateException("handler bug");
                // "ignore": the handler forgets to answer
            }
        };
        started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)).use(buttons));
        api.pushCallback(5, 5, 100, "answer");
        api.pushCallback(5, 5, 100, "ignore");
        api.pushCallback(5, 5, 100, "throw");
        List<FakeBotApi.Call> answers = api.awaitCalls("answerCallbackQuery", 3, WAIT);
        assertEquals(List.of("answer", "ignore", "throw"), handled);
        assertEquals(3, answers.stream().map(c -> c.param("callback_query_id")).distinct().count());
        assertEquals("done", answers.get(0).param("text"));
        Thread.sleep(200); // nothing more may come: each press answered exactly once
        assertEquals(3, api.calls("answerCallbackQuery").size());
    }

    @Test
    void aSlowChatDoesNotBlockAnotherAndEachChatStaysInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        Middleware slow = (ctx, next) -> {
            if (ctx.chat().id().equals("1") && ((Message) ctx.update()).text().equals("a1")) {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            }
            next.run();
        };
        started(builder().workers(4).transport(telegram(TelegramProfile.TELEGRAM, api)).use(slow).use(echo(seen)));
        api.pushMessage(1, 1, "a1");
        api.pushMessage(1, 1, "a2");
        api.pushMessage(2, 2, "b1");
        api.pushMessage(2, 2, "b2");
        api.awaitCalls(c -> c.method().equals("sendMessage") && "2".equals(c.param("chat_id")), 2, WAIT, "chat 2");
        assertEquals(List.of(), api.sentTexts(1), "chat 1 waits for its slow first update");
        release.countDown();
        api.awaitCalls("sendMessage", 4, WAIT);
        assertEquals(List.of("echo: a1", "echo: a2"), api.sentTexts(1));
        assertEquals(List.of("echo: b1", "echo: b2"), api.sentTexts(2));
    }

    @Test
    void aLoneUpdateIsAnsweredOnThePollerAndASlowOneDoesNotHoldUpPolling() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        Middleware slow = (ctx, next) -> {
            String text = ((Message) ctx.update()).text();
            threads.add(text + "@" + Thread.currentThread().getName());
            if (text.equals("slow")) assertTrue(release.await(10, TimeUnit.SECONDS));
            next.run();
        };
        BotApp app = started(builder().workers(4).transport(telegram(TelegramProfile.TELEGRAM, api)).use(slow)
                .use(echo(seen)));
        api.pushMessage(1, 1, "first");
        api.awaitCalls("sendMessage", 1, WAIT);
        assertTrue(app.awaitIdle(WAIT)); // its reply is out before its handler has returned
        api.pushMessage(1, 1, "quick");
        api.awaitCalls("sendMessage", 2, WAIT);
        assertEquals("quick@peyk-poll-telegram", threads.get(1), "a lone update into an idle bot: its poller answers it");
        assertTrue(app.awaitIdle(WAIT));

        api.pushMessage(1, 1, "slow");
        awaitTrue(() -> threads.size() == 3, "the slow one is being handled");
        assertEquals("slow@peyk-poll-telegram", threads.get(2));
        api.pushMessage(2, 2, "meanwhile");
        api.awaitCalls(c -> c.method().equals("sendMessage") && "2".equals(c.param("chat_id")), 1, WAIT,
                "chat 2 answered while the poller's own update is still being handled");
        assertEquals(List.of("echo: first", "echo: quick"), api.sentTexts(1), "the slow one is still held");
        release.countDown();
        api.awaitCalls("sendMessage", 4, WAIT);
        api.pushMessage(1, 1, "after");
        api.awaitCalls("sendMessage", 5, WAIT);
        assertEquals(List.of("echo: first", "echo: quick", "echo: slow", "echo: after"), api.sentTexts(1));
        assertEquals(List.of("first", "quick", "meanwhile", "slow", "after"), seen);
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("peyk-poll-telegram") && t.isAlive()).count() == 1,
                "one thread polls: the relieved one stopped once its update was answered");
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting: " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void restartNeitherLosesNorRepeatsAndResumesFromTheStoredOffset() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        BotApp first = started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)).use(echo(seen)));
        api.pushMessage(9, 9, "m1");
        long second = api.pushMessage(9, 9, "m2");
        api.awaitCalls("sendMessage", 2, WAIT);
        first.stop();
        api.pushMessage(9, 9, "m3");
        // A crash after storing but before handling leaves a pending row: store one the way a poll would.
        first.inbox().submit("telegram", new Batch(List.of(Batch.Item.ok(new Message("telegram", "900",
                new Chat("9", Chat.Type.PRIVATE, null), null, "1", "stored-before-crash", false, 0))), null));
        int callsBefore = api.calls("getUpdates").size();
        started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)).use(echo(seen)));
        api.awaitCalls("sendMessage", 4, WAIT);
        assertEquals(Long.toString(second + 1), api.calls("getUpdates").get(callsBefore).param("offset"),
                "polling resumes from the stored offset");
        Thread.sleep(300); // time for any wrongful repeat to show
        assertEquals(List.of("echo: m1", "echo: m2", "echo: stored-before-crash", "echo: m3"),
                api.sentTexts(9).stream().sorted((a, b) -> order(a) - order(b)).toList());
        assertEquals(4, api.sentTexts(9).size());
        assertEquals(4, seen.size());
    }

    static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + WAIT);
            Thread.sleep(10);
        }
    }

    private static int order(String s) {
        return s.contains("m1") ? 1 : s.contains("m2") ? 2 : s.contains("crash") ? 3 : 4;
    }

    @Test
    void duplicatesAreIgnoredAndRowsInterruptedTooOftenAreGivenUp() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Inbox inbox = new Inbox(db);
        Batch same = new Batch(List.of(Batch.Item.ok(new Message("telegram", "77", new Chat("3", Chat.Type.PRIVATE, null),
                null, "1", "once", false, 0))), "78");
        inbox.submit("telegram", same);
        inbox.submit("telegram", same); // a webhook retried, or a clone re-sending
        inbox.submit("telegram", new Batch(List.of(Batch.Item.ok(new Message("telegram", "76",
                new Chat("4", Chat.Type.PRIVATE, null), null, "1", "crashes-the-bot", false, 0))), null));
        long crashing = inbox.pending(0, Set.of("telegram"), 10).stream().filter(r -> r.key().equals("76")).findFirst()
                .orElseThrow().id();
        for (int i = 0; i < Dispatcher.MAX_ATTEMPTS; i++) inbox.started(crashing);
        started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)).use(echo(seen)));
        api.awaitCalls("sendMessage", 1, WAIT);
        assertEquals(List.of("echo: once"), api.sentTexts(3));
        assertEquals("78", api.awaitCalls("getUpdates", 1, WAIT).get(0).param("offset"));
        assertEquals(List.of("once"), seen);
        assertEquals("failed", inbox.status("telegram", "76"));
    }

    @Test
    void webhookSubmittedUpdatesAreDispatched() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        TelegramTransport t = telegram(TelegramProfile.TELEGRAM, api);
        BotApp app = started(builder().transport(t, BotApp.Receive.WEBHOOK).use(echo(seen)));
        String body = "{\"update_id\":31,\"message\":{\"message_id\":1,\"chat\":{\"id\":8,\"type\":\"private\"},"
                + "\"from\":{\"id\":8},\"text\":\"via webhook\"}}";
        app.inbox().submit("telegram", app.transport("telegram").decodeWebhook(body.getBytes(StandardCharsets.UTF_8),
                "application/json"));
        api.awaitCalls("sendMessage", 1, WAIT);
        assertEquals(List.of("echo: via webhook"), api.sentTexts(8));
        assertTrue(api.calls("getUpdates").isEmpty(), "a webhook transport is not polled");
    }

    @Test
    void aRefusedTokenIsOneClearLineAndTheOtherTransportsGoOn() throws Exception {
        try (FakeBotApi bale = FakeBotApi.start(TOKEN, 0)) {
            api.refuseToken(401);
            List<String> seen = new CopyOnWriteArrayList<>();
            started(builder().transport(telegram(TelegramProfile.TELEGRAM, api))
                    .transport(telegram(TelegramProfile.BALE, bale)).use(echo(seen)));
            assertEquals(List.of("telegram: the token was refused (401 Unauthorized) — check PEYK_TELEGRAM_TOKEN"), operatorLines);
            assertEquals(1, api.calls().size(), "no retry loop: one getMe");
            bale.pushMessage(6, 6, "hi");
            bale.awaitCalls("sendMessage", 1, WAIT);
            assertEquals(List.of("echo: hi"), bale.sentTexts(6));
        }
    }

    @Test
    void noTransportLeftAtStartFails() throws Exception {
        api.refuseToken(404);
        BotApp app = builder().transport(telegram(TelegramProfile.TELEGRAM, api)).build();
        assertThrows(IllegalStateException.class, app::start);
        assertEquals(List.of("telegram: the token was refused (404 Not Found) — check PEYK_TELEGRAM_TOKEN"), operatorLines);
    }

    @Test
    void aConflictIsSaidPlainlyAndEndsTheBotWhenNothingElseReceives() throws Exception {
        api.conflict(true);
        BotApp app = started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)));
        assertEquals(1, app.awaitTermination());
        assertEquals(List.of("telegram: another poller or a webhook is using this token (409); deleteWebhook or stop "
                + "the other process"), operatorLines);
        assertEquals(1, api.calls("getUpdates").size());
    }

    @Test
    void consoleEndOfInputAnswersEverythingThenEndsCleanly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleTransport console = new ConsoleTransport(new ByteArrayInputStream(
                "/start\n/press 1\nسوال\n".getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8));
        Middleware bot = (ctx, next) -> {
            if (ctx.update() instanceof Message m && m.text().equals("/start")) {
                ctx.reply(new Reply("welcome", List.of(List.of(new Button("more", "more")))));
            } else if (ctx.update() instanceof ButtonPress p) {
                ctx.reply("pressed " + p.data());
            } else if (ctx.update() instanceof Message m) {
                ctx.reply("answer to " + m.text());
            }
        };
        Set<String> before = Threads.nonDaemon();
        BotApp app = started(builder().transport(console).use(bot));
        assertEquals(0, app.awaitTermination());
        String printed = out.toString(StandardCharsets.UTF_8);
        int welcome = printed.indexOf("welcome\n[1] more");
        int pressed = printed.indexOf("pressed more");
        int answer = printed.indexOf("answer to سوال");
        assertTrue(welcome >= 0 && pressed > welcome && answer > pressed, printed);
        assertEquals(before, Threads.nonDaemon());
    }

    @Test
    void shutdownLeavesNoThreadsAndLogsNoToken() throws Exception {
        Set<String> before = Threads.nonDaemon();
        try (LogCapture logs = new LogCapture()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            api.serverErrorNext("sendMessage", 1, 502).rateLimitNext("sendMessage", 0).malformedNext("getUpdates");
            BotApp app = started(builder().transport(telegram(TelegramProfile.TELEGRAM, api)).use(echo(seen)));
            api.pushMessage(1, 1, "one");
            api.pushRaw("{\"update_id\":%ID%,\"message\":\"not an object\"}");
            api.pushMessage(2, 2, "two");
            api.forbidChat(3);
            api.pushMessage(3, 3, "blocked");
            api.awaitCalls(c -> c.method().equals("sendMessage") && c.status() == 200, 2, WAIT, "sends");
            api.awaitCalls(c -> c.method().equals("sendMessage") && c.status() == 403, 1, WAIT, "403");
            assertFalse(Threads.nonDaemon().equals(before), "the bot runs threads of its own");
            app.stop();
            assertEquals(before, Threads.nonDaemon());
            List<String> lines = logs.lines();
            assertTrue(lines.stream().anyMatch(l -> l.contains("502")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("could not be read")), lines.toString());
            for (String l : lines) assertFalse(l.contains("TOP-SECRET"), l);
        }
    }
}
