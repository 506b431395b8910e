package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotInfo;
import ir.peyk.adapter.Button;
import ir.peyk.adapter.ButtonPress;
import ir.peyk.adapter.Capabilities;
import ir.peyk.adapter.Chat;
import ir.peyk.adapter.Context;
import ir.peyk.adapter.InlineQuery;
import ir.peyk.adapter.Message;
import ir.peyk.adapter.Update;
import ir.peyk.adapter.User;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.article.Article;
import ir.peyk.article.ArticleParser;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The router wired as the adapter wires it — a real SQLite store, a real transport (recording), a Context per update
 * whose language is read from the store before the update — with a few ways to talk to it.
 */
final class TestBot implements AutoCloseable {
    static final User ALICE = new User("42", "alice", "Alice", false);
    static final Chat PRIVATE = new Chat("42", Chat.Type.PRIVATE, null);
    static final Chat GROUP = new Chat("-1001", Chat.Type.GROUP, "Readers");
    static final BotInfo ME = new BotInfo("1", "peyk_bot", "Peyk");
    /** A key, or a placeholder left unfilled, showing through to the user. */
    private static final Pattern LEAK = Pattern.compile("\\{[a-zA-Z]+\\}|\\b(cmd|ask|btn|hint|summary|quote|stats|source|"
            + "usage|inline|lang|button|error|start|help|evidence|subscribe|unsubscribe|unknown)\\.[a-zA-Z.]+\\b");

    final Database db;
    final Subscribers subscribers;
    final AnswerEngine engine;
    final RecordingTransport transport;
    final Router router;
    final AtomicLong clock = new AtomicLong();
    private final AtomicInteger seq = new AtomicInteger();
    /** How many updates the router passed on to the next middleware (not for us). */
    int passedOn;

    TestBot(Path dir, Capabilities caps) {
        this(dir, "telegram", caps, defaultArticle());
    }

    TestBot(Path dir, String transportName, Capabilities caps, Article article) {
        db = Database.open(dir.resolve("peyk.db"));
        subscribers = new Subscribers(db);
        engine = new AnswerEngine(article);
        transport = new RecordingTransport(transportName, caps);
        router = new Router(engine, subscribers, new Random(7), clock::get);
    }

    static Article defaultArticle() {
        try (InputStream in = TestBot.class.getResourceAsStream("/articles/government-services-domestic-messengers.fa.txt")) {
            return ArticleParser.parse(in.readAllBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An article whose 24 body sentences all mention شبکه and otherwise share no words (so a summarizer dropping
     * near-duplicates keeps them all): enough results for three inline pages, enough sentences for ten-sentence
     * summaries.
     */
    static Article longArticle() {
        String[] a = {"بار", "سار", "تاب", "ماه", "نور", "رود", "کوه", "دشت", "باغ", "گل", "سنگ", "برگ"};
        String[] b = {"کان", "یار", "ستان", "گاه", "زار", "دان", "وند", "مند", "سار", "لاخ", "بان", "گار"};
        StringBuilder t = new StringBuilder("گزارش آزمایشی دربارهٔ شبکه\n\nروزنامه نمونه شنبه 1 مهر 1402 - 10:30\n");
        int w = 0;
        for (int p = 0; p < 6; p++) {
            for (int s = 0; s < 4; s++) {
                t.append("شبکه");
                for (int k = 0; k < 6; k++, w++) t.append(' ').append(a[w % 12]).append(b[(w / 12) % 12]);
                t.append(" است. ");
            }
            t.append("\n\n");
        }
        try {
            return ArticleParser.parse(t.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Handles one update; returns what the bot sent (messages and edits) in reply. */
    List<RecordingTransport.Out> handle(Update u) {
        int before = transport.out.size();
        Chat chat = u.chat();
        String lang = chat == null ? "fa" : subscribers.language(transport.name(), chat.id()).orElse("fa");
        try {
            router.handle(new Context(u, transport, ME, lang, false), () -> passedOn++);
        } catch (Exception e) {
            throw new AssertionError("the router threw on " + u, e);
        }
        List<RecordingTransport.Out> sent = List.copyOf(transport.out.subList(before, transport.out.size()));
        for (RecordingTransport.Out o : sent) {
            assertFalse(LEAK.matcher(o.text()).find(), () -> "a bundle key or placeholder leaked: " + o.text());
        }
        return sent;
    }

    List<RecordingTransport.Out> say(String text) {
        return handle(message(PRIVATE, text, false));
    }

    /** The one message the bot sent in reply to {@code text} in the private chat. */
    String ask(String text) {
        List<RecordingTransport.Out> sent = say(text);
        assertTrue(sent.size() == 1, () -> "expected one reply to " + text + ", got " + sent);
        return sent.get(0).text();
    }

    Message message(Chat chat, String text, boolean replyToBot) {
        int n = seq.incrementAndGet();
        return new Message(transport.name(), "u" + n, chat, ALICE, "m" + n, text, replyToBot, 0);
    }

    /** Presses {@code button}, which sits under message {@code messageId}. */
    List<RecordingTransport.Out> press(String messageId, String data) {
        int n = seq.incrementAndGet();
        return handle(new ButtonPress(transport.name(), "u" + n, PRIVATE, ALICE, "cb" + n, messageId, data));
    }

    List<RecordingTransport.Out> press(RecordingTransport.Out under, Button button) {
        return press(under.messageId(), button.data());
    }

    RecordingTransport.InlineAnswer inline(String query, String offset) {
        int before = transport.inlineAnswers.size();
        int n = seq.incrementAndGet();
        handle(new InlineQuery(transport.name(), "u" + n, ALICE, "iq" + n, query, offset));
        return transport.inlineAnswers.size() > before ? transport.inlineAnswers.get(before) : null;
    }

    static Button button(RecordingTransport.Out out, String dataPrefix) {
        return out.reply().buttons().stream().flatMap(List::stream).filter(b -> b.data().startsWith(dataPrefix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + dataPrefix + " button under " + out));
    }

    /** ASCII digits of s (the bot writes Persian digits in Persian). */
    static String ascii(String s) {
        return ir.peyk.text.PersianText.asciiDigits(s);
    }

    @Override
    public void close() {
        db.close();
    }
}
