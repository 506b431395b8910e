package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever users send, the router answers once and never throws. */
class HostileInputTest extends HandlerFixture {
    @BeforeEach
    void open() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
    }

    @Test
    void hugeTextIsRefusedWithAClearMessage() {
        String reply = bot.ask("روبیکا ".repeat(200_000));
        assertTrue(TestBot.ascii(reply).contains("1399999"), "says how long it was: " + reply);
        assertTrue(TestBot.ascii(reply).contains("500"), reply);
        assertTrue(bot.ask("/quote " + "ب".repeat(10_000)).contains("…"), "the echoed word is cut");
    }

    @Test
    void strangeCharactersGetOneReplyEach() {
        List<String> inputs = List.of("\u202e\u202dقیمت\u2066 دلار؟", "\u0000\u0001\u0002\u001b[31m", "🙂🙂🙂",
                "\uD800\uDC00\uD800", "\uDC00 سلام", "‏‏؟؟؟", "/", "//", "/@", "/summary@", "/summary\u202e 3",
                "/summary ‮99", "/quote \u0000", "/lang \u202een", "/ask \u200c\u200c", "\r\n\t", "/start@peyk_bot@x",
                "/" + "a".repeat(5000), "/summary " + "9".repeat(5000), "@@@@", "https://example.com/a?b=c");
        for (String in : inputs) {
            List<RecordingTransport.Out> sent = bot.say(in);
            assertEquals(1, sent.size(), () -> "one reply to " + escape(in) + ": " + sent);
            String text = sent.get(0).text();
            assertFalse(text.contains("\u202e") || text.contains("\u0000"), () -> "no control echoed: " + escape(text));
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder(i % 3 == 0 ? "/" : "");
            int n = r.nextInt(80);
            for (int j = 0; j < n; j++) b.append((char) r.nextInt(0x10000));
            String text = b.toString();
            bot.handle(bot.message(TestBot.PRIVATE, text, false));
            bot.handle(bot.message(TestBot.GROUP, text, r.nextBoolean()));
            bot.press("1", text);
            bot.inline(text, text);
        }
        assertEquals(300, bot.transport.buttonAnswers.size(), "every press answered");
        assertEquals(300, bot.transport.inlineAnswers.size(), "every inline query answered");
    }

    @Test
    void aNullTextMessageIsHandled() {
        List<RecordingTransport.Out> sent = bot.handle(new Message("telegram", "n1", TestBot.PRIVATE, TestBot.ALICE,
                "1", null, false, 0));
        assertEquals(1, sent.size());
    }

    private static String escape(String s) {
        List<String> out = new ArrayList<>();
        s.codePoints().limit(40).forEach(c -> out.add(c < 32 || c > 126 ? String.format("\\u%04x", c) : Character.toString(c)));
        return String.join("", out);
    }
}
