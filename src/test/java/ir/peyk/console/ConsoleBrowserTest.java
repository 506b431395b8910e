package ir.peyk.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.cli.Main;
import ir.peyk.store.Database;
import ir.peyk.store.Subscribers;
import ir.peyk.testing.FakeBotApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: {@code peyk run} in its own JVM with the console on (Telegram against a fake Bot API
 * with 200 subscribers), {@code peyk console link} for the login, and Debian's headless Chromium at a phone's width
 * (375 px) driven through the system chromedriver. One browser session walks every step, in order. Screenshots go to
 * target/console-screens/. Waits are explicit and generous: no step depends on how fast the machine is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TOKEN = "4242:console-test";
    /** PEYK_CONSOLE_TOKEN of the bot under test. */
    static final String CONSOLE_TOKEN = "fixed-console-token-for-the-browser-test";
    static final Path DIR = Path.of("target", "console-test");
    static final Path SCREENS = Path.of("target", "console-screens");

    static FakeBotApi api;
    static Process bot;
    static Path config;
    static String base;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        deleteTree(DIR);
        Files.createDirectories(DIR);
        Files.createDirectories(SCREENS);
        Path db = DIR.resolve("peyk.db").toAbsolutePath();
        try (Database d = Database.open(db)) {
            Subscribers s = new Subscribers(d);
            for (int i = 1; i <= 200; i++) s.subscribe("telegram", Long.toString(100_000 + i), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        api = FakeBotApi.start(TOKEN);
        config = DIR.resolve("peyk.yaml").toAbsolutePath();
        Files.writeString(config, "store: " + db + "\n"
                + "article: " + Path.of("config/articles/government-services-domestic-messengers.fa.txt").toAbsolutePath() + "\n"
                + "transports:\n  console: {enabled: false}\n  telegram: {enabled: true}\n"
                + "throttle: {overallPerSecond: 0, perChatPerSecond: 0, perGroupPerMinute: 0}\n"
                + "webhook: {port: " + port + "}\n"
                + "console: {enabled: true}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString(), "run");
        pb.environment().putAll(Map.of("PEYK_TELEGRAM_TOKEN", TOKEN, "PEYK_TELEGRAM_API_URL", api.url(),
                "PEYK_TRANSPORT", "telegram"));
        pb.environment().put("PEYK_CONSOLE_TOKEN", CONSOLE_TOKEN);
        bot = pb.redirectErrorStream(true).redirectOutput(DIR.resolve("bot.log").toFile()).start();
        base = "http://127.0.0.1:" + port;
        awaitServer(base + "/console/login");

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=375,812", "--lang=fa",
                "--user-data-dir=" + Files.createTempDirectory(DIR.toAbsolutePath(), "chromium"));
        ChromeDriver chrome = new ChromeDriver(service, o);
        // Headless windows are at least 500 px wide: emulate a phone's 375 px viewport instead.
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 740, "deviceScaleFactor", 1, "mobile", true));
        driver = chrome;
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class); // the page reloads itself after /lang
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        if (bot != null) {
            bot.destroy();
            bot.waitFor();
        }
        if (api != null) api.close();
    }

    @Test
    @Order(0)
    void theLoginFormTakesTheConfiguredTokenAndLogoutEndsTheSession() throws Exception {
        driver.get(base + "/console/chat");
        wait.until(ExpectedConditions.urlContains("/console/login"));
        assertNoHorizontalOverflow();
        screenshot("login");
        driver.findElement(By.name("token")).sendKeys("not-the-token");
        driver.findElement(By.cssSelector("form button")).click();
        wait.until(d -> !d.findElements(By.id("login-error")).isEmpty());
        driver.findElement(By.name("token")).sendKeys(CONSOLE_TOKEN);
        driver.findElement(By.cssSelector("form button")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/console/chat"));
        assertFalse(driver.getPageSource().contains(CONSOLE_TOKEN), "no secret is rendered");
        driver.findElement(By.cssSelector(".logout button")).click();
        wait.until(ExpectedConditions.urlContains("/console/login"));
        driver.get(base + "/console/chat");
        wait.until(ExpectedConditions.urlContains("/console/login")); // the old session is gone
    }

    @Test
    @Order(1)
    void loginNeedsALinkAndTheLinkWorksOnce() throws Exception {
        driver.get(base + "/console/chat");
        wait.until(ExpectedConditions.urlContains("/console/login"));
        String link = consoleLink();
        assertTrue(link.startsWith(base + "/console/login?t="), link);
        driver.get(link);
        wait.until(ExpectedConditions.urlToBe(base + "/console/chat"));
        Cookie session = driver.manage().getCookieNamed(ConsoleHandler.COOKIE);
        assertTrue(session.isHttpOnly(), "the session cookie must be HttpOnly");
        assertEquals("Strict", session.getSameSite());
        assertFalse(driver.getPageSource().contains(link.substring(link.indexOf("t=") + 2)), "no secret is rendered");
        // The same link a second time logs nobody in.
        HttpResponse<String> again = http().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, again.statusCode());
    }

    @Test
    @Order(2)
    void aQuestionGetsTheArticlesAnswerAndTheEvidenceButtonWorks() throws Exception {
        driver.get(base + "/console/chat");
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        send("روبیکا چند کاربر دارد؟");
        WebElement answer = wait.until(d -> d.findElements(By.cssSelector(".bubble.bot")).stream()
                .filter(e -> e.getText().contains("۴۰ میلیون")).findFirst().orElse(null));
        screenshot("chat-answer");
        List<WebElement> buttons = answer.findElements(By.cssSelector("button.press"));
        WebElement evidence = buttons.stream().filter(b -> b.getText().contains("شاهد")).findFirst().orElseThrow();
        int before = driver.findElements(By.cssSelector(".bubble.bot")).size();
        evidence.click();
        WebElement shown = wait.until(d -> {
            List<WebElement> bots = d.findElements(By.cssSelector(".bubble.bot"));
            return bots.size() > before && bots.get(bots.size() - 1).getText().contains("شاهد از متن خبر")
                    ? bots.get(bots.size() - 1) : null;
        });
        assertTrue(shown.getText().contains("۴۰ میلیون"), shown.getText());
        assertNoHorizontalOverflow();
        screenshot("chat-evidence");
    }

    @Test
    @Order(3)
    void aSummaryGrowsInPlaceWhenMoreIsPressed() throws Exception {
        send("/summary 1");
        WebElement summary = wait.until(d -> last(d).findElements(By.cssSelector("button.press")).isEmpty() ? null : last(d));
        String id = summary.getAttribute("data-id");
        String first = summary.getText();
        summary.findElements(By.cssSelector("button.press")).get(0).click();
        wait.until(d -> {
            WebElement e = d.findElement(By.id("m-" + id));
            return e.getText().length() > first.length() ? e : null;
        });
        assertEquals(1, driver.findElements(By.id("m-" + id)).size(), "edited in place, not sent again");
    }

    @Test
    @Order(4)
    void anInlineQueryShowsItsResultsAsAList() throws Exception {
        WebElement q = driver.findElement(By.id("query"));
        q.sendKeys("روبیکا");
        q.submit();
        wait.until(d -> d.findElements(By.cssSelector("#inline-results li.result")).size() > 0);
        assertTrue(driver.findElement(By.id("inline-results")).getText().contains("روبیکا"));
        screenshot("chat-inline");
    }

    @Test
    @Order(5)
    void langEnSwitchesThePageToo() throws Exception {
        // The page reloads itself: while it does, any look at the DOM may fail and is simply tried again.
        WebDriverWait reload = new WebDriverWait(driver, WAIT);
        reload.ignoring(WebDriverException.class);
        send("/lang en");
        reload.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                && d.findElement(By.id("bubbles")).getText().contains("English"));
        assertEquals("ltr", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertNoHorizontalOverflow();
        screenshot("chat-english");
        send("/lang fa");
        reload.until(d -> "fa".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                && d.findElement(By.id("text")).isDisplayed());
    }

    @Test
    @Order(6)
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[0]; fetch('/console/chat/send', {method: 'POST', credentials: 'same-origin', "
                        + "body: new URLSearchParams({text: 'csrf probe'})}).then(function (r) { done(r.status); });");
        assertEquals(403L, status);
        String cookie = driver.manage().getCookieNamed(ConsoleHandler.COOKIE).getValue();
        HttpResponse<String> r = http().send(HttpRequest.newBuilder(URI.create(base + "/console/chat/send"))
                .header("Cookie", ConsoleHandler.COOKIE + "=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=hi&csrf=wrong")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertFalse(driver.findElement(By.id("bubbles")).getText().contains("csrf probe"), "the refused post was not sent");
    }

    @Test
    @Order(7)
    void anUploadedArticleIsPreviewedAsTextThenBecomesTheDefault() throws Exception {
        driver.get(base + "/console/article");
        assertTrue(driver.findElement(By.id("article-title")).getText().contains("پیامرسانهای داخلی"));
        assertTrue(driver.findElements(By.cssSelector("#keywords rect")).size() > 0, "the keyword chart has bars");
        assertNoHorizontalOverflow();
        screenshot("article-default");
        Path hostile = Path.of("src/test/resources/console/hostile-article.fa.txt").toAbsolutePath();
        driver.findElement(By.id("file")).sendKeys(hostile.toString());
        wait.until(d -> !d.findElement(By.id("article-text")).getAttribute("value").isEmpty());
        driver.findElement(By.id("preview")).click();
        WebElement title = wait.until(d -> d.findElements(By.id("save")).isEmpty() ? null : d.findElement(By.id("article-title")));
        assertTrue(title.getText().contains("<script>window.pwned=1</script>"), "the markup is shown as text: " + title.getText());
        assertEquals(0, driver.findElements(By.cssSelector("#article script, #article img")).size(), "no element was injected");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return typeof window.pwned === 'undefined';"));
        assertTrue(driver.findElement(By.id("article-text")).getText().contains("onerror"), "the img tag is text");
        assertTrue(driver.findElements(By.cssSelector("#article-text mark.num")).size() > 0, "numbers are marked");
        assertTrue(driver.findElements(By.cssSelector("#article-text mark.date")).size() > 0, "dates are marked");
        assertNoHorizontalOverflow();
        screenshot("article-preview");
        scrollTo("article-text");
        screenshot("article-preview-text");
        scrollTo("keywords");
        screenshot("article-preview-keywords");

        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlContains("saved=1"));
        WebElement listed = driver.findElements(By.cssSelector("#articles li")).stream()
                .filter(e -> e.getText().contains("گزارش آزمایشی")).findFirst().orElseThrow();
        assertTrue(listed.getText().contains("پیش‌فرض"), listed.getText());

        driver.get(base + "/console/chat");
        send("/source");
        wait.until(d -> last(d) != null && last(d).getText().contains("گزارش آزمایشی"));
    }

    @Test
    @Order(8)
    void aBroadcastToTwoHundredSubscribersIsPreviewedConfirmedAndFollowedToTheEnd() throws Exception {
        driver.get(base + "/console/broadcast");
        driver.findElement(By.id("broadcast-text")).sendKeys("اطلاعیه آزمایشی کنسول برای مشترکان");
        driver.findElement(By.id("broadcast-preview")).click();
        WebElement recipients = wait.until(d -> d.findElements(By.id("recipients")).isEmpty() ? null : d.findElement(By.id("recipients")));
        assertEquals("۲۰۰", recipients.getText());
        assertTrue(api.calls("sendMessage").isEmpty(), "a preview sends nothing");
        screenshot("broadcast-preview");
        driver.findElement(By.id("confirm")).click();
        wait.until(d -> "100".equals(d.findElement(By.id("bar")).getAttribute("value")));
        wait.until(d -> d.findElements(By.id("cancel")).stream().noneMatch(WebElement::isDisplayed));
        assertEquals("۰", driver.findElement(By.id("p-left")).getText());
        assertEquals("۲۰۰", driver.findElement(By.id("p-sent")).getText());
        assertEquals(200, api.calls("sendMessage").stream().map(c -> c.param("chat_id")).distinct().count());
        assertNoHorizontalOverflow();
        screenshot("broadcast-done");
        driver.navigate().refresh();
        assertTrue(driver.findElement(By.id("history")).getText().contains("اطلاعیه آزمایشی"));
    }

    @Test
    @Order(10)
    void aCancelledPreviewSendsNothing() throws Exception {
        int sent = api.calls("sendMessage").size();
        driver.get(base + "/console/broadcast");
        driver.findElement(By.id("broadcast-text")).sendKeys("پیش‌نویسی که نباید برود");
        driver.findElement(By.id("broadcast-preview")).click();
        wait.until(d -> !d.findElements(By.id("draft")).isEmpty());
        driver.findElement(By.cssSelector("#draft button.secondary")).click();
        WebElement history = wait.until(d -> d.findElements(By.id("draft")).isEmpty() ? d.findElement(By.id("history")) : null);
        WebElement row = history.findElements(By.cssSelector("#history > li")).stream()
                .filter(r -> r.getText().contains("پیش‌نویسی که نباید برود")).findFirst().orElseThrow();
        assertTrue(row.getText().contains("لغو"), row.getText());
        assertEquals(sent, api.calls("sendMessage").size());
        assertNoHorizontalOverflow();
        scrollTo("history");
        screenshot("broadcast-history");
    }

    @Test
    @Order(9)
    void healthShowsEachTransportTheQueuesAndTheAnswersLive() throws Exception {
        driver.get(base + "/console/health");
        wait.until(d -> d.findElement(By.id("h-transports")).getText().contains("telegram"));
        assertTrue(driver.findElement(By.id("h-transports")).getText().contains("در حال کار"));
        String answered = wait.until(d -> {
            String t = d.findElement(By.id("h-answered")).getText();
            return t.equals("…") ? null : t;
        });
        assertFalse(answered.equals("۰"), "the question asked in the chat was counted: " + answered);
        assertEquals("۰", driver.findElement(By.id("h-broadcast")).getText());
        assertNoHorizontalOverflow();
        screenshot("health");
        // Live: a question asked in another tab is counted here without a reload.
        String counts = driver.findElement(By.id("h-answered")).getText() + "/" + driver.findElement(By.id("h-declined")).getText();
        String health = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        driver.get(base + "/console/chat");
        int before = driver.findElements(By.cssSelector(".bubble.bot")).size();
        wait.until(d -> d.findElements(By.cssSelector(".bubble")).size() > 0); // the history arrived
        before = driver.findElements(By.cssSelector(".bubble.bot")).size();
        send("مترو چند مسافر دارد؟");
        int shown = before;
        wait.until(d -> d.findElements(By.cssSelector(".bubble.bot")).size() > shown);
        driver.close();
        driver.switchTo().window(health);
        wait.until(d -> !(d.findElement(By.id("h-answered")).getText() + "/" + d.findElement(By.id("h-declined")).getText())
                .equals(counts));
    }

    // --- helpers ---

    static void send(String text) {
        WebElement input = driver.findElement(By.id("text"));
        input.sendKeys(text);
        driver.findElement(By.cssSelector("#send button")).click();
    }

    static WebElement last(WebDriver d) {
        List<WebElement> bots = d.findElements(By.cssSelector(".bubble.bot"));
        return bots.isEmpty() ? null : bots.get(bots.size() - 1);
    }

    static void scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    static void assertNoHorizontalOverflow() {
        Object widths = ((JavascriptExecutor) driver).executeScript(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];");
        List<?> w = (List<?>) widths;
        long scroll = ((Number) w.get(0)).longValue();
        long client = ((Number) w.get(1)).longValue();
        if (scroll > client) {
            Object culprits = ((JavascriptExecutor) driver).executeScript(
                    "var w = document.documentElement.clientWidth, out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                    + " if (r.right > w + 1 || r.left < -1) out.push(e.tagName + '#' + e.id + '.' + e.className + ' '"
                    + " + Math.round(r.left) + '..' + Math.round(r.right)); });"
                    + "var t = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), n;"
                    + "while ((n = t.nextNode())) { var g = document.createRange(); g.selectNodeContents(n);"
                    + " var q = g.getBoundingClientRect(); if (q.right > w + 1 || q.left < -1) out.push('text \\'' +"
                    + " n.textContent.slice(0, 30) + '\\' in ' + n.parentNode.tagName + '.' + n.parentNode.className + ' '"
                    + " + Math.round(q.left) + '..' + Math.round(q.right)); }"
                    + "document.querySelectorAll('html, body, body *').forEach(function (e) {"
                    + " if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')"
                    + " out.push('wide ' + e.tagName + '#' + e.id + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth); });"
                    + "return out.slice(0, 8).join('; ');");
            throw new AssertionError("the page is wider than the screen: " + scroll + " > " + client + " px: " + culprits);
        }
    }

    static void screenshot(String name) throws IOException {
        // Bytes, not Selenium's temporary files (those are deleted by a JVM shutdown hook of its own).
        Files.write(SCREENS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    static String consoleLink() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("--config", config.toString(), "console", "link");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    static HttpClient http() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static void awaitServer(String url) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (http().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!bot.isAlive()) throw new AssertionError("peyk run ended: " + Files.readString(DIR.resolve("bot.log")));
            if (System.nanoTime() > deadline) throw new AssertionError("the console did not come up: " + Files.readString(DIR.resolve("bot.log")));
            Thread.sleep(200);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
