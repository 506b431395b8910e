package ir.peyk.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Update;
import ir.peyk.adapter.User;
import ir.peyk.config.PeykConfig;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.Throttle;
import ir.peyk.transport.telegram.TelegramTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The admin flow through the middleware, with the real Telegram transport against the fake Bot API. */
class BroadcastCommandsTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final long ADMIN = 1;
    private static final long STRANGER = 99;

    @TempDir
    Path dir;

    FakeBotApi api;
    Database db;
    Broadcasts broadcasts;
    TelegramTransport transport;
    BotInfo me;
    BroadcastWorker worker;
    BroadcastCommands commands;
    final AtomicInteger passed = new AtomicInteger();
    final AtomicLong keys = new AtomicLong();

    @BeforeEach
    void setUp() throws Exception {
        api = FakeBotApi.start(Kit.TOKEN);
        PeykConfig config = Kit.config(dir, api.url(), List.of());
        db = Database.open(config.store());
        broadcasts = new Broadcasts(new BroadcastStore(db), new Subscribers(db), config);
        Kit.subscribe(db, new Subscribers(db), 1, 60); // the admin's chat 1 is a subscriber too
    }

    private void startWorker(Throttle.Limits limits) throws Exception {
        transport = Kit.transport(api, limits);
        me = transport.start();
        worker = new BroadcastWorker(broadcasts.store(), new Subscribers(db), Map.of("telegram", transport),
                Kit.fastSettings());
        worker.start();
        commands = new BroadcastCommands(broadcasts, worker);
    }

    @AfterEach
    void tearDown() {
        if (worker != null) worker.stop(Duration.ofSeconds(5));
        db.close();
        api.close();
    }

    private void handle(Update u, boolean admin) throws Exception {
        commands.handle(new Context(u, transport, me, "en", admin), passed::incrementAndGet);
    }

    private Message text(long user, String text) {
        return new Message("telegram", "k" + keys.incrementAndGet(), new Chat(Long.toString(user), Chat.Type.PRIVATE,
                null), new User(Long.toString(user), "u" + user, "User", false), "m" + keys.get(), text, false, 0);
    }

    private ButtonPress press(long user, String messageId, String data) {
        return new ButtonPress("telegram", "k" + keys.incrementAndGet(), new Chat(Long.toString(user),
                Chat.Type.PRIVATE, null), new User(Long.toString(user), "u" + user, "User", false),
                "cb" + keys.get(), messageId, data);
    }

    /** The last message the bot sent into {@code chat}, with its id. */
    private FakeBotApi.Call lastSent(long chat) {
        List<FakeBotApi.Call> calls = api.calls("sendMessage").stream()
                .filter(c -> Long.toString(chat).equals(c.param("chat_id"))).toList();
        return calls.get(calls.size() - 1);
    }

    @Test
    void anAdminPreviewsConfirmsAndFollowsABroadcast() throws Exception {
        startWorker(new Throttle.Limits(40, 0, 0)); // ~1.5 s: time for progress edits
        handle(text(ADMIN, "/broadcast Hello everyone\nsecond line"), true);

        FakeBotApi.Call preview = lastSent(ADMIN);
        Job draft = broadcasts.store().recent(1).get(0);
        assertEquals(Job.Status.PENDING_CONFIRMATION, draft.status());
        assertEquals("Hello everyone\nsecond line", draft.text());
        assertTrue(preview.param("text").contains("Hello everyone\nsecond line"), preview.param("text"));
        assertTrue(preview.param("text").contains("60 recipients"), preview.param("text"));
        String markup = preview.param("reply_markup");
        assertTrue(markup.contains("bc:ok:" + draft.id()) && markup.contains("bc:no:" + draft.id()), markup);
        assertEquals(1, api.calls("sendMessage").size(), "nothing goes out before the confirmation");

        String previewId = Long.toString(api.calls("sendMessage").size() + 1000L);
        handle(press(ADMIN, previewId, "bc:ok:" + draft.id()), true);
        assertEquals(1, api.calls("answerCallbackQuery").size(), "the press is answered");
        Job running = broadcasts.store().job(draft.id()).orElseThrow();
        assertEquals(Job.Status.RUNNING, running.status());
        assertEquals(60, running.total());
        assertEquals(new Job.Notify("telegram", "1", previewId), running.admin());

        Job done = Kit.awaitFinished(broadcasts.store(), draft.id(), Duration.ofSeconds(20));
        assertEquals(60, done.sent());
        for (long chat = 2; chat <= 60; chat++) assertEquals(List.of("Hello everyone\nsecond line"), api.sentTexts(chat));

        // One message edited as the job runs, a final state, and a summary as a new message.
        api.awaitCalls(c -> c.method().equals("sendMessage") && "1".equals(c.param("chat_id"))
                && c.param("text").contains("finished"), 1, Duration.ofSeconds(10), "the summary");
        List<FakeBotApi.Call> edits = api.calls("editMessageText");
        assertTrue(edits.stream().allMatch(c -> previewId.equals(c.param("message_id"))), "always the same message");
        assertTrue(edits.stream().anyMatch(c -> c.param("text").contains("sending")), "progress shown");
        assertTrue(edits.stream().anyMatch(c -> c.param("text").contains("left")), "sent / failed / left");
        assertTrue(edits.get(edits.size() - 1).param("text").contains("finished"), "the final state");

        // A second press on the old preview changes nothing.
        handle(press(ADMIN, previewId, "bc:ok:" + draft.id()), true);
        assertEquals(60, broadcasts.store().job(draft.id()).orElseThrow().total());
        assertEquals(2, api.calls("answerCallbackQuery").size());
        assertTrue(api.calls("answerCallbackQuery").get(1).param("text").contains("finished"));
        assertEquals(0, passed.get(), "broadcast updates do not reach the router");
    }

    @Test
    void cancellingThePreviewSendsNothing() throws Exception {
        startWorker(Throttle.Limits.UNLIMITED);
        handle(text(ADMIN, "/broadcast Not this one"), true);
        Job draft = broadcasts.store().recent(1).get(0);
        handle(press(ADMIN, "1001", "bc:no:" + draft.id()), true);

        assertEquals(Job.Status.CANCELLED, broadcasts.store().job(draft.id()).orElseThrow().status());
        assertEquals(1, api.calls("answerCallbackQuery").size());
        assertTrue(api.calls("editMessageText").get(0).param("text").contains("cancelled"));
        Thread.sleep(300); // the worker polls: it must find nothing to send
        assertEquals(1, api.calls("sendMessage").size(), "only the preview was ever sent");
        assertTrue(broadcasts.store().queue().countByStatus(draft.id()).isEmpty(), "a cancelled draft has no rows");
    }

    @Test
    void aNonAdminIsRefusedLoggedAndNothingIsStored() throws Exception {
        startWorker(Throttle.Limits.UNLIMITED);
        Logger logger = (Logger) LoggerFactory.getLogger(BroadcastCommands.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            handle(text(STRANGER, "/broadcast buy my secret product"), false);
        } finally {
            logger.detachAppender(log);
        }
        assertTrue(lastSent(STRANGER).param("text").contains("Only the bot's admins"), lastSent(STRANGER).param("text"));
        assertTrue(broadcasts.store().recent(10).isEmpty(), "no job row exists");
        assertEquals(1, log.list.size());
        String line = log.list.get(0).getFormattedMessage();
        assertTrue(line.contains("telegram:99"), line);
        assertFalse(line.contains("secret"), "the text is not logged: " + line);

        // Nor can a non-admin confirm an admin's draft.
        handle(text(ADMIN, "/broadcast From the admin"), true);
        Job draft = broadcasts.store().recent(1).get(0);
        handle(press(STRANGER, "1002", "bc:ok:" + draft.id()), false);
        assertEquals(Job.Status.PENDING_CONFIRMATION, broadcasts.store().job(draft.id()).orElseThrow().status());
        assertTrue(api.calls("answerCallbackQuery").get(0).param("text").contains("Only admins"));
    }

    @Test
    void statusCancelAndBadInputAnswerClearly() throws Exception {
        // The admin's replies share the throttle with the worker's 8 senders, so each reply waits for about 9 tokens:
        // with only the 60 subscribers the job could end before the cancel below. 2,000 more recipients keep it
        // running for minutes at 5/s, however slowly the admin's replies get their turn on a loaded machine.
        Kit.subscribe(db, new Subscribers(db), 10_000, 2_000);
        startWorker(new Throttle.Limits(5, 0, 0));
        handle(text(ADMIN, "/broadcast"), true);
        assertTrue(lastSent(ADMIN).param("text").startsWith("Usage: /broadcast"), "a bare command explains itself");
        handle(text(ADMIN, "/broadcast_status"), true);
        assertEquals("No broadcasts yet.", lastSent(ADMIN).param("text"));

        Job job = broadcasts.create("Long one", "cli", "en");
        worker.wake();
        api.awaitCalls(c -> c.method().equals("sendMessage") && "Long one".equals(c.param("text")), 5,
                Duration.ofSeconds(10), "the first sends");
        handle(text(ADMIN, "/broadcast_status " + job.id()), true);
        assertTrue(lastSent(ADMIN).param("text").startsWith("#" + job.id() + " sending — sent"),
                lastSent(ADMIN).param("text"));

        handle(text(ADMIN, "/broadcast_cancel ۹۹۹"), true); // Persian digits are understood
        assertEquals("There is no broadcast #999.", lastSent(ADMIN).param("text"));
        handle(text(ADMIN, "/broadcast_cancel abc"), true);
        assertTrue(lastSent(ADMIN).param("text").contains("is not a broadcast number"));
        handle(text(ADMIN, "/broadcast_cancel@" + me.username() + " " + job.id()), true);
        assertTrue(lastSent(ADMIN).param("text").startsWith("Broadcast #" + job.id() + " is cancelled"),
                lastSent(ADMIN).param("text"));
        Job after = broadcasts.store().job(job.id()).orElseThrow();
        assertEquals(Job.Status.CANCELLED, after.status());
        // Cancelled before the end (how many went first depends on the machine's load, not on the feature).
        assertTrue(after.sent() < 2_060, "sent " + after.sent());

        handle(text(ADMIN, "/broadcast_cancel " + job.id()), true);
        assertTrue(lastSent(ADMIN).param("text").contains("is cancelled already"), lastSent(ADMIN).param("text"));
    }

    @Test
    void otherUpdatesPassToTheNextMiddleware() throws Exception {
        startWorker(Throttle.Limits.UNLIMITED);
        handle(text(ADMIN, "/start"), true);
        handle(text(ADMIN, "/broadcast@some_other_bot hi"), true);
        handle(text(ADMIN, "/broadcasting is not our command"), true);
        handle(press(ADMIN, "1001", "more:2"), true);
        assertEquals(4, passed.get());
        assertTrue(broadcasts.store().recent(10).isEmpty());
        assertTrue(api.calls("sendMessage").isEmpty());
    }

    @Test
    void commandParsing() {
        BroadcastCommands.Command c = BroadcastCommands.Command.parse("/Broadcast@Peyk_Test_Bot  hi\nthere ", "peyk_test_bot");
        assertEquals("broadcast", c.name());
        assertEquals("hi\nthere", c.args());
        assertTrue(c.ours());
        assertFalse(BroadcastCommands.Command.parse("/broadcast@other hi", "peyk_test_bot").ours());
        assertEquals(java.util.Optional.of(12L), BroadcastCommands.parseId("#۱۲"));
        assertTrue(BroadcastCommands.parseId("12a").isEmpty());
    }
}
