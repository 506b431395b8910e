package ir.peyk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.store.Database;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretsTest {
    @TempDir
    Path dir;

    @Test
    void generatedOnceAndKeptInTheStoreAcrossRestarts() {
        String first;
        try (Database db = Database.open(dir.resolve("a.db"))) {
            first = WebhookSecrets.load(db, Map.of()).pathSecret("telegram");
        }
        try (Database db = Database.open(dir.resolve("a.db"))) {
            assertEquals(first, WebhookSecrets.load(db, Map.of()).pathSecret("telegram"));
        }
        try (Database other = Database.open(dir.resolve("b.db"))) {
            assertNotEquals(first, WebhookSecrets.load(other, Map.of()).pathSecret("telegram"), "random per store");
        }
    }

    @Test
    void rotateMakesNewUrls() {
        try (Database db = Database.open(dir.resolve("a.db"))) {
            String before = WebhookSecrets.load(db, Map.of()).pathSecret("rubika");
            WebhookSecrets.rotate(db);
            assertNotEquals(before, WebhookSecrets.load(db, Map.of()).pathSecret("rubika"));
        }
    }

    @Test
    void theEnvironmentOverridesTheStoreAndMustBeLongEnough() {
        String env = "k".repeat(40);
        try (Database db = Database.open(dir.resolve("a.db"))) {
            WebhookSecrets s = WebhookSecrets.load(db, Map.of(WebhookSecrets.ENV, env));
            assertEquals(WebhookSecrets.fromEnv(env).pathSecret("gap"), s.pathSecret("gap"));
            assertNotEquals(WebhookSecrets.load(db, Map.of()).pathSecret("gap"), s.pathSecret("gap"));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookSecrets.fromEnv("Q7xTiny"));
        assertTrue(e.getMessage().contains("at least 32"));
        assertFalse(e.getMessage().contains("Q7xTiny"), "the refused value is not echoed");
    }

    @Test
    void eachTransportAndPurposeGetsItsOwnUnguessableValue() {
        WebhookSecrets s = WebhookSecrets.fromEnv("m".repeat(32));
        assertNotEquals(s.pathSecret("telegram"), s.pathSecret("bale"));
        assertNotEquals(s.pathSecret("telegram"), s.headerSecret("telegram"));
        assertTrue(s.pathSecret("telegram").matches("[A-Za-z0-9_-]{43}"));
        assertFalse(s.toString().contains(s.pathSecret("telegram")));
    }

    @Test
    void matchingIsExactAndNullSafe() {
        assertTrue(WebhookSecrets.matches("abc", "abc"));
        assertFalse(WebhookSecrets.matches("abc", "abd"));
        assertFalse(WebhookSecrets.matches("abc", "ab"));
        assertFalse(WebhookSecrets.matches("abc", null));
        assertFalse(WebhookSecrets.matches(null, "abc"));
    }
}
