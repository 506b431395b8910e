package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Capabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changes when a platform lacks buttons, edits or room for long texts. */
class DegradationTest extends HandlerFixture {
    @Test
    void withoutButtonsTheRepliesSayWhichCommandToSend() {
        bot = new TestBot(dir, "eitaa", RecordingTransport.TEXT_ONLY, TestBot.longArticle());
        String summary = bot.ask("/summary 2");
        assertTrue(summary.endsWith("برای ادامه بفرستید: /summary ۵"), summary);
        assertTrue(bot.transport.out.get(0).reply().buttons().isEmpty());
        String help = bot.ask("/help");
        assertFalse(help.contains("دکمه"), "no buttons to talk about: " + help);
        assertFalse(help.contains("@peyk_bot"), "no inline mode either");
        bot.ask("/lang en");
        assertTrue(bot.ask("/summary 9").endsWith("For more, send: /summary 10"));
        assertFalse(bot.ask("/summary 10").contains("For more"), "nothing more after ten");
    }

    @Test
    void longRepliesAreSplitAtTheLimitWithButtonsOnTheLastPart() {
        bot = new TestBot(dir, "tiny", new Capabilities(true, false, false, true, true, true, 120),
                TestBot.longArticle());
        List<RecordingTransport.Out> sent = bot.say("/summary 8");
        assertTrue(sent.size() > 2, "split into " + sent.size());
        for (RecordingTransport.Out o : sent) assertTrue(o.text().length() <= 120);
        for (RecordingTransport.Out o : sent.subList(0, sent.size() - 1)) assertTrue(o.reply().buttons().isEmpty());
        assertEquals("sum:8", TestBot.button(sent.get(sent.size() - 1), "sum:").data());
        String joined = String.join(" ", sent.stream().map(RecordingTransport.Out::text).toList()).replaceAll("\\s+", " ");
        for (var e : bot.engine.summary(8).sentences()) {
            assertTrue(joined.contains(e.text().strip().replaceAll("\\s+", " ")), "nothing lost: " + e.text());
        }
        // "More" would not fit one message: it is sent (split) rather than edited.
        List<RecordingTransport.Out> more = bot.press(sent.get(sent.size() - 1), TestBot.button(sent.get(sent.size() - 1), "sum:"));
        assertTrue(more.stream().allMatch(o -> o.kind().equals("send")));
    }
}
