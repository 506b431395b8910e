package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.InlineResult;
import ir.peyk.text.PersianText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What people in a chat expect: quick button answers, quoted group replies, /stats as a picture, consistent text. */
class ChatUxTest extends HandlerFixture {
    @Test
    void aPressIsAnsweredBeforeItsReplyIsMade() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        RecordingTransport.Out first = bot.say("/summary 2").get(0);
        bot.transport.events.clear();
        bot.press(first, TestBot.button(first, "sum:"));
        assertEquals(List.of("answer", "edit"), bot.transport.events, "the spinner stops first");
        assertEquals("", bot.transport.buttonAnswers.get(0).text());

        RecordingTransport.Out quote = bot.say("/quote").get(0);
        bot.transport.events.clear();
        bot.press(quote, TestBot.button(quote, "quote:"));
        assertEquals(List.of("answer", "edit"), bot.transport.events);

        bot.transport.events.clear();
        bot.press("5", "sum:10");
        assertEquals(List.of("answer"), bot.transport.events, "nothing more to show: the notice is the answer");
    }

    @Test
    void groupRepliesQuoteTheMessageTheyAnswerPrivateOnesDoNot() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        var asked = bot.message(TestBot.GROUP, "/summary", false);
        List<RecordingTransport.Out> inGroup = bot.handle(asked);
        assertEquals(asked.messageId(), inGroup.get(0).reply().replyTo());
        assertNull(bot.say("/summary").get(0).reply().replyTo());

        var mention = bot.message(TestBot.GROUP, "@peyk_bot روبیکا چند کاربر دارد؟", false);
        assertEquals(mention.messageId(), bot.handle(mention).get(0).reply().replyTo());
    }

    @Test
    void aSplitGroupReplyQuotesOnlyWithItsFirstPart() {
        bot = new TestBot(dir, "telegram", new Capabilities(true, true, true, true, true, true, 400),
                TestBot.longArticle());
        var asked = bot.message(TestBot.GROUP, "/summary 10", false);
        List<RecordingTransport.Out> parts = bot.handle(asked);
        assertTrue(parts.size() > 1, "long enough to split: " + parts.size());
        assertEquals(asked.messageId(), parts.get(0).reply().replyTo());
        for (RecordingTransport.Out p : parts.subList(1, parts.size())) assertNull(p.reply().replyTo());
    }

    @Test
    void aSummaryNoteNamesTheSentencesItShows() {
        bot = new TestBot(dir, RecordingTransport.TEXT_ONLY);
        String text = bot.ask("/summary 20");
        int bullets = ConversationTest.bullets(text);
        assertTrue(bullets < 10, "the default article has fewer summary sentences than 10: " + bullets);
        String note = TestBot.ascii(text.substring(0, text.indexOf('\n')));
        assertTrue(note.endsWith("این خلاصه " + bullets + " جمله دارد."), note);

        String nine = bot.ask("/summary 9");
        assertTrue(TestBot.ascii(nine).startsWith("این خبر برای خلاصه فقط " + bullets + " جمله دارد."), nine);
        assertFalse(bot.ask("/summary 2").contains("فقط"), "no note when the summary has what was asked");
    }

    @Test
    void askingForAMatchBeyondTheLastSaysHowManyThereAre() {
        bot = new TestBot(dir, RecordingTransport.TEXT_ONLY);
        assertEquals(1, bot.engine.searchQuotes("روبیکا").size(), "the fixture: one quote mentions روبیکا");
        String second = bot.ask("/quote روبیکا 2");
        assertTrue(second.startsWith("شما نقل‌قول ۲ را خواستید، اما فقط ۱ نقل‌قول «روبیکا» را دارد:"), second);
        assertTrue(second.contains("روبیکا به تنهایی"), "and shows the one there is: " + second);
        assertFalse(bot.ask("/quote روبیکا").contains("خواستید"), "no note for the first match");
    }

    @Test
    void answersUseOneDigitScriptPerLanguage() {
        bot = new TestBot(dir, RecordingTransport.TEXT_ONLY);
        String fa = firstLine(bot.ask("این خبر کی منتشر شد؟"));
        assertTrue(fa.contains("۱۴۰۲"), fa);
        assertFalse(fa.matches(".*[0-9].*"), "no ASCII digit in a Persian answer: " + fa);
        bot.ask("/lang en");
        String en = firstLine(bot.ask("این خبر کی منتشر شد؟"));
        assertTrue(en.contains("1402"), en);
        assertFalse(en.matches(".*[۰-۹].*"), "no Persian digit in an English answer: " + en);
        assertTrue(bot.ask("/source").contains("21 Tir 1402"));
    }

    @Test
    void statsListsTheFiguresInTheRepliesDigits() throws Exception {
        var article = ir.peyk.article.ArticleParser.parse(
                "گزارش\n\nروزنامه نمونه شنبه 1 مهر 1402 - 10:30\nپیام‌رسان بله 25 میلیون کاربر دارد.\n");
        bot = new TestBot(dir, "telegram", RecordingTransport.TEXT_ONLY, article);
        assertTrue(bot.ask("/stats").contains("• ۲۵ میلیون کاربر"));
        bot.ask("/lang en");
        assertTrue(bot.ask("/stats").contains("• 25 میلیون کاربر"));
    }

    @Test
    void aDecimalPointBecomesPersianButAFullStopStays() {
        I18n fa = I18n.of("fa");
        assertEquals("۱٫۵ درصد در ۱۴۰۲.", fa.localDigits("1.5 درصد در 1402."));
        assertEquals("12.5 and 1402.", I18n.of("en").localDigits("۱۲٫۵ and ۱۴۰۲.".replace('٫', '.')));
    }

    @Test
    void anUnofferedLanguageIsNamedAndNothingChanges() {
        bot = new TestBot(dir, RecordingTransport.TEXT_ONLY);
        bot.ask("/lang en");
        String de = bot.ask("/lang de");
        assertTrue(de.startsWith("I do not offer \"de\"."), de);
        assertTrue(de.contains("Current language: en"), de);
        assertEquals("en", bot.subscribers.language("telegram", TestBot.PRIVATE.id()).orElseThrow());
        assertFalse(bot.ask("/lang").contains("do not offer"), "a bare /lang only shows the usage");
    }

    @Test
    void inlineResultsDoNotRepeatAQuoteUnderAnotherVerb() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        List<InlineResult> results = bot.inline("", "").results();
        List<InlineResult> quotes = results.stream().filter(r -> r.id().startsWith("q")).toList();
        assertTrue(quotes.size() < bot.engine.quotes().size(), "the article repeats a statement: " + quotes.size());
        for (int i = 0; i < quotes.size(); i++) {
            for (int j = i + 1; j < quotes.size(); j++) {
                Set<String> a = Set.copyOf(PersianText.keyWords(quotes.get(i).description()));
                Set<String> b = Set.copyOf(PersianText.keyWords(quotes.get(j).description()));
                assertFalse(InlineAnswers.nearlySame(a, b), quotes.get(i).description() + " / " + quotes.get(j).description());
            }
        }
    }

    @Test
    void statsIsAPictureWithTheTextAsItsCaption() throws Exception {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        bot.transport.photoCaption = 1024;
        var asked = bot.message(TestBot.GROUP, "/stats", false);
        assertTrue(bot.handle(asked).isEmpty(), "no separate text message");
        RecordingTransport.Photo photo = bot.transport.photos.get(0);
        assertTrue(photo.caption().startsWith("آمار خبر «"), photo.caption());
        assertTrue(photo.caption().contains("کلیدواژه‌ها:"), photo.caption());
        assertEquals(asked.messageId(), photo.replyTo(), "the picture quotes the question in a group");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.png()));
        assertNotNull(image, "a PNG");
        assertEquals(800, image.getWidth());
    }

    @Test
    void statsTooLongForACaptionFollowsThePicture() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        bot.transport.photoCaption = 100;
        List<RecordingTransport.Out> sent = bot.say("/stats");
        assertEquals(List.of("photo", "send"), bot.transport.events);
        assertEquals("", bot.transport.photos.get(0).caption());
        assertTrue(sent.get(0).text().startsWith("آمار خبر «"));
    }

    @Test
    void aMessengerThatRefusesPhotosOrHasNoneGetsTheText() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
        bot.transport.photoCaption = 1024;
        bot.transport.refusePhotos = true;
        assertTrue(bot.ask("/stats").startsWith("آمار خبر «"));
        bot.transport.photoCaption = 0;
        bot.transport.refusePhotos = false;
        assertTrue(bot.ask("/stats").startsWith("آمار خبر «"));
        assertTrue(bot.transport.photos.isEmpty());
    }

    @Test
    void anArticleWithoutKeywordsOrNumbersStillGetsAPictureThatSaysSo() throws Exception {
        var article = ir.peyk.article.ArticleParser.parse("گزارش کوتاه\n\nروزنامه نمونه شنبه 1 مهر 1402 - 10:30\nاین است.\n");
        var stats = ir.peyk.article.Statistics.of(article);
        assertTrue(stats.keywords().isEmpty() && stats.numbers().isEmpty(), "the fixture has neither: " + stats);
        bot = new TestBot(dir, "telegram", RecordingTransport.TELEGRAM, article);
        bot.transport.photoCaption = 1024;
        bot.say("/stats");
        RecordingTransport.Photo photo = bot.transport.photos.get(0);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.png()));
        assertNotNull(image);
        boolean bar = false;
        for (int y = 0; y < image.getHeight() && !bar; y++) {
            for (int x = 0; x < image.getWidth() && !bar; x++) bar = (image.getRGB(x, y) & 0xFFFFFF) == 0x2A9D8F;
        }
        assertFalse(bar, "nothing to draw bars of: the picture has the title, the counts and the note; " + photo.caption());
        assertTrue(photo.caption().startsWith("آمار خبر «گزارش کوتاه»"), photo.caption());
    }

    private static String firstLine(String s) {
        Matcher m = Pattern.compile("^[^\\n]*").matcher(s);
        return m.find() ? m.group() : s;
    }
}
