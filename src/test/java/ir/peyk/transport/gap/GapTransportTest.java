package ir.peyk.transport.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.peyk.adapter.Batch;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Reply;
import ir.peyk.adapter.Sent;
import ir.peyk.adapter.TransportException;
import ir.peyk.adapter.User;
import ir.peyk.config.TransportConfig;
import ir.peyk.testing.FakeGap;
import ir.peyk.testing.LogCapture;
import ir.peyk.transport.http.RetryPolicy;
import ir.peyk.transport.http.Throttle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GapTransportTest {
    static final String TOKEN = "GapSecretToken0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON_CT = "application/json";
    static final ObjectMapper JSON = new ObjectMapper();

    FakeGap fake;
    GapTransport gap;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeGap(TOKEN);
        gap = transport(TOKEN);
    }

    @AfterEach
    void tearDown() throws Exception {
        fake.close();
    }

    GapTransport transport(String token) {
        TransportConfig c = new TransportConfig("gap", true, token, fake.apiUrl(), "webhook", List.of(),
                Map.of("botName", "پیک"));
        return new GapTransport(c, new OkHttpClient(), new Throttle(Throttle.Limits.UNLIMITED),
                new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5)));
    }

    static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void textPostsDecodeTheSameFromFormAndJson() {
        byte[] form = FakeGap.formPost(fields("chat_id", "123123", "type", "text", "data", "روبیکا چند کاربر دارد؟ & 100%",
                "from", FakeGap.from("4455", "سعید", "saied"), "message_id", "77"));
        ObjectNode json = JSON.createObjectNode().put("chat_id", "123123").put("type", "text")
                .put("data", "روبیکا چند کاربر دارد؟ & 100%").put("message_id", "77");
        json.set("from", FakeGap.parse(FakeGap.from("4455", "سعید", "saied")));

        Message viaForm = assertInstanceOf(Message.class, gap.decodeWebhook(form, FORM).items().get(0).update());
        Message viaJson = assertInstanceOf(Message.class, gap.decodeWebhook(FakeGap.jsonPost(json), JSON_CT).items().get(0).update());
        assertEquals(viaForm, viaJson, "one update, two encodings, one decoding");
        assertEquals("روبیکا چند کاربر دارد؟ & 100%", viaForm.text());
        assertEquals(new User("4455", "saied", "سعید", false), viaForm.from());
        assertEquals("123123", viaForm.chat().id());
        assertEquals("gap", viaForm.transport());
        assertEquals("text:123123:77", viaForm.key());
        // GapLib's fixture: no from, no message_id, wrong Content-Type claimed
        Batch bare = gap.decodeWebhook("{\"chat_id\":\"123123\",\"type\":\"text\",\"data\":\"hi saied!!!\"}"
                .getBytes(StandardCharsets.UTF_8), "text/plain");
        Message m = (Message) bare.items().get(0).update();
        assertEquals("hi saied!!!", m.text());
        assertEquals("123123", m.from().id());
    }

    @Test
    void joinAndLeaveBecomeStartAndUnsubscribe() {
        Message join = (Message) gap.decodeWebhook(FakeGap.formPost(fields("chat_id", "9", "type", "join",
                "from", FakeGap.from("9", "a", "b"))), FORM).items().get(0).update();
        assertEquals("/start", join.text());
        ObjectNode leave = JSON.createObjectNode().put("chat_id", "9").put("type", "leave");
        // a user who left is unsubscribed without a reply (issue 12: no message to someone who just stopped the bot)
        assertTrue(gap.decodeWebhook(FakeGap.jsonPost(leave), JSON_CT).items().get(0).update() instanceof ir.peyk.adapter.BotStopped);
    }

    @Test
    void buttonsRoundTripFromSendToTriggerButtonToAnswerCallback() throws Exception {
        Reply reply = new Reply("پاسخ", List.of(List.of(new Button("بیشتر", "more:1"), new Button("شاهد", "ev:2"))));
        Sent sent = gap.send("123123", reply);
        assertEquals("5000", sent.messageId());
        FakeGap.Call call = fake.calls("sendMessage").get(0);
        assertEquals(TOKEN, call.token(), "the token travels in the header");
        assertTrue(call.contentType().startsWith(FORM));
        assertEquals("123123", call.form().get("chat_id"));
        assertEquals("text", call.form().get("type"));
        assertEquals("پاسخ", call.form().get("data"));
        JsonNode keyboard = FakeGap.parse(call.form().get("inline_keyboard"));
        assertEquals("ev:2", keyboard.get(0).get(1).path("cb_data").asText());
        assertEquals("شاهد", keyboard.get(0).get(1).path("text").asText());

        // The user presses the second button; Gap posts a triggerButton with the button's cb_data, both ways.
        String cb = keyboard.get(0).get(1).path("cb_data").asText();
        byte[] form = FakeGap.formPost(fields("chat_id", "123123", "type", "triggerButton",
                "data", FakeGap.trigger(cb, sent.messageId(), "cb-1"), "from", FakeGap.from("4455", "سعید", "saied")));
        ObjectNode json = JSON.createObjectNode().put("chat_id", "123123").put("type", "triggerButton");
        json.set("data", FakeGap.parse(FakeGap.trigger(cb, sent.messageId(), "cb-1")));
        json.set("from", FakeGap.parse(FakeGap.from("4455", "سعید", "saied")));
        ButtonPress viaForm = assertInstanceOf(ButtonPress.class, gap.decodeWebhook(form, FORM).items().get(0).update());
        ButtonPress viaJson = assertInstanceOf(ButtonPress.class, gap.decodeWebhook(FakeGap.jsonPost(json), JSON_CT).items().get(0).update());
        assertEquals(viaForm, viaJson);
        assertEquals("ev:2", viaForm.data());
        assertEquals("cb-1", viaForm.callbackId());
        assertEquals("5000", viaForm.messageId());
        assertEquals("triggerButton:cb-1", viaForm.key());

        gap.answerButton(viaForm, "باشه");
        Map<String, String> answer = fake.calls("answerCallback").get(0).form();
        assertEquals(Map.of("chat_id", "123123", "callback_id", "cb-1", "text", "باشه", "show_alert", "false"), answer);

        gap.edit("123123", sent.messageId(), new Reply("پاسخ کامل", List.of(List.of(new Button("بستن", "x")))));
        Map<String, String> edit = fake.calls("editMessage").get(0).form();
        assertEquals("5000", edit.get("message_id"));
        assertEquals("پاسخ کامل", edit.get("data"));
        assertEquals("x", FakeGap.parse(edit.get("inline_keyboard")).get(0).get(0).path("cb_data").asText());
    }

    @Test
    void malformedPostsArePoisonAndIgnoredTypesAreSkipped() {
        Batch broken = gap.decodeWebhook("{\"chat_id\": \"1\", \"type\": ".getBytes(StandardCharsets.UTF_8), JSON_CT);
        assertNull(broken.items().get(0).update());
        assertTrue(broken.items().get(0).error().contains("malformed JSON"));
        assertNull(gap.decodeWebhook(new byte[]{(byte) 0xc3, 0x28}, FORM).items().get(0).update(), "not UTF-8");
        assertNull(gap.decodeWebhook("type=text&data=hi".getBytes(StandardCharsets.UTF_8), FORM).items().get(0).update(),
                "no chat_id");
        assertNull(gap.decodeWebhook(FakeGap.formPost(fields("chat_id", "1", "type", "triggerButton", "data", "not json")),
                FORM).items().get(0).update());
        assertEquals(0, gap.decodeWebhook(FakeGap.formPost(fields("chat_id", "1", "type", "payCallback", "data", "{}")),
                FORM).items().size());
        Message photo = (Message) gap.decodeWebhook(FakeGap.formPost(fields("chat_id", "1", "type", "image",
                "data", "{\"desc\":\"x\"}")), FORM).items().get(0).update();
        assertEquals("", photo.text());
    }

    @Test
    void postsWithoutIdsStillGetDistinctKeys() throws Exception {
        byte[] same = FakeGap.formPost(fields("chat_id", "1", "type", "text", "data", "سلام"));
        String k1 = gap.decodeWebhook(same, FORM).items().get(0).key();
        Thread.sleep(2);
        String k2 = gap.decodeWebhook(same, FORM).items().get(0).key();
        assertNotEquals(k1, k2, "a user may ask the same thing twice");
    }

    @Test
    void startNeedsNoCallAndRefusalsAreClassifiedCautiously() throws Exception {
        assertEquals("پیک", gap.start().name());
        assertFalse(gap.capabilities().polling());
        assertTrue(gap.capabilities().webhook() && gap.capabilities().callbackAnswers() && gap.capabilities().edits());

        // Gap's 403 does not say whether the chat or the token is wrong: no one is unsubscribed on that alone.
        GapTransport wrong = transport("WRONG" + TOKEN.substring(5));
        TransportException ambiguous = assertThrows(TransportException.class, () -> wrong.send("1", Reply.text("x")));
        assertEquals(TransportException.Kind.REJECTED, ambiguous.kind());
        fake.script(403, "{\"error\":\"invalid token\"}");
        assertEquals(TransportException.Kind.UNAUTHORIZED,
                assertThrows(TransportException.class, () -> gap.send("1", Reply.text("x"))).kind());
        fake.script(403, "{\"error\":\"user blocked the bot\"}");
        assertEquals(TransportException.Kind.FORBIDDEN,
                assertThrows(TransportException.class, () -> gap.send("1", Reply.text("x"))).kind());
        fake.script(400, "{\"error\":\"data is empty\"}");
        TransportException bad = assertThrows(TransportException.class, () -> gap.send("1", Reply.text("x")));
        assertEquals(TransportException.Kind.REJECTED, bad.kind());
        assertTrue(bad.getMessage().contains("data is empty"));
        fake.script(502, "gateway");
        assertEquals("5000", gap.send("1", Reply.text("x")).messageId(), "a 502 is retried");
    }

    @Test
    void tokenNeverReachesLogsOrErrors() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 3; i++) fake.script(500, "{\"error\":\"token " + "x" + " broke\"}");
            TransportException e = assertThrows(TransportException.class, () -> gap.send("1", Reply.text("x")));
            assertFalse(e.getMessage().contains(TOKEN));
            assertFalse(logs.lines().isEmpty());
            for (String line : logs.lines()) assertFalse(line.contains(TOKEN), line);
        }
    }
}
