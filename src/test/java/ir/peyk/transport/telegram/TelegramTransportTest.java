package ir.peyk.transport.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Batch;
import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.InlineResult;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.TransportException;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Telegram-family transport over real HTTP against {@link FakeBotApi}. */
class TelegramTransportTest {
    static final String TOKEN = "123456:SECRET-token_value";
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(40), Duration.ofMillis(200), Duration.ofSeconds(5));

    private FakeBotApi api;
    private TelegramTransport transport;

    @AfterEach
    void close() {
        if (transport != null) transport.close();
        if (api != null) api.close();
    }

    private TelegramTransport open(TelegramProfile profile, long firstUpdateId) throws Exception {
        api = FakeBotApi.start(TOKEN, firstUpdateId);
        transport = new TelegramTransport(profile, api.url(), TOKEN, new Throttle(Throttle.Limits.UNLIMITED), FAST, 1);
        return transport;
    }

    private TelegramTransport open(TelegramProfile profile) throws Exception {
        return open(profile, 1);
    }

    @Test
    void startsPollsAndSendsWithButtons() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        BotInfo me = t.start();
        assertEquals(Long.toString(api.botId), me.id());
        assertEquals(api.botUsername, me.username());
        long id = api.pushMessage(42, 42, "/start");
        Batch b = t.poll(null);
        assertEquals(1, b.items().size());
        Message m = assertInstanceOf(Message.class, b.items().get(0).update());
        assertEquals("/start", m.text());
        assertEquals("telegram", m.transport());
        assertEquals(Long.toString(id), m.key());
        assertEquals(new Chat("42", Chat.Type.PRIVATE, "User42"), m.chat());
        assertEquals(Long.toString(id + 1), b.nextOffset());

        t.send("42", new Reply("سلام", List.of(List.of(new Button("بیشتر", "more")))));
        FakeBotApi.Call send = api.calls("sendMessage").get(0);
        assertEquals("سلام", send.param("text"));
        assertEquals("more", send.params().path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("callback_data").asText());
        assertNull(send.param("parse_mode"), "Telegram texts go as plain text");

        // The offset confirms: the next poll brings nothing old.
        assertTrue(t.poll(b.nextOffset()).items().isEmpty());
        assertEquals(0, api.unconfirmed());
    }

    @Test
    void lenientModelsAcceptWhatClonesSend() throws Exception {
        TelegramTransport t = open(TelegramProfile.BALE, 0);
        t.start();
        long big = 9_007_199_254_740_000L; // beyond 2^31 (and 2^52): ids are 64-bit
        long zero = api.pushRaw("{\"update_id\":%ID%,\"brand_new_field\":{\"x\":1},\"message\":{\"message_id\":5,"
                + "\"from\":{\"id\":" + big + ",\"first_name\":\"سارا\"},"  // no is_bot
                + "\"chat\":{\"id\":" + big + ",\"type\":\"private\",\"extra\":true},"
                + "\"date\":1735000000123,\"text\":\"سلام\",\"entities\":[]}}");
        assertEquals(0, zero, "Bale's update ids start at 0");
        Batch b = t.poll(null);
        Message m = assertInstanceOf(Message.class, b.items().get(0).update());
        assertEquals("0", m.key());
        assertEquals(Long.toString(big), m.from().id());
        assertFalse(m.from().bot());
        assertEquals(1735000000123L, m.dateMillis(), "a date in milliseconds is kept");
        assertEquals("1", b.nextOffset());

        api.pushRaw("{\"update_id\":%ID%,\"message\":{\"message_id\":6,\"chat\":{\"id\":-77,\"type\":\"group\"},"
                + "\"date\":1735000000,\"text\":\"x\"}}");
        Message g = assertInstanceOf(Message.class, t.poll(b.nextOffset()).items().get(0).update());
        assertEquals(1735000000000L, g.dateMillis(), "a date in seconds becomes milliseconds");
        assertEquals(Chat.Type.GROUP, g.chat().type());
        assertNull(g.from());
    }

    @Test
    void anUnreadableUpdateIsPoisonAndTheOffsetMovesPastIt() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        t.start();
        api.pushMessage(1, 1, "before");
        long bad = api.pushRaw("{\"update_id\":%ID%,\"message\":{\"message_id\":{\"oops\":1},\"chat\":\"nope\"}}");
        api.pushRaw("{\"update_id\":%ID%,\"edited_message\":{\"message_id\":1}}"); // a kind we ignore
        long after = api.pushMessage(1, 1, "after");
        Batch b = t.poll(null);
        assertEquals(3, b.items().size());
        Batch.Item poison = b.items().get(1);
        assertNull(poison.update());
        assertEquals(Long.toString(bad), poison.key());
        assertTrue(poison.error().contains("update " + bad), poison.error());
        assertEquals("after", ((Message) b.items().get(2).update()).text());
        assertEquals(Long.toString(after + 1), b.nextOffset());
    }

    @Test
    void aNegativeRetryAfterHeaderIsRetriedAtOnceNotThrown() throws Exception {
        // A gateway 429 without a Bot API body, with a nonsense header: wait nothing and send again.
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        try {
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "-5").setBody("<html>slow down</html>"));
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody("{\"ok\":true,\"result\":{\"message_id\":77,\"date\":0,\"chat\":{\"id\":42,\"type\":\"private\"}}}"));
            transport = new TelegramTransport(TelegramProfile.TELEGRAM, server.url("/").toString(), TOKEN,
                    new Throttle(Throttle.Limits.UNLIMITED), FAST, 1);
            assertEquals("77", transport.send("42", Reply.text("hi")).messageId());
            assertEquals(2, server.getRequestCount());
        } finally {
            server.shutdown();
        }
    }

    @Test
    void rateLimitWaitsRetryAfterMeasuredOnTheServer() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        api.rateLimitNext("sendMessage", 1);
        t.send("42", Reply.text("hi"));
        List<FakeBotApi.Call> sends = api.calls("sendMessage");
        assertEquals(2, sends.size());
        assertEquals(429, sends.get(0).status());
        assertEquals(200, sends.get(1).status());
        long gapMs = (sends.get(1).atNanos() - sends.get(0).atNanos()) / 1_000_000;
        assertTrue(gapMs >= 1000, "retried after " + gapMs + " ms, before retry_after=1 s");
    }

    @Test
    void serverErrorsAndGarbageBackOffThenSucceed() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        api.serverErrorNext("sendMessage", 2, 502).malformedNext("sendMessage");
        assertNotNull(t.send("42", Reply.text("hi")).messageId());
        List<FakeBotApi.Call> sends = api.calls("sendMessage");
        assertEquals(List.of(502, 502, 200, 200), sends.stream().map(FakeBotApi.Call::status).toList());
        for (int i = 1; i < sends.size(); i++) {
            assertTrue(sends.get(i).atNanos() - sends.get(i - 1).atNanos() >= 20_000_000L, "backed off before retry " + i);
        }
        api.serverErrorNext("sendMessage", 10, 503);
        TransportException e = assertThrows(TransportException.class, () -> t.send("42", Reply.text("x")));
        assertEquals(TransportException.Kind.UNAVAILABLE, e.kind());
        assertEquals(4 + 4, api.calls("sendMessage").size(), "gave up after maxAttempts");
    }

    @Test
    void refusedTokenAtStartIsUnauthorizedWithoutRetriesOrToken() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        api.refuseToken(401);
        TransportException e = assertThrows(TransportException.class, t::start);
        assertEquals(TransportException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(401, e.code());
        assertEquals(1, api.calls("getMe").size(), "no retry loop");
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }

    @Test
    void baleRefusesABadTokenWith403() throws Exception {
        TelegramTransport t = open(TelegramProfile.BALE);
        api.refuseToken(403);
        assertEquals(TransportException.Kind.UNAUTHORIZED, assertThrows(TransportException.class, t::start).kind());
    }

    @Test
    void conflictSaysWhatToDo() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        t.start();
        api.conflict(true);
        TransportException e = assertThrows(TransportException.class, () -> t.poll(null));
        assertEquals(TransportException.Kind.CONFLICT, e.kind());
        assertEquals("telegram: another poller or a webhook is using this token (409); deleteWebhook or stop the "
                + "other process", e.getMessage());
        assertEquals(1, api.calls("getUpdates").size());
    }

    @Test
    void webhookSetAndDeletedAndBodiesDecoded() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        t.start();
        t.setWebhook("https://bot.example.com/hook", "s3cret");
        assertEquals("s3cret", api.calls("setWebhook").get(0).param("secret_token"));
        assertEquals(TransportException.Kind.CONFLICT, assertThrows(TransportException.class, () -> t.poll(null)).kind());
        t.deleteWebhook();
        assertNull(api.webhookUrl());
        Batch b = t.decodeWebhook(("{\"update_id\":9,\"message\":{\"message_id\":1,\"chat\":{\"id\":5,\"type\":\"private\"},"
                + "\"text\":\"hi\"}}").getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals("9", b.items().get(0).key());
        assertNull(b.nextOffset());
        assertEquals(TransportException.Kind.REJECTED, assertThrows(TransportException.class,
                () -> t.decodeWebhook("not json".getBytes(StandardCharsets.UTF_8), "text/plain")).kind());

        TelegramTransport bale = new TelegramTransport(TelegramProfile.BALE, api.url(), TOKEN,
                new Throttle(Throttle.Limits.UNLIMITED), FAST, 1);
        bale.setWebhook("https://bot.example.com/hook/s3cret", "s3cret");
        assertNull(api.calls("setWebhook").get(1).param("secret_token"), "Bale has no webhook secret");
        bale.close();
    }

    @Test
    void baleEscapesMarkdownInEveryText() throws Exception {
        TelegramTransport t = open(TelegramProfile.BALE);
        assertFalse(t.capabilities().inlineQueries());
        t.send("42", Reply.text("a*b_c [d] `e` \\f"));
        assertEquals(List.of("a\\*b\\_c \\[d\\] \\`e\\` \\\\f"), api.sentTexts(42));
        t.edit("42", "7", Reply.text("*x*"));
        assertEquals("\\*x\\*", api.calls("editMessageText").get(0).param("text"));
        assertThrows(UnsupportedOperationException.class, () -> t.answerInline(
                new InlineQuery("bale", "1", null, "q", "", ""), List.of(), null));
    }

    @Test
    void soroushDropsTheBotsOwnMessages() throws Exception {
        TelegramTransport t = open(TelegramProfile.SOROUSH);
        t.start();
        api.pushOwnMessage(42, "my own reply");
        api.pushMessage(42, 42, "a question");
        Batch b = t.poll(null);
        assertEquals(1, b.items().size());
        assertEquals("a question", ((Message) b.items().get(0).update()).text());
        assertEquals("3", b.nextOffset(), "the dropped update is still confirmed");
    }

    @Test
    void callbacksAndInlineQueriesAreAnswered() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        t.start();
        api.pushCallback(-100, 42, 555, "more:3");
        api.pushInline(42, "روبیکا", "");
        Batch b = t.poll(null);
        ButtonPress press = assertInstanceOf(ButtonPress.class, b.items().get(0).update());
        assertEquals("more:3", press.data());
        assertEquals("555", press.messageId());
        assertEquals(Chat.Type.GROUP, press.chat().type());
        t.answerButton(press, "done");
        assertEquals(press.callbackId(), api.calls("answerCallbackQuery").get(0).param("callback_query_id"));
        InlineQuery q = assertInstanceOf(InlineQuery.class, b.items().get(1).update());
        t.answerInline(q, List.of(new InlineResult("a1", "پاسخ", "توضیح", "متن")), "10");
        FakeBotApi.Call call = api.calls("answerInlineQuery").get(0);
        assertEquals("article", call.params().path("results").get(0).path("type").asText());
        assertEquals("متن", call.params().path("results").get(0).path("input_message_content").path("message_text").asText());
        assertEquals("10", call.param("next_offset"));
        t.typing("42");
        assertEquals("typing", api.calls("sendChatAction").get(0).param("action"));
    }

    @Test
    void forbiddenChatIsFinal() throws Exception {
        TelegramTransport t = open(TelegramProfile.TELEGRAM);
        api.forbidChat(99);
        TransportException e = assertThrows(TransportException.class, () -> t.send("99", Reply.text("x")));
        assertEquals(TransportException.Kind.FORBIDDEN, e.kind());
        assertEquals(1, api.calls("sendMessage").size());
    }

    @Test
    void stopPollingAbortsALongPoll() throws Exception {
        api = FakeBotApi.start(TOKEN);
        api.maxHold = Duration.ofSeconds(20);
        transport = new TelegramTransport(TelegramProfile.TELEGRAM, api.url(), TOKEN,
                new Throttle(Throttle.Limits.UNLIMITED), FAST, 20);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                result.set(transport.poll(null));
            } catch (Exception e) {
                result.set(e);
            }
        });
        poller.start();
        while (transport.api().caller().http().dispatcher().runningCallsCount() == 0) Thread.sleep(5);
        poller.interrupt();
        transport.stopPolling();
        poller.join(5000);
        assertFalse(poller.isAlive(), "the poll was not aborted");
        assertTrue(assertInstanceOf(Batch.class, result.get()).items().isEmpty(), "an aborted poll is an empty batch");
    }
}
