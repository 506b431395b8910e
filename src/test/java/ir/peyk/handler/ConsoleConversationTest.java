package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotApp;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.transport.console.ConsoleTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot as RunCommand builds it — the adapter's update loop and durable inbox, the console transport — with
 * the router answering a piped script, as {@code printf ... | java -jar peyk.jar} does.
 */
class ConsoleConversationTest {
    @TempDir
    Path dir;

    private String run(String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            Subscribers subscribers = new Subscribers(db);
            ConsoleTransport console = new ConsoleTransport(
                    new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
            BotApp app = BotApp.builder(db).subscribers(subscribers).transport(console, BotApp.Receive.POLL)
                    .use(new Router(new AnswerEngine(TestBot.defaultArticle()), subscribers)).build();
            app.start();
            assertEquals(0, app.awaitTermination(), "ends cleanly at end of input");
            assertTrue(subscribers.isSubscribed("console", ConsoleTransport.CHAT_ID), "/start subscribed the console");
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScriptedConversationInPersianThenEnglish() throws Exception {
        String out = run(String.join("\n", "/start", "/summary 2", "/press 1", "قیمت طلا چند است؟", "/source",
                "/inline روبیکا", "/lang en", "/summary 1", "/nonsense", ""));
        int welcome = out.indexOf("سلام! من «پیک» هستم");
        int summary = out.indexOf("در ۲ جمله:");
        int more = out.indexOf("ادامهٔ خلاصه (جملهٔ ۳ تا ۵)");
        int declined = out.indexOf("خبر در این باره چیزی نگفته است");
        int source = out.indexOf("۲۱ تیر ۱۴۰۲ (۱۲ ژوئیه ۲۰۲۳)");
        int inline = out.indexOf("inline results for \"روبیکا\"");
        int english = out.indexOf("I will answer in English from now on.");
        int summaryEn = out.indexOf("in 1 sentence:");
        int unknown = out.indexOf("I don't know the command /nonsense");
        assertTrue(welcome >= 0 && welcome < summary && summary < more && more < declined && declined < source
                && source < inline && inline < english && english < summaryEn && summaryEn < unknown, out);
        assertTrue(out.contains("[1] ادامهٔ خلاصه"), "the button is offered: " + out);
    }
}
