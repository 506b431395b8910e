package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.BotApp;
import ir.peyk.answer.AnswerEngine;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.transport.console.ConsoleTransport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console as a person uses it: /press refers to the last message, /stats leaves a PNG, /start tells /inline. */
class ConsoleUxTest {
    @TempDir
    Path dir;

    private String run(String script) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            Subscribers subscribers = new Subscribers(db);
            ConsoleTransport console = new ConsoleTransport(
                    new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8), dir.resolve("charts"));
            BotApp app = BotApp.builder(db).subscribers(subscribers).transport(console, BotApp.Receive.POLL)
                    .use(new Router(new AnswerEngine(TestBot.defaultArticle()), subscribers)).build();
            app.start();
            assertEquals(0, app.awaitTermination());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pressAfterAMessageWithoutButtonsPressesNothingOlder() throws Exception {
        String out = run(String.join("\n", "/summary 2", "/quote روبیکا", "/press 1", ""));
        assertTrue(out.contains("[1] ادامهٔ خلاصه"), "the summary had a button: " + out);
        assertTrue(out.contains("(the last message has no buttons to press)"), out);
        assertFalse(out.contains("ادامهٔ خلاصه (جملهٔ"), "the summary's old button was not pressed: " + out);
    }

    @Test
    void startTellsTheConsoleWayToTryInlineMode() throws Exception {
        String out = run("/start\n");
        assertTrue(out.contains("/inline"), out);
        assertFalse(out.contains("@peyk_bot"), "the console takes no @mention inline queries: " + out);
    }

    @Test
    void statsWritesItsChartToAFileAndPrintsThePath() throws Exception {
        String out = run("/stats\n");
        Matcher m = Pattern.compile("\\(picture: ([^)]+\\.png)\\)").matcher(out);
        assertTrue(m.find(), out);
        Path png = Path.of(m.group(1));
        assertTrue(png.startsWith(dir.resolve("charts")), png.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertTrue(out.indexOf("آمار خبر «") > m.end(), "the text follows the path: " + out);
        assertEquals(1, Files.list(dir.resolve("charts")).count());
    }
}
