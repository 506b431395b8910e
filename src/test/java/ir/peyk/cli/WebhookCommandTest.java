package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.Database;
import ir.peyk.webhook.WebhookSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookCommandTest {
    @TempDir
    Path dir;

    String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute(args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void urlsPrintsTheStoredSecretUrlsAndRotateChangesThem() throws Exception {
        Path cfg = dir.resolve("config/peyk.yaml");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, """
                store: peyk.db
                transports:
                  console: {enabled: false}
                  gap: {enabled: true, mode: webhook}
                  bale: {enabled: true, mode: polling}
                webhook: {enabled: true, publicUrl: "https://bot.example.com/"}
                """);
        String first = run("--config", cfg.toString(), "webhook", "urls");
        String path;
        try (Database db = Database.open(dir.resolve("peyk.db"))) {
            path = "/hook/gap/" + WebhookSecrets.load(db, Map.of()).pathSecret("gap");
        }
        assertEquals("gap https://bot.example.com" + path + "\n", first.replace("\r", ""), "only webhook-mode transports");
        assertEquals(first, run("--config", cfg.toString(), "webhook", "urls"), "stable across runs");
        run("--config", cfg.toString(), "webhook", "rotate-secret");
        String after = run("--config", cfg.toString(), "webhook", "urls");
        assertNotEquals(first, after);
        assertTrue(after.startsWith("gap https://bot.example.com/hook/gap/"));
    }
}
