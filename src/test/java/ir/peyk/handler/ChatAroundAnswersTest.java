package ir.peyk.handler;

import static ir.peyk.handler.TestBot.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.InlineResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat around the answers: greetings, thanks and "who are you" get a friendly reply with a hint (never the decline),
 * a greeting before a question does not stop the answer, English questions are answered in English from the
 * Persian article, every example question the bot suggests is answered, and an inline question the article does not
 * answer says so first.
 */
class ChatAroundAnswersTest extends HandlerFixture {
    private static final String DECLINE_FA = "چیزی نگفته";
    private static final String DECLINE_EN = "does not say";

    @BeforeEach
    void open() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
    }

    @Test
    void greetingsThanksAndWhoAreYouGetAFriendlyReplyWithAHint() {
        String hi = bot.ask("سلام");
        assertTrue(hi.startsWith("سلام!") && hi.contains(bot.engine.article().title()), hi);
        assertTrue(hi.contains("«") && hi.contains("؟»"), "with an example question: " + hi);
        assertTrue(bot.ask("سلام علیکم، وقت بخیر!").startsWith("سلام!"));
        assertTrue(bot.ask("ممنون").startsWith("خواهش می‌کنم"));
        assertTrue(bot.ask("خیلی ممنون 🙏").startsWith("خواهش می‌کنم"));
        String who = bot.ask("تو کی هستی؟");
        assertTrue(who.startsWith("من پیک هستم"), who);
        assertTrue(bot.ask("سلام، تو کی هستی؟").startsWith("من پیک هستم"), "who-are-you wins over the greeting");
        assertTrue(bot.ask("خداحافظ").startsWith("خدانگهدار"));
        assertTrue(bot.ask("salam").startsWith("سلام!"), "Finglish chat is Persian");

        for (String m : List.of("سلام", "ممنون", "تو کی هستی؟", "خداحافظ")) assertFalse(bot.ask(m).contains(DECLINE_FA), m);
        assertTrue(bot.transport.out.stream().allMatch(o -> o.reply().buttons().isEmpty()), "chat has no evidence button");
    }

    @Test
    void inAGroupAMentionWithAGreetingIsChatToo() {
        List<RecordingTransport.Out> sent = bot.handle(bot.message(TestBot.GROUP, "@peyk_bot سلام", false));
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).text().startsWith("سلام!"), sent.get(0).text());
        sent = bot.handle(bot.message(TestBot.GROUP, "@peyk_bot سلام، روبیکا چند کاربر دارد؟", false));
        assertTrue(sent.get(0).text().contains("۴۰ میلیون"), sent.get(0).text());
        assertTrue(bot.ask("salam, rubika chand karbar dare?").contains("۴۰ میلیون"), "a Finglish greeting before Finglish");
    }

    @Test
    void onlyAWholeMessageOfChatPhrasesIsChat() {
        assertEquals(SmallTalk.Kind.GREETING, SmallTalk.kind("سلام!!"));
        assertEquals(SmallTalk.Kind.IDENTITY, SmallTalk.kind("سلام، شما کی هستید؟"));
        assertEquals(SmallTalk.Kind.THANKS, SmallTalk.kind("Thank you very much!"));
        assertNull(SmallTalk.kind("سلام وزیر ارتباطات کیه؟"));
        assertNull(SmallTalk.kind("ممنون، منبع خبر چیست؟"));
        assertNull(SmallTalk.kind(""));
        assertNull(SmallTalk.kind("سلام ".repeat(100)), "a long message is no greeting");
        assertEquals("وزیر ارتباطات کیه؟", SmallTalk.withoutGreeting("سلام، وزیر ارتباطات کیه؟"));
        assertEquals("how many users does rubika have?", SmallTalk.withoutGreeting("Hi there! How many users does Rubika have?"));
        assertEquals("روبیکا چند کاربر دارد؟", SmallTalk.withoutGreeting("روبیکا چند کاربر دارد؟"));
    }

    @Test
    void englishChatIsAnsweredInEnglish() {
        assertTrue(bot.ask("Hello!").startsWith("Hello! I answer questions about this article"));
        assertTrue(bot.ask("thanks").startsWith("You're welcome"));
        assertTrue(bot.ask("Who are you?").startsWith("I am Peyk"));
        assertTrue(bot.ask("hi, what can you do?").startsWith("I am Peyk"));
        assertEquals("fa", bot.subscribers.language("telegram", "42").orElse("fa"), "the chat's language is not changed");
    }

    @Test
    void aGreetingBeforeAQuestionDoesNotStopTheAnswer() {
        String a = bot.ask("سلام، وزیر ارتباطات کیه؟");
        assertTrue(a.contains("زارعپور"), a);
        assertTrue(bot.ask("سلام وقت بخیر روبیکا چند کاربر دارد؟").contains("۴۰ میلیون"));
        assertTrue(bot.ask("Hi! How many users does Rubika have?").contains("40 million"));
        // a question about greeting words is no greeting: it is asked, and declined
        assertTrue(bot.ask("سلام وزیر کشور چند کاربر دارد؟").contains(DECLINE_FA));
    }

    @Test
    void withLangEnAnEnglishQuestionIsAnsweredInEnglishFromThePersianArticle() {
        bot.ask("/lang en");
        String a = bot.ask("How many users does Rubika have?");
        assertTrue(a.startsWith("From the article: more than 40 million people"), a);
        assertTrue(ascii(a).contains("«بیش از 40 میلیون نفر کاربر»"), "the article's words quoted: " + a);
        assertEquals("ev:", TestBot.button(bot.transport.out.get(bot.transport.out.size() - 1), "ev:").data().substring(0, 3));

        String who = bot.ask("Who is the minister of communications?");
        assertTrue(who.startsWith("From the article") && who.contains("زارعپور"), who);
        String when = bot.ask("When was the news published?");
        assertTrue(when.contains("12 July 2023") && when.contains("21 Tir 1402"), when);
        assertTrue(bot.ask("What is the capital of France?").contains(DECLINE_EN));
        assertTrue(bot.ask("How much does Rubika cost?").contains(DECLINE_EN));
        String fa = bot.ask("روبیکا چند کاربر دارد؟");
        assertTrue(fa.startsWith("From the article: more than 40 million people"), "a Persian question in an English chat: " + fa);
    }

    @Test
    void anEnglishQuestionInAPersianChatGetsAnEnglishReplyAndFinglishAPersianOne() {
        String en = bot.ask("How many users does Rubika have?");
        assertTrue(en.startsWith("From the article: more than 40 million people"), en);
        assertTrue(bot.ask("Who is the CEO of Eitaa?").contains(DECLINE_EN));
        String fin = bot.ask("rubika chand karbar dare?");
        assertTrue(fin.startsWith("پاسخ از متن خبر") && fin.contains("۴۰ میلیون"), fin);
        assertEquals("fa", bot.subscribers.language("telegram", "42").orElse("fa"));
    }

    /** Every example question in every message of both bundles, asked in that language, is answered. */
    @Test
    void everyExampleQuestionTheBotSuggestsIsAnswered() throws IOException {
        int asked = 0;
        for (String lang : List.of("fa", "en")) {
            bot.ask("/lang " + lang);
            for (String q : examples(lang)) {
                String reply = bot.ask(q);
                assertTrue(reply.startsWith(lang.equals("fa") ? "پاسخ از متن خبر" : "From the article"), lang + " example «" + q + "» got: " + reply);
                asked++;
            }
        }
        assertTrue(asked >= 6, "examples found: " + asked);
    }

    /** The example questions of a bundle: «…؟» / "…?" quotations and the question after "/ask ". */
    static List<String> examples(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChatAroundAnswersTest.class.getResourceAsStream("/peyk/i18n/messages_" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Pattern quoted = Pattern.compile("[«\"]([^«»\"{}]+[?؟])[»\"]|/ask ([^\\n{}]+[?؟])");
        List<String> out = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = quoted.matcher(p.getProperty(key));
            while (m.find()) out.add(m.group(1) != null ? m.group(1) : "/ask " + m.group(2));
        }
        return out;
    }

    @Test
    void anInlineQuestionTheArticleDoesNotAnswerSaysSoFirst() {
        RecordingTransport.InlineAnswer a = bot.inline("قیمت دلار چند است؟", "");
        InlineResult first = a.results().get(0);
        assertEquals("n", first.id());
        assertEquals("خبر در این باره چیزی نگفته است", first.title());
        assertTrue(first.text().contains("قیمت دلار چند است؟") && first.text().contains(bot.engine.article().title()), first.text());
        assertTrue(a.results().stream().skip(1).noneMatch(r -> r.id().equals("a")), "no answer after the decline");

        RecordingTransport.InlineAnswer answered = bot.inline("روبیکا چند کاربر دارد؟", "");
        assertEquals("a", answered.results().get(0).id());
        assertTrue(answered.results().stream().noneMatch(r -> r.id().equals("n")));

        RecordingTransport.InlineAnswer word = bot.inline("روبیکا", "");
        assertTrue(word.results().stream().noneMatch(r -> r.id().equals("n")), "a word typed to search is no question");

        RecordingTransport.InlineAnswer en = bot.inline("Who is the CEO of Eitaa?", "");
        assertEquals("n", en.results().get(0).id());
        assertEquals("The article does not say", en.results().get(0).title(), "an English question is answered in English");
        InlineResult rubika = bot.inline("How many users does Rubika have?", "").results().get(0);
        assertEquals("a", rubika.id());
        assertTrue(rubika.text().contains("more than 40 million people") && ascii(rubika.text()).contains("«بیش از 40 میلیون نفر کاربر»"),
                rubika.text());
    }

    @Test
    void numbersInAnEnglishFrameAreEnglish() {
        assertEquals("more than 40 million people", EnglishAnswers.number(ir.peyk.article.NumberExtractor.extract("بیش از ۴۰ میلیون نفر").get(0)));
        assertEquals("35.8 percent", EnglishAnswers.number(ir.peyk.article.NumberExtractor.extract("۳۵.۸ درصد").get(0)));
        assertEquals("1.2 million", EnglishAnswers.amount(1_200_000));
        assertEquals("25,000", EnglishAnswers.amount(25_000));
        assertEquals("2 trillion", EnglishAnswers.amount(2e12));
        assertTrue(ascii("۴۰").equals("40"));
    }
}
