package ir.peyk.handler;

import static ir.peyk.handler.TestBot.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.answer.Quote;
import ir.peyk.text.PersianText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the router makes of the real answer engine's answers and quotes on the default article. */
class AnsweredTest extends HandlerFixture {
    static final String QUESTION = "روبیکا به تنهایی چند کاربر ماهانه دارد؟";

    @Test
    void anAnswerComesWithAnEvidenceButtonThatQuotesTheSentence() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        List<RecordingTransport.Out> sent = bot.say(QUESTION);
        assertEquals(1, sent.size());
        String answer = sent.get(0).text();
        assertTrue(answer.startsWith("پاسخ از متن خبر:"), answer);
        assertTrue(ascii(answer).contains("40 میلیون"), answer);
        assertFalse(answer.contains("شاهد") || answer.contains("روبیکا به تنهایی"), "the evidence waits behind its button");

        List<RecordingTransport.Out> evidence = bot.press(sent.get(0), TestBot.button(sent.get(0), "ev:"));
        assertEquals(1, evidence.size());
        assertTrue(evidence.get(0).text().startsWith("شاهد از متن خبر"), evidence.get(0).text());
        assertTrue(evidence.get(0).text().contains("روبیکا به تنهایی"), evidence.get(0).text());
        assertEquals(1, bot.transport.buttonAnswers.size());

        assertEquals(answer, bot.ask("/ask " + QUESTION), "/ask and free text answer alike");
    }

    @Test
    void theQuotedSentenceGoesBehindTheButtonNotTwiceInTheAnswer() {
        var e = new ir.peyk.answer.Evidence(3, "جملهٔ «نقل» شده.");
        var split = Questions.present(new ir.peyk.answer.Answer("q", true, "۴۰ میلیون — «جملهٔ «نقل» شده.»", List.of(e), 1));
        assertEquals(new Questions.Presented("۴۰ میلیون", List.of(e)), split);
        var whole = Questions.present(new ir.peyk.answer.Answer("q", true, "«جملهٔ «نقل» شده.»", List.of(e), 1));
        assertEquals(new Questions.Presented("«جملهٔ «نقل» شده.»", List.of()), whole);
        var other = Questions.present(new ir.peyk.answer.Answer("q", true, "بله — «چیز دیگری»", List.of(e), 1));
        assertEquals("بله — «چیز دیگری»", other.answer(), "only evidence is moved");
        assertEquals(List.of(e), other.evidence());
    }

    @Test
    void withoutButtonsTheEvidenceIsInTheAnswer() {
        bot = new TestBot(dir, "eitaa", RecordingTransport.TEXT_ONLY, TestBot.defaultArticle());
        String answer = bot.ask(QUESTION);
        assertTrue(answer.contains("شاهد از متن خبر"), answer);
        assertTrue(answer.contains("روبیکا به تنهایی"), answer);
        assertEquals(answer.indexOf("روبیکا به تنهایی"), answer.lastIndexOf("روبیکا به تنهایی"), "shown once: " + answer);
    }

    @Test
    void aQuoteNamesItsSpeakerAndAnotherQuoteDiffers() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        List<Quote> quotes = bot.engine.quotes();
        assertTrue(quotes.size() > 1, "the default article has several quotes");
        RecordingTransport.Out first = bot.say("/quote").get(0);
        assertTrue(first.text().contains("«") && first.text().contains("»"), first.text());
        assertTrue(quotes.stream().anyMatch(q -> first.text().contains(q.text().strip())
                && first.text().contains(q.speaker())), first.text());

        List<RecordingTransport.Out> next = bot.press(first, TestBot.button(first, "quote:"));
        assertEquals(1, next.size());
        assertEquals("edit", next.get(0).kind());
        assertNotEquals(first.text(), next.get(0).text());
        assertEquals(1, bot.transport.buttonAnswers.size());
    }

    @Test
    void quoteSearchFindsTheQuotesWithTheWord() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        Quote q = bot.engine.quotes().get(0);
        String word = PersianText.keyWords(q.text()).stream().filter(w -> w.length() >= 5).findFirst().orElseThrow();
        String reply = bot.ask("/quote " + word);
        List<Quote> matches = bot.engine.searchQuotes(word);
        assertFalse(matches.isEmpty());
        assertTrue(reply.contains(matches.get(0).text().strip()), reply);
        assertTrue(bot.ask("/quote زرافه‌های‌آبی").contains("پیدا نکردم"));
    }

    @Test
    void inlineAnswersTheQuestionFirst() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        RecordingTransport.InlineAnswer a = bot.inline(QUESTION, "");
        assertEquals("a", a.results().get(0).id());
        assertTrue(ascii(a.results().get(0).text()).contains("40 میلیون"));
        assertTrue(a.results().stream().anyMatch(r -> r.id().equals("s")), "and the summary");
    }
}
