package ir.peyk.transport.rubika;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.BotStopped;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.TransportException;
import ir.peyk.config.TransportConfig;
import ir.peyk.testing.FakeRubika;
import ir.peyk.testing.LogCapture;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RubikaTransportTest {
    static final String TOKEN = "RUBIKASECRETTOKENQWERTYUIOPASDFGHJKLZXCVBNM0123456789ABCDEFGHIJKL";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));
    static final String USER_CHAT = "b0QFtabc1I02214b529f1d60c9ce5b08";
    static final String USER = "u0QFtn01dd26d72abc5c77b8e116cd79";

    FakeRubika fake;
    final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeRubika(TOKEN);
    }

    @AfterEach
    void tearDown() throws Exception {
        fake.close();
    }

    RubikaTransport transport(String mode, Map<String, String> extra) {
        return transport(mode, extra, FAST);
    }

    RubikaTransport transport(String mode, Map<String, String> extra, RetryPolicy retry) {
        Map<String, String> options = new HashMap<>(Map.of("pollIdleMillis", "0", "tooRequestsBaseMillis", "5"));
        options.putAll(extra);
        TransportConfig c = new TransportConfig("rubika", true, TOKEN, fake.apiUrl(), mode, List.of(), options);
        return new RubikaTransport(c, http, new Throttle(Throttle.Limits.UNLIMITED), retry,
                List.of(new BotCommand("/start", "شروع"), new BotCommand("help", "راهنما")));
    }

    RubikaTransport transport() {
        return transport("polling", Map.of());
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void fullConversationStartQuestionKeypadPressStop() throws Exception {
        RubikaTransport t = transport();
        BotInfo me = t.start();
        assertEquals(new BotInfo("b0peykbot", "peyk_bot", "Peyk"), me);
        JsonNode commands = fake.calls("setCommands").get(0).body().path("bot_commands");
        assertEquals("start", commands.get(0).path("command").asText(), "the slash is not sent");
        assertEquals("راهنما", commands.get(1).path("description").asText());

        fake.queue(FakeRubika.startedBot(USER_CHAT));
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "501", "روبیکا چند کاربر دارد؟", now()));
        Batch first = t.poll(null);
        assertEquals(2, first.items().size());
        Message start = assertInstanceOf(Message.class, first.items().get(0).update());
        assertEquals("/start", start.text());
        assertEquals(new Chat(USER_CHAT, Chat.Type.PRIVATE, null), start.chat());
        Message question = assertInstanceOf(Message.class, first.items().get(1).update());
        assertEquals("روبیکا چند کاربر دارد؟", question.text());
        assertEquals(USER, question.from().id());
        assertEquals("rubika", question.transport());
        assertTrue(question.dateMillis() > 0);

        // The bot answers with buttons: in polling mode they go out as a chat keypad (its presses come back by polling).
        Sent sent = t.send(USER_CHAT, new Reply("پاسخ", List.of(
                List.of(new Button("بیشتر", "more:1")), List.of(new Button("شاهد", "ev:1"), new Button("نقل‌قول", "q")))));
        assertEquals("1000", sent.messageId());
        JsonNode req = fake.calls("sendMessage").get(0).body();
        assertEquals(USER_CHAT, req.path("chat_id").asText());
        assertEquals("پاسخ", req.path("text").asText());
        assertEquals("New", req.path("chat_keypad_type").asText());
        assertFalse(req.has("inline_keypad"));
        JsonNode rows = req.path("chat_keypad").path("rows");
        assertEquals(2, rows.size());
        JsonNode b = rows.get(1).path("buttons").get(0);
        assertEquals("ev:1", b.path("id").asText());
        assertEquals("Simple", b.path("type").asText());
        assertEquals("شاهد", b.path("button_text").asText());
        assertTrue(req.path("chat_keypad").path("resize_keyboard").asBoolean());

        fake.queue(FakeRubika.keypadPress(USER_CHAT, USER, "503", "شاهد", "ev:1", now()));
        fake.queue(FakeRubika.stoppedBot(USER_CHAT));
        Batch second = t.poll(first.nextOffset());
        ButtonPress press = assertInstanceOf(ButtonPress.class, second.items().get(0).update());
        assertEquals("ev:1", press.data());
        assertNull(press.callbackId(), "Rubika has no callback answers");
        assertEquals(USER_CHAT, press.chat().id());
        // The press is the user's message 503; the bot may edit only its own, so the press points at the bot's
        // message that carried the keypad ("more" grows it in place).
        assertEquals("1000", press.messageId());
        t.edit(USER_CHAT, press.messageId(), Reply.text("پاسخ کامل‌تر"));
        assertEquals("1000", fake.calls("editMessageText").get(0).body().path("message_id").asText());
        // Stopping the bot is no message to answer: it only unsubscribes.
        BotStopped stop = assertInstanceOf(BotStopped.class, second.items().get(1).update());
        assertEquals(USER_CHAT, stop.chat().id());
    }

    @Test
    void aKeypadPressWithoutAKnownKeypadMessageCarriesNoMessageToEdit() throws Exception {
        RubikaTransport t = transport();
        t.start();
        t.send(USER_CHAT, Reply.text("بدون دکمه"));            // a reply without a keypad is not what a press edits
        fake.queue(FakeRubika.keypadPress(USER_CHAT, USER, "503", "شاهد", "ev:1", now()));
        ButtonPress press = assertInstanceOf(ButtonPress.class, t.poll(null).items().get(0).update());
        assertNull(press.messageId(), "the user's own press message must not be edited");
    }

    /** An expired offset_id is refused for ever: after three refusals it is dropped with one WARN and polling resumes. */
    @Test
    void anOffsetTheServerKeepsRefusingIsDroppedAndPollingResumes() throws Exception {
        RubikaTransport t = transport();
        t.start();
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "601", "هنوز اینجایید؟", now()));
        String refused = "{\"status\":\"INVALID_INPUT\",\"dev_message\":\"offset_id is invalid\"}";
        fake.script("getUpdates", refused, refused, refused);
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < RubikaTransport.OFFSET_REFUSALS_BEFORE_RESET - 1; i++) {
                assertEquals(TransportException.Kind.REJECTED,
                        assertThrows(TransportException.class, () -> t.poll("expired")).kind());
            }
            Batch b = t.poll("expired");
            assertEquals(1, b.items().size(), "polling resumed from the server's oldest kept update");
            assertEquals("o1", b.nextOffset(), "the server's new offset replaces the refused one");
            List<JsonNode> asked = fake.calls("getUpdates").stream().map(FakeRubika.Call::body).toList();
            assertEquals(4, asked.size());
            assertEquals("expired", asked.get(2).path("offset_id").asText());
            assertFalse(asked.get(3).has("offset_id"), "the refused offset was dropped");
            List<String> warns = logs.lines().stream().filter(l -> l.startsWith("WARN") && l.contains("offset")).toList();
            assertEquals(1, warns.size(), warns.toString());
            assertFalse(warns.get(0).contains(TOKEN));
        }
    }

    @Test
    void webhookModeSendsInlineKeypadAndDecodesBothWebhookBodies() throws Exception {
        RubikaTransport t = transport("webhook", Map.of());
        t.start();
        t.send(USER_CHAT, new Reply("x", List.of(List.of(new Button("بیشتر", "more:2")))));
        JsonNode req = fake.calls("sendMessage").get(0).body();
        assertFalse(req.has("chat_keypad"));
        assertEquals("more:2", req.path("inline_keypad").path("rows").get(0).path("buttons").get(0).path("id").asText());

        String inline = "{\"inline_message\":{\"sender_id\":\"" + USER + "\",\"text\":\"بیشتر\",\"location\":null,"
                + "\"aux_data\":{\"start_id\":null,\"button_id\":\"more:2\"},\"message_id\":\"1000\",\"chat_id\":\"" + USER_CHAT + "\"}}";
        Batch b = t.decodeWebhook(inline.getBytes(StandardCharsets.UTF_8), "application/json");
        ButtonPress press = assertInstanceOf(ButtonPress.class, b.items().get(0).update());
        assertEquals("more:2", press.data());
        assertEquals("1000", press.messageId());
        assertEquals(USER, press.from().id());
        assertNull(b.nextOffset());

        long sentAt = now();
        String update = "{\"update\":" + FakeRubika.newMessage(USER_CHAT, USER, "777", "سلام", sentAt) + "}";
        Message m = assertInstanceOf(Message.class,
                t.decodeWebhook(update.getBytes(StandardCharsets.UTF_8), "application/json").items().get(0).update());
        assertEquals("سلام", m.text());
        assertEquals("NewMessage:777:" + sentAt, m.key());
        assertEquals(sentAt * 1000, m.dateMillis());

        t.registerWebhook("https://bot.example/hook/rubika/s3cret");
        List<FakeRubika.Call> endpoints = fake.calls("updateBotEndpoints");
        assertEquals(List.of("ReceiveUpdate", "ReceiveInlineMessage"),
                endpoints.stream().map(c -> c.body().path("type").asText()).toList());
    }

    @Test
    void offsetIsPassedOnAndKeptWhenTheServerSendsNone() throws Exception {
        RubikaTransport t = transport();
        t.start();
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "1", "a", now()));
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "2", "b", now()));
        Batch one = t.poll(null);
        assertEquals("o2", one.nextOffset());
        assertFalse(fake.calls("getUpdates").get(0).body().has("offset_id"));
        assertEquals(100, fake.calls("getUpdates").get(0).body().path("limit").asInt());

        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "3", "c", now()));
        Batch two = t.poll(one.nextOffset());
        assertEquals("o2", fake.calls("getUpdates").get(1).body().path("offset_id").asText());
        assertEquals(1, two.items().size());
        assertEquals("c", ((Message) two.items().get(0).update()).text());
        assertEquals("o3", two.nextOffset());

        fake.script("getUpdates", "{\"status\":\"OK\",\"data\":{\"updates\":[]}}");
        assertEquals("o3", t.poll("o3").nextOffset(), "no next_offset_id: keep the one we have");
    }

    @Test
    void backlogOlderThanMaxBacklogIsSkippedAtStart() throws Exception {
        RubikaTransport t = transport("polling", Map.of("maxBacklogSeconds", "600"));
        long now = now();
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "10", "دیروز", now - 86_400));
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "11", "یک ساعت پیش", now - 3_600));
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "12", "پنج دقیقه پیش", now - 300));
        fake.queue(FakeRubika.startedBot(USER_CHAT)); // no time: never counted as backlog
        t.start();
        Batch b = t.poll(null);
        assertEquals(List.of("پنج دقیقه پیش", "/start"), b.items().stream().map(i -> ((Message) i.update()).text()).toList());
        assertEquals("o4", b.nextOffset(), "skipped updates are consumed, not re-polled");
    }

    @Test
    void replaysKeepTheirKeysAndDistinctUpdatesGetDistinctKeys() throws Exception {
        RubikaTransport t = transport();
        t.start();
        long now = now();
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "42", "سوال", now));
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "42", "سوال", now)); // the server delivered it twice
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "43", "سوال", now));
        fake.queue(FakeRubika.startedBot(USER_CHAT));
        Batch b = t.poll(null);
        assertEquals("NewMessage:42:" + now, b.items().get(0).key());
        assertEquals(b.items().get(0).key(), b.items().get(1).key());
        assertNotEquals(b.items().get(0).key(), b.items().get(2).key());
        // A replay of the same batch (the offset was not yet confirmed) gives the same keys, StartedBot included.
        Batch again = t.poll(null);
        assertEquals(b.items().stream().map(Batch.Item::key).toList(), again.items().stream().map(Batch.Item::key).toList());
        // A later StartedBot in the same chat is a new event.
        fake.queue(FakeRubika.startedBot(USER_CHAT));
        Batch later = t.poll(b.nextOffset());
        assertNotEquals(b.items().get(3).key(), later.items().get(0).key());
        // A string time and a number time are the same update.
        var numeric = FakeRubika.newMessage(USER_CHAT, USER, "42", "سوال", now);
        ((com.fasterxml.jackson.databind.node.ObjectNode) numeric.get("new_message")).put("time", now);
        Batch viaHook = t.decodeWebhook(("{\"update\":" + numeric + "}").getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(b.items().get(0).key(), viaHook.items().get(0).key());
    }

    @Test
    void tooRequestsBacksOffThenSucceeds() throws Exception {
        RubikaTransport t = transport();
        t.start();
        fake.script("sendMessage", "{\"status\":\"TOO_REQUESTS\"}", "{\"status\":\"TOO_REQUEST\"}");
        Sent s = t.send(USER_CHAT, Reply.text("سلام"));
        assertEquals("1000", s.messageId());
        assertEquals(3, fake.calls("sendMessage").size(), "two refusals, then the send went through");
    }

    @Test
    void endlessTooRequestsGivesUpInsteadOfWaitingForever() throws Exception {
        RubikaTransport t = transport("polling", Map.of(),
                new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(100)));
        t.start();
        String[] refusals = new String[20];
        java.util.Arrays.fill(refusals, "{\"status\":\"TOO_REQUESTS\"}");
        fake.script("sendMessage", refusals);
        // waits 5, 10, 20 … ms; the first wait above the policy's 100 ms cap ends the call
        TransportException e = assertThrows(TransportException.class, () -> t.send(USER_CHAT, Reply.text("x")));
        assertEquals(TransportException.Kind.UNAVAILABLE, e.kind());
        assertEquals(6, fake.calls("sendMessage").size(), "5, 10, 20, 40, 80 ms waited; 160 ms is over the cap");
    }

    /**
     * The count of TOO_REQUESTS is the call's own (one method, one chat): the poller's getUpdates answering OK every
     * moment does not reset it, so a lasting refusal escalates and gives up instead of retrying for ever. The log
     * says what Rubika said, not a 429 wait "as asked" that Rubika never named.
     */
    @Test
    void tooRequestsOnSendEscalatesWhileGetUpdatesSucceeds() throws Exception {
        // waits of 50, 100, 200, 400, 800 ms: long enough for the poller to get many OK answers in between
        RubikaTransport t = transport("polling", Map.of("tooRequestsBaseMillis", "50"),
                new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(1000)));
        t.start();
        String[] refusals = new String[40];
        java.util.Arrays.fill(refusals, "{\"status\":\"TOO_REQUESTS\"}");
        fake.script("sendMessage", refusals);
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                try {
                    t.poll(null);
                } catch (TransportException e) {
                    return;
                }
            }
        });
        try (LogCapture logs = new LogCapture()) {
            poller.start();
            fake.awaitCalls("getUpdates", 1, Duration.ofSeconds(10));
            TransportException e = assertThrows(TransportException.class, () -> t.send(USER_CHAT, Reply.text("x")));
            polling.set(false);
            poller.join(10_000);
            assertEquals(TransportException.Kind.UNAVAILABLE, e.kind());
            assertEquals(6, fake.calls("sendMessage").size(), "50 … 800 ms waited; 1600 ms is over the cap");
            assertTrue(fake.calls("getUpdates").size() > 1, "getUpdates went on meanwhile");
            assertTrue(e.getMessage().contains("TOO_REQUESTS"), e.getMessage());
            List<String> waits = logs.lines().stream().filter(l -> l.contains("sendMessage")).toList();
            assertTrue(waits.stream().anyMatch(l -> l.contains("TOO_REQUESTS") && l.contains("no wait was named")), waits.toString());
            assertTrue(waits.stream().noneMatch(l -> l.contains("as asked") || l.contains("(429)")), waits.toString());
        } finally {
            polling.set(false);
        }
    }

    @Test
    void invalidAccessAtStartIsOneClearFatalError() throws Exception {
        TransportConfig c = new TransportConfig("rubika", true, "WRONG" + TOKEN.substring(5), fake.apiUrl(), "polling",
                List.of(), Map.of());
        RubikaTransport t = new RubikaTransport(c, http, new Throttle(Throttle.Limits.UNLIMITED), FAST, List.of());
        TransportException e = assertThrows(TransportException.class, t::start);
        assertEquals(TransportException.Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.getMessage().contains("PEYK_RUBIKA_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 200, INVALID_ACCESS"), e.getMessage());
        assertFalse(e.getMessage().contains("401"), "Rubika answered HTTP 200, not 401: " + e.getMessage());
        assertFalse(e.getMessage().contains(c.token()));
        assertEquals(1, fake.requestCount(), "a refused token is not retried");
    }

    @Test
    void invalidInputIsRejectedWithoutRetry() throws Exception {
        RubikaTransport t = transport();
        t.start();
        fake.script("sendMessage", "{\"status\":\"INVALID_INPUT\",\"dev_message\":\"chat_id is invalid\"}");
        TransportException e = assertThrows(TransportException.class, () -> t.send("nope", Reply.text("x")));
        assertEquals(TransportException.Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("chat_id is invalid"));
        assertEquals(1, fake.calls("sendMessage").size());
    }

    @Test
    void malformedInputBecomesPoisonNotAnException() throws Exception {
        RubikaTransport t = transport();
        t.start();
        Batch bad = t.decodeWebhook("{\"update\": {\"type\": \"NewMe".getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(1, bad.items().size());
        assertNull(bad.items().get(0).update());
        assertTrue(bad.items().get(0).error().contains("malformed JSON"));
        Batch binary = t.decodeWebhook(new byte[]{(byte) 0xff, 0, 1, 2}, "application/octet-stream");
        assertNull(binary.items().get(0).update());

        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "1", "خوب", now()));
        fake.queue(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "NewMessage")
                .put("chat_id", USER_CHAT).put("new_message", 12));
        fake.queue(FakeRubika.newMessage(USER_CHAT, USER, "2", "خوب هم", now()));
        Batch b = t.poll(null);
        assertEquals(3, b.items().size());
        assertNull(b.items().get(1).update());
        assertTrue(b.items().get(1).key().startsWith("poison:"));
        assertEquals("خوب هم", ((Message) b.items().get(2).update()).text(), "the loop goes on past a poison update");
        assertEquals("o3", b.nextOffset());
    }

    @Test
    void updatesTheBotIgnoresAreDropped() throws Exception {
        RubikaTransport t = transport();
        t.start();
        var edited = FakeRubika.newMessage(USER_CHAT, USER, "9", "x", now()).put("type", "UpdatedMessage");
        var removed = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "RemovedMessage")
                .put("chat_id", USER_CHAT).put("removed_message_id", "9");
        var own = FakeRubika.newMessage(USER_CHAT, "b0peykbot", "10", "echo", now());
        ((com.fasterxml.jackson.databind.node.ObjectNode) own.get("new_message")).put("sender_type", "Bot");
        fake.queue(edited).queue(removed).queue(own);
        assertEquals(0, t.poll(null).items().size());
    }

    @Test
    void replyToTheBotsMessageIsMarkedAndEditsUseEditMessageText() throws Exception {
        RubikaTransport t = transport();
        t.start();
        Sent s = t.send("g0groupchat", Reply.text("پاسخ"));
        var reply = FakeRubika.newMessage("g0groupchat", USER, "88", "یعنی چه؟", now());
        ((com.fasterxml.jackson.databind.node.ObjectNode) reply.get("new_message")).put("reply_to_message_id", s.messageId());
        fake.queue(reply);
        Message m = (Message) t.poll(null).items().get(0).update();
        assertTrue(m.replyToBot());
        assertEquals(Chat.Type.GROUP, m.chat().type());

        t.edit("g0groupchat", s.messageId(), Reply.text("پاسخ کامل‌تر"));
        JsonNode edit = fake.calls("editMessageText").get(0).body();
        assertEquals(s.messageId(), edit.path("message_id").asText());
        assertEquals("پاسخ کامل‌تر", edit.path("text").asText());
    }

    @Test
    void tokenNeverReachesLogsOrErrors() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            RubikaTransport t = transport();
            t.start();
            fake.script("sendMessage", "HTTP 502:<html>bad gateway</html>", "{\"status\":\"TOO_REQUESTS\"}",
                    "HTTP 500:oops", "HTTP 500:oops", "HTTP 500:oops");
            assertThrows(TransportException.class, () -> t.send(USER_CHAT, Reply.text("x")));
            fake.close(); // connection refused from here on
            TransportException down = assertThrows(TransportException.class, () -> t.poll(null));
            assertFalse(down.getMessage().contains(TOKEN));
            List<String> lines = logs.lines();
            assertTrue(lines.size() >= 3, "the retries were logged: " + lines);
            for (String line : lines) assertFalse(line.contains(TOKEN), line);
        }
    }

    @Test
    void missingTokenAndBadOptionsSayWhatToFix() {
        TransportConfig noToken = new TransportConfig("rubika", true, null, fake.apiUrl(), "polling", List.of(), Map.of());
        var e = assertThrows(IllegalArgumentException.class, () -> new RubikaTransport(noToken, http,
                new Throttle(Throttle.Limits.UNLIMITED), FAST, List.of()));
        assertTrue(e.getMessage().contains("PEYK_RUBIKA_TOKEN"));
        var bad = assertThrows(IllegalArgumentException.class, () -> transport("polling", Map.of("maxBacklogSeconds", "ten")));
        assertTrue(bad.getMessage().contains("transports.rubika.options.maxBacklogSeconds"));
    }
}
