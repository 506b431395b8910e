package ir.peyk.console;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.config.ConfigException;
import ir.peyk.config.ConsoleConfig;
import ir.peyk.store.Database;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's security parts on their own: login tokens in a real SQLite store, the limiter, escaping, exposure. */
class ConsoleSecurityTest {
    @TempDir
    Path dir;

    @Test
    void aLoginTokenWorksOnceAndOnlyItsHashIsStored() {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            LoginTokens tokens = new LoginTokens(db);
            String t = tokens.issue();
            assertTrue(t.length() >= 40, "256 random bits");
            long plain = db.count("SELECT COUNT(*) FROM console_login_tokens WHERE hash = ?", t);
            assertEquals(0, plain, "the token itself is not in the store");
            assertFalse(tokens.redeem(t + "x"));
            assertTrue(tokens.redeem(t));
            assertFalse(tokens.redeem(t), "a second use is refused");
            assertFalse(tokens.redeem(""));
            assertFalse(tokens.redeem(null));
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            LoginTokens tokens = new LoginTokens(db);
            String t = tokens.issue();
            db.update("UPDATE console_login_tokens SET expires_at = ?", System.currentTimeMillis() - 1);
            assertFalse(tokens.redeem(t));
        }
    }

    @Test
    void failedLoginsAreLimitedPerAddressAndForAWhile() {
        AtomicLong now = new AtomicLong(1_000_000);
        LoginLimiter l = new LoginLimiter(now::get);
        for (int i = 0; i < LoginLimiter.MAX_FAILURES; i++) {
            assertTrue(l.allowed("10.0.0.1"));
            l.failed("10.0.0.1");
        }
        assertFalse(l.allowed("10.0.0.1"));
        assertTrue(l.allowed("10.0.0.2"), "another address may still try");
        now.addAndGet(LoginLimiter.WINDOW_MILLIS + 1);
        assertTrue(l.allowed("10.0.0.1"), "the window passed");
    }

    @Test
    void failuresFromManyAddressesTogetherAreLimitedToo() {
        LoginLimiter l = new LoginLimiter(() -> 5);
        for (int i = 0; i < LoginLimiter.MAX_FAILURES * 3; i++) l.failed("10.0.1." + i);
        assertFalse(l.allowed("10.9.9.9"));
    }

    @Test
    void markupQuotesAndNulAreEscaped() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;", Html.esc("<script>alert(\"x\")</script> & '"));
        assertEquals("a\uFFFDb", Html.esc("a\u0000b"));
        assertEquals("", Html.esc(null));
        assertEquals("<bdi>&lt;b&gt;\u202Eabc</bdi>", Html.bdi("<b>\u202Eabc"));
    }

    @Test
    void highlightedTextIsEscapedAroundAndInsideTheMarks() {
        String html = Highlight.marked("<b>قیمت ۲۵ درصد</b> بالا رفت", null);
        assertTrue(html.startsWith("&lt;b&gt;"), html);
        assertTrue(html.contains("<mark class=\"num\""), html);
        assertFalse(html.contains("<b>"), html);
    }

    @Test
    void aShortConsoleTokenIsRefusedAtStart() throws Exception {
        try (Database db = Database.open(dir.resolve("p.db"))) {
            ir.peyk.config.PeykConfig config = ir.peyk.config.PeykConfig.load(null, java.util.Map.of("PEYK_CONSOLE", "on"));
            ir.peyk.store.Subscribers subs = new ir.peyk.store.Subscribers(db);
            ArticleSwitch articles = new ArticleSwitch(new ir.peyk.store.ArticleRepository(db), subs,
                    ir.peyk.article.ArticleParser.parse(java.nio.file.Files.readAllBytes(
                            Path.of("config/articles/government-services-domestic-messengers.fa.txt"))));
            ir.peyk.broadcast.BroadcastService bc = new ir.peyk.broadcast.BroadcastService(db, subs, config);
            ConfigException e = assertThrows(ConfigException.class, () -> new ConsoleService(config, db, subs,
                    new ir.peyk.transport.web.WebTransport(), bc, new ir.peyk.webhook.HealthBoard(), articles,
                    java.util.Map.of(ConsoleService.TOKEN_ENV, "short")));
            assertTrue(e.getMessage().contains("at least 24"), e.getMessage());
            assertDoesNotThrow(() -> new ConsoleService(config, db, subs, new ir.peyk.transport.web.WebTransport(), bc,
                    new ir.peyk.webhook.HealthBoard(), articles, java.util.Map.of(ConsoleService.TOKEN_ENV, "x".repeat(32))));
        }
    }

    @Test
    void theConsoleIsConfiguredByFileOrEnvironment() throws Exception {
        java.nio.file.Path f = dir.resolve("peyk.yaml");
        java.nio.file.Files.writeString(f, "console: {enabled: true, behindTls: true, publicUrl: 'https://a.example'}\n");
        ConsoleConfig c = ir.peyk.config.PeykConfig.load(f, java.util.Map.of()).console();
        assertEquals(new ConsoleConfig(true, true, false, "https://a.example"), c);
        assertFalse(ir.peyk.config.PeykConfig.load(f, java.util.Map.of("PEYK_CONSOLE", "off")).console().enabled());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> ir.peyk.config.PeykConfig.load(f, java.util.Map.of("PEYK_CONSOLE", "maybe")));
        assertTrue(bad.getMessage().contains("PEYK_CONSOLE"), bad.getMessage());
        java.nio.file.Files.writeString(f, "console: {enabeld: true}\n");
        ConfigException typo = assertThrows(ConfigException.class, () -> ir.peyk.config.PeykConfig.load(f, java.util.Map.of()));
        assertTrue(typo.getMessage().contains("console.enabeld"), typo.getMessage());
    }

    @Test
    void offLoopbackTheConsoleNeedsTlsOrAnExplicitSetting() {
        ConsoleConfig on = new ConsoleConfig(true, false, false, null);
        assertDoesNotThrow(() -> on.checkExposure("127.0.0.1"));
        assertDoesNotThrow(() -> on.checkExposure("::1"));
        ConfigException e = assertThrows(ConfigException.class, () -> on.checkExposure("0.0.0.0"));
        assertTrue(e.getMessage().contains("console.behindTls"), e.getMessage());
        assertDoesNotThrow(() -> new ConsoleConfig(true, true, false, null).checkExposure("0.0.0.0"));
        assertDoesNotThrow(() -> new ConsoleConfig(true, false, true, null).checkExposure("0.0.0.0"));
        assertDoesNotThrow(() -> ConsoleConfig.OFF.checkExposure("0.0.0.0"));
    }
}
