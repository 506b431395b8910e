package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.ButtonPress;
import ir.peyk.article.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every press is answered once, and produces the right follow-up; stale and hostile data get a notice. */
class ButtonsTest extends HandlerFixture {
    @Test
    void moreOfTheSummaryGrowsTheMessageInPlace() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        RecordingTransport.Out first = bot.say("/summary 2").get(0);
        List<RecordingTransport.Out> after = bot.press(first, TestBot.button(first, "sum:"));
        assertEquals(1, bot.transport.buttonAnswers.size(), "the press is answered");
        assertEquals("", bot.transport.buttonAnswers.get(0).text());
        assertEquals(1, after.size());
        assertEquals("edit", after.get(0).kind());
        assertEquals(first.messageId(), after.get(0).messageId());
        assertEquals(5, ConversationTest.bullets(after.get(0).text()), "2 + 3 sentences");
        assertEquals("sum:5", TestBot.button(after.get(0), "sum:").data());
    }

    @Test
    void withoutEditsMoreSendsTheNextSentences() {
        bot = new TestBot(dir, "bale", new ir.peyk.adapter.Capabilities(true, false, false, true, false, true, 4096),
                TestBot.defaultArticle());
        RecordingTransport.Out first = bot.say("/summary 2").get(0);
        List<RecordingTransport.Out> after = bot.press(first, TestBot.button(first, "sum:"));
        assertEquals(1, after.size());
        assertEquals("send", after.get(0).kind());
        String text = after.get(0).text();
        assertTrue(text.contains("جملهٔ ۳ تا ۵"), text);
        assertEquals(3, ConversationTest.bullets(text));
        List<String> shown = bot.engine.summary(5).sentences().stream().skip(2).map(e -> e.text().strip()).toList();
        for (String s : shown) assertTrue(text.contains(s));
        assertEquals(1, bot.transport.buttonAnswers.size());
    }

    @Test
    void aRefusedEditFallsBackToANewMessage() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        bot.transport.refuseEdits = true;
        RecordingTransport.Out first = bot.say("/summary 2").get(0);
        List<RecordingTransport.Out> after = bot.press(first, TestBot.button(first, "sum:"));
        assertEquals("send", after.get(0).kind());
        assertEquals(3, ConversationTest.bullets(after.get(0).text()));
    }

    @Test
    void theWholeSummaryShownSaysSoInTheAnswer() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        assertTrue(bot.press("5", "sum:10").isEmpty());
        assertEquals("همهٔ خلاصه را دیده‌اید.", bot.transport.buttonAnswers.get(0).text());
    }

    @Test
    void evidenceButtonQuotesTheSentences() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        List<Sentence> body = bot.engine.article().body();
        String tag = CallbackData.articleTag(bot.engine.article().id());
        String data = new CallbackData.ShowEvidence(tag, List.of(body.get(1).index(), body.get(2).index())).encode();
        List<RecordingTransport.Out> sent = bot.press("7", data);
        assertEquals(1, sent.size());
        String text = sent.get(0).text();
        assertTrue(text.contains("«" + body.get(1).text().strip() + "»"), text);
        assertTrue(text.contains("«" + body.get(2).text().strip() + "»"), text);
        assertEquals(List.of(new RecordingTransport.ButtonAnswer("cb1", "")), bot.transport.buttonAnswers);
    }

    @Test
    void staleAndHostileDataIsAnsweredWithANotice() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        String tag = CallbackData.articleTag(bot.engine.article().id());
        List<String> bad = List.of("", "x", "sum:", "sum:0", "sum:abc", "sum:-1", "sum:99999999999999999999",
                "quote:", "qw::", "qw:1:", "ev:", "ev:" + tag + ":", "ev:" + tag + ":9999", "ev:zzzzzz:1",
                "ev:" + tag + ":1,,2", "ev:" + tag + ":1,2,3,4,5,6,7", "\u0000\u0001\u202e", "🙂🙂🙂:🙂",
                "x".repeat(10_000), "ev:" + tag + ":" + "1".repeat(60), "sum:\n3");
        for (String data : bad) {
            int answers = bot.transport.buttonAnswers.size();
            List<RecordingTransport.Out> sent = bot.press("1", data);
            assertTrue(sent.isEmpty(), () -> "nothing sent for " + data);
            assertEquals(answers + 1, bot.transport.buttonAnswers.size(), () -> "answered: " + data);
            String notice = bot.transport.buttonAnswers.get(answers).text();
            assertFalse(notice.isEmpty(), () -> "a notice for " + data);
        }
        assertNotNull(bot.transport.buttonAnswers.get(0).callbackId());
    }

    @Test
    void aPressWithNullDataOrNoChatIsAnswered() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        bot.handle(new ButtonPress("telegram", "k1", TestBot.PRIVATE, TestBot.ALICE, "cb", "1", null));
        bot.handle(new ButtonPress("telegram", "k2", null, TestBot.ALICE, "cb2", null, "sum:2"));
        assertEquals(2, bot.transport.buttonAnswers.size());
        assertTrue(bot.transport.out.isEmpty());
    }

    @Test
    void withoutCallbackAnswersAStalePressGetsAMessage() {
        bot = new TestBot(dir, "rubika", new ir.peyk.adapter.Capabilities(true, false, false, false, false, true, 4096),
                TestBot.defaultArticle());
        List<RecordingTransport.Out> sent = bot.press("1", "nonsense");
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).text().contains("معتبر نیست"));
        assertTrue(bot.transport.buttonAnswers.isEmpty(), "never answered where the platform has no answers");
        RecordingTransport.Out first = bot.say("/summary 1").get(0);
        List<RecordingTransport.Out> more = bot.press(first, TestBot.button(first, "sum:"));
        assertEquals(1, more.size());
        assertEquals(3, ConversationTest.bullets(more.get(0).text()), "sentences 2 to 4, as a new message");
        assertTrue(bot.transport.buttonAnswers.isEmpty());
    }
}
