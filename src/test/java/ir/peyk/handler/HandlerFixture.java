package ir.peyk.handler;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the router tests share: a temporary folder for the {@link TestBot}'s SQLite store, and the bot, closed after
 * each test. A test (or its {@code @BeforeEach}) sets {@link #bot} to the platform and article it needs.
 */
abstract class HandlerFixture {
    @TempDir
    Path dir;
    TestBot bot;

    @AfterEach
    void closeBot() {
        if (bot != null) bot.close();
    }
}
