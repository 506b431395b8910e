package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.console.LoginTokens;
import ir.peyk.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCommandTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws Exception {
        Path f = dir.resolve("peyk.yaml");
        Files.writeString(f, "store: " + dir.resolve("peyk.db") + "\n" + yaml);
        return f;
    }

    @Test
    void linkPrintsAOneTimeLinkToThePublicUrlThatTheStoreRedeemsOnce() throws Exception {
        Path cfg = config("console: {enabled: true, publicUrl: 'https://admin.example.com/'}\n");
        CliTest.Run r = CliTest.run("--config", cfg.toString(), "console", "link");
        assertEquals(0, r.code(), r.err());
        String link = r.out().strip();
        assertTrue(link.startsWith("https://admin.example.com/console/login?t="), link);
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            LoginTokens tokens = new LoginTokens(db);
            String token = link.substring(link.indexOf("t=") + 2);
            assertTrue(tokens.redeem(token));
            assertTrue(!tokens.redeem(token));
        }
    }

    @Test
    void linkWithoutAPublicUrlPointsAtTheLoopbackServer() throws Exception {
        Path cfg = config("console: {enabled: true}\nwebhook: {port: 8555}\n");
        CliTest.Run r = CliTest.run("--config", cfg.toString(), "console", "link");
        assertTrue(r.out().strip().startsWith("http://127.0.0.1:8555/console/login?t="), r.out());
    }

    @Test
    void runRefusesAConsoleOffLoopbackWithoutTls() throws Exception {
        Path cfg = config("console: {enabled: true}\nwebhook: {enabled: true, host: 0.0.0.0, port: 0}\n"
                + "article: " + Path.of("config/articles/government-services-domestic-messengers.fa.txt").toAbsolutePath() + "\n");
        CliTest.Run r = CliTest.run("--config", cfg.toString(), "run");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("without TLS") && r.err().contains("console.behindTls"), r.err());
    }

    @Test
    void bareConsoleSaysWhichSubcommand() throws Exception {
        CliTest.Run r = CliTest.run("--config", config("").toString(), "console");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("peyk console link"), r.err());
    }
}
