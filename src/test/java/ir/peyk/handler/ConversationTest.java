package ir.peyk.handler;

import static ir.peyk.handler.TestBot.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.Statistics;
import ir.peyk.store.Subscribers.Subscriber;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A private conversation on a platform with every capability (Telegram), in Persian then English. */
class ConversationTest extends HandlerFixture {
    @BeforeEach
    void open() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
    }

    @Test
    void startWelcomesAndSubscribesTheChat() {
        String welcome = bot.ask("/start");
        assertTrue(welcome.contains("پیک"), welcome);
        assertTrue(welcome.contains(bot.engine.article().title()), "names the article: " + welcome);
        assertTrue(welcome.contains("/unsubscribe"), welcome);
        assertEquals(List.of(new Subscriber("telegram", "42", false)), bot.subscribers.all());

        assertTrue(bot.ask("/subscribe").contains("از قبل"), "already subscribed");
        assertTrue(bot.ask("/unsubscribe").contains("لغو شد"));
        assertFalse(bot.subscribers.isSubscribed("telegram", "42"));
        assertTrue(bot.ask("/unsubscribe").contains("عضو اطلاعیه‌ها نبود"));
        assertTrue(bot.ask("/subscribe").startsWith("عضو شدید"));
        assertTrue(bot.subscribers.isSubscribed("telegram", "42"));
    }

    @Test
    void helpListsEveryCommandAndInlineUsage() {
        String help = bot.ask("/help");
        for (String c : bot.router.commandNames()) assertTrue(help.contains("/" + c), "lists /" + c + ": " + help);
        assertEquals(List.of("start", "help", "ask", "summary", "quote", "stats", "source", "subscribe", "unsubscribe",
                "lang"), bot.router.commandNames());
        assertTrue(help.contains("@peyk_bot"), "Telegram has inline queries: " + help);
        assertTrue(bot.ask("/HELP").equals(help), "commands are case-insensitive");
    }

    @Test
    void aQuestionTheArticleDoesNotAnswerIsDeclinedNotGuessed() {
        String reply = bot.ask("/ask قیمت دلار امروز چند است؟");
        assertTrue(reply.contains("چیزی نگفته"), reply);
        assertTrue(bot.transport.out.get(0).reply().buttons().isEmpty(), "no evidence button on a decline");
        assertTrue(bot.ask("قیمت دلار امروز چند است؟").contains("چیزی نگفته"), "free text is a question too");
    }

    @Test
    void askWithoutAQuestionSaysHow() {
        assertTrue(bot.ask("/ask").contains("/ask"));
        assertTrue(bot.ask("/ask   ").contains("/ask"));
    }

    @Test
    void summaryOfTwoSentencesWithAMoreButton() {
        List<RecordingTransport.Out> sent = bot.say("/summary 2");
        assertEquals(1, sent.size());
        String text = sent.get(0).text();
        assertTrue(text.contains("در ۲ جمله"), text);
        assertEquals(2, bullets(text));
        for (var e : bot.engine.summary(2).sentences()) assertTrue(text.contains(e.text().strip()), "has " + e.text());
        assertEquals("sum:2", TestBot.button(sent.get(0), "sum:").data());

        assertEquals(3, bullets(bot.ask("/summary")), "three sentences by default");
        assertEquals(4, bullets(bot.ask("/summary ۴")), "Persian digits");
    }

    @Test
    void summaryOutOfRangeIsClampedAndSaysSo() {
        String text = bot.ask("/summary 99");
        assertTrue(text.contains("۱ تا ۱۰"), text);
        int available = bot.engine.summary(10).sentences().size();
        assertEquals(available, bullets(text));
        assertTrue(ascii(text).contains("در " + available + " جمله"), text);
        assertEquals(1, bullets(bot.ask("/summary 0")));
        assertEquals(1, bullets(bot.ask("/summary -5")));
        assertEquals(available, bullets(bot.ask("/summary 99999999999999999999")));
    }

    @Test
    void summaryWithAWordSaysWhatANumberIs() {
        String text = bot.ask("/summary lots");
        assertTrue(text.contains("«lots» عدد نیست"), text);
        assertEquals(0, bullets(text));
    }

    @Test
    void statsGiveTheArticlesNumbers() {
        var stats = Statistics.of(bot.engine.article());
        String text = ascii(bot.ask("/stats"));
        assertTrue(text.contains(stats.words() + " کلمه"), text);
        assertTrue(text.contains(stats.sentences() + " جمله"), text);
        assertTrue(text.contains("زمان مطالعه"), text);
        assertFalse(stats.keywords().isEmpty());
        assertTrue(text.contains(stats.keywords().get(0).term() + " (" + stats.keywords().get(0).count() + ")"), text);
        for (var n : stats.numbers()) {
            boolean listed = text.contains("• " + ascii(n.text().strip()));
            assertEquals(!n.section().equals("footer"), listed, "body numbers only: " + n);
        }
    }

    @Test
    void sourceGivesTitleOutletAndBothCalendars() {
        String text = bot.ask("/source");
        assertTrue(text.contains("ارائه خدمات دولتی"), text);
        assertTrue(text.contains("دنیای اقتصاد"), text);
        assertTrue(text.contains("۲۱ تیر ۱۴۰۲"), text);
        assertTrue(text.contains("۱۲ ژوئیه ۲۰۲۳"), "1402/04/21 is 2023-07-12: " + text);
        assertTrue(text.contains("۰۰:۰۹"), text);
    }

    @Test
    void langEnSwitchesThisReplyAndTheNextOnes() {
        assertEquals("I will answer in English from now on.", bot.ask("/lang en"));
        assertEquals("en", bot.subscribers.language("telegram", "42").orElseThrow());
        String help = bot.ask("/help");
        assertTrue(help.startsWith("Commands:"), help);
        assertTrue(bot.ask("/summary 2").contains("in 2 sentences"));
        assertTrue(bot.ask("What is the price of gold?").contains("does not say"));
        String source = bot.ask("/source");
        assertTrue(source.contains("21 Tir 1402") && source.contains("12 July 2023"), source);
        assertTrue(bot.ask("/lang xx").contains("Current language: en"));
        assertEquals("از این پس به فارسی پاسخ می‌دهم.", bot.ask("/lang fa"));
        assertTrue(bot.ask("/help").startsWith("دستورها"));
    }

    @Test
    void unknownCommandListsTheKnownOnes() {
        String text = bot.ask("/foo bar");
        assertTrue(text.contains("/foo"), text);
        assertTrue(text.contains("/summary") && text.contains("/quote") && text.contains("/lang"), text);
        assertTrue(bot.ask("/سلام").contains("/summary"), "a non-Latin command is still a command");
    }

    @Test
    void aCommandForAnotherBotIsLeftAlone() {
        assertTrue(bot.say("/summary@other_bot").isEmpty());
        assertEquals(1, bot.passedOn);
        assertEquals(1, bullets(bot.ask("/summary@Peyk_Bot 1")), "own name, any case");
    }

    @Test
    void nonTextMessagesGetAHint() {
        assertTrue(bot.ask("").contains("/help"));
    }

    static int bullets(String text) {
        return (int) text.lines().filter(l -> l.startsWith("• ")).count();
    }
}
