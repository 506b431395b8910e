package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.User;
import ir.peyk.store.Subscribers.Subscriber;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In groups the bot answers commands, mentions and replies to it — and nothing else. */
class GroupTest extends HandlerFixture {
    @BeforeEach
    void open() {
        bot = new TestBot(dir, RecordingTransport.TELEGRAM);
    }

    private List<RecordingTransport.Out> inGroup(String text, boolean replyToBot) {
        return bot.handle(bot.message(TestBot.GROUP, text, replyToBot));
    }

    @Test
    void commandsWorkBareAndAddressedToThisBot() {
        List<RecordingTransport.Out> sent = inGroup("/summary@peyk_bot 2", false);
        assertEquals(1, sent.size());
        assertEquals("-1001", sent.get(0).chatId());
        assertEquals(2, ConversationTest.bullets(sent.get(0).text()));
        assertEquals(1, inGroup("/source", false).size());
    }

    @Test
    void commandsForAnotherBotAreIgnored() {
        assertTrue(inGroup("/summary@other_bot 2", false).isEmpty());
        assertTrue(inGroup("/start@other_bot", false).isEmpty());
        assertEquals(2, bot.passedOn);
        assertTrue(bot.subscribers.all().isEmpty(), "another bot's /start subscribes nothing");
    }

    @Test
    void plainTextIsIgnoredUnlessItMentionsOrRepliesToTheBot() {
        assertTrue(inGroup("سلام به همه، امروز چه خبر؟", false).isEmpty());
        assertTrue(inGroup("email me at x@peyk_bot.example or @peyk_bots", false).isEmpty(), "not a mention");
        assertEquals(2, bot.passedOn);

        List<RecordingTransport.Out> mention = inGroup("@peyk_bot قیمت دلار چند است؟", false);
        assertEquals(1, mention.size());
        assertTrue(mention.get(0).text().contains("چیزی نگفته"), mention.get(0).text());
        assertEquals(1, inGroup("قیمت دلار چند است @PEYK_BOT", false).size(), "mention anywhere, any case");
        assertEquals(1, inGroup("قیمت دلار چند است؟", true).size(), "a reply to the bot is a question");
        assertTrue(inGroup("@peyk_bot", false).get(0).text().contains("/ask"), "a bare mention gets a hint");
    }

    @Test
    void unknownCommandsAreAnsweredOnlyWhenAddressed() {
        assertTrue(inGroup("/ban someone", false).isEmpty(), "may be another bot's");
        String reply = inGroup("/ban@peyk_bot", false).get(0).text();
        assertTrue(reply.contains("/ban") && reply.contains("/summary"), reply);
    }

    @Test
    void startInAGroupSubscribesTheGroup() {
        inGroup("/start@peyk_bot", false);
        assertEquals(List.of(new Subscriber("telegram", "-1001", true)), bot.subscribers.all());
        String help = inGroup("/help", false).get(0).text();
        assertTrue(help.contains("@peyk_bot"), "group usage names the bot: " + help);
    }

    @Test
    void otherBotsAreNeverAnswered() {
        User otherBot = new User("7", "chatty_bot", "Chatty", true);
        Message m = new Message("telegram", "b1", TestBot.GROUP, otherBot, "9", "/summary@peyk_bot", false, 0);
        assertTrue(bot.handle(m).isEmpty());
        Message p = new Message("telegram", "b2", TestBot.PRIVATE, otherBot, "10", "hello", false, 0);
        assertTrue(bot.handle(p).isEmpty());
    }

    @Test
    void languageIsPerChat() {
        inGroup("/lang@peyk_bot en", false);
        assertTrue(inGroup("/help", false).get(0).text().startsWith("Commands:"));
        assertTrue(bot.ask("/help").startsWith("دستورها"), "the private chat keeps Persian");
        Chat channel = new Chat("-200", Chat.Type.CHANNEL, "News");
        assertTrue(bot.handle(bot.message(channel, "just a post", false)).isEmpty());
    }
}
