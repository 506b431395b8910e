package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.adapter.Inbox;
import ir.peyk.store.Database;
import ir.peyk.testing.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peyk run} as a real process: the environment points it at a loopback Bot API server, it handles an update,
 * and SIGTERM stops it gracefully with the update's state stored.
 */
class RunProcessTest {
    static final String TOKEN = "31337:ENV-token";

    @TempDir
    Path dir;

    @Test
    void environmentSelectsTheServerAndSigtermStopsCleanly() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            long id = api.pushMessage(5, 5, "/start");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "--config", "config/peyk.yaml", "--db", dir.resolve("run.db").toString(), "run");
            pb.environment().put("PEYK_TRANSPORT", "telegram");
            pb.environment().put("PEYK_TELEGRAM_TOKEN", TOKEN);
            pb.environment().put("PEYK_TELEGRAM_API_URL", api.url());
            pb.environment().put("PEYK_LOG_LEVEL", "INFO");
            Path log = dir.resolve("run.log");
            Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertEquals(TOKEN, api.awaitCalls("getMe", 1, Duration.ofSeconds(30)).get(0).token());
                // The offset moving past the update means it was stored; the next poll confirms it.
                api.awaitCalls(c -> c.method().equals("getUpdates") && Long.toString(id + 1).equals(c.param("offset")),
                        1, Duration.ofSeconds(30), "a poll confirming the update");
            } finally {
                p.destroy(); // SIGTERM
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "did not stop on SIGTERM");
            assertEquals(143, p.exitValue(), "128 + SIGTERM after a graceful stop");
            String out = Files.readString(log);
            assertTrue(out.contains("signal received: stopping"), out);
            assertFalse(out.contains("ENV-token"), out);
            try (Database db = Database.open(dir.resolve("run.db"))) {
                Inbox inbox = new Inbox(db);
                assertEquals("done", inbox.status("telegram", Long.toString(id)), "handled before the stop");
                assertEquals(Long.toString(id + 1), inbox.offset("telegram"));
                assertEquals(Map.of("done", 1), inbox.counts());
            }
        }
    }

    /** A transport in webhook mode with the webhook server off is a config error: one line, exit 2, before any start. */
    @Test
    void webhookModeWithTheServerOffIsOneLineAndExitTwo() throws Exception {
        Path config = dir.resolve("config").resolve("peyk.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "transports:\n  telegram: {mode: webhook}\nwebhook:\n  enabled: false\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--config", config.toString(), "--db", dir.resolve("run.db").toString(), "run");
        pb.environment().put("PEYK_TRANSPORT", "telegram");
        pb.environment().put("PEYK_TELEGRAM_TOKEN", TOKEN);
        pb.environment().put("PEYK_TELEGRAM_API_URL", "http://127.0.0.1:9"); // never asked: nothing starts
        Path log = dir.resolve("run.log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not exit");
        String out = Files.readString(log);
        assertEquals(2, p.exitValue(), out);
        assertEquals(1, out.strip().lines().count(), out);
        assertTrue(out.contains("[telegram] run in webhook mode but webhook.enabled is false"), out);
    }
}
