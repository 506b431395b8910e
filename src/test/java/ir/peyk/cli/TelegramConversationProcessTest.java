package ir.peyk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.peyk.testing.FakeBotApi;
import ir.peyk.text.PersianText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when, for real: {@code peyk run} in its own JVM, pointed by {@code PEYK_TELEGRAM_API_URL} at a
 * Telegram-compatible server on loopback, answers commands, free text, a button press and an inline query with the
 * shipped config and the default article.
 */
class TelegramConversationProcessTest {
    static final String TOKEN = "424242:CONVERSATION-token";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void commandsFreeTextButtonsAndInlineQueriesAreAnswered() throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "--db", dir.resolve("bot.db").toString(), "run");
            pb.environment().put("PEYK_TRANSPORT", "telegram");
            pb.environment().put("PEYK_TELEGRAM_TOKEN", TOKEN);
            pb.environment().put("PEYK_TELEGRAM_API_URL", api.url());
            Path log = dir.resolve("bot.log");
            Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                api.pushMessage(5, 5, "/start");
                api.pushMessage(5, 5, "روبیکا چند کاربر دارد؟");
                api.pushMessage(5, 5, "/summary 2");
                api.pushMessage(5, 5, "پایتخت فرانسه کجاست؟");
                api.awaitCalls("sendMessage", 4, WAIT);
                List<String> texts = api.sentTexts(5);
                assertEquals(4, texts.size(), texts.toString());
                assertTrue(PersianText.key(texts.get(1)).contains("40 میلیون"), "the answer: " + texts.get(1));
                assertTrue(PersianText.key(texts.get(2)).contains("وزیر ارتباطات"), "the summary: " + texts.get(2));
                assertFalse(PersianText.key(texts.get(3)).contains("پاریس"), "a decline, not a guess: " + texts.get(3));

                // The answer carries a "show the evidence" button; pressing it is answered and shows the sentence.
                FakeBotApi.Call answer = api.calls("sendMessage").get(1);
                String data = firstButtonData(answer.params());
                assertFalse(data.isEmpty(), "the answer has a button: " + answer.params());
                api.pushCallback(5, 5, 2, data);
                api.awaitCalls("answerCallbackQuery", 1, WAIT);
                api.awaitCalls(c -> (c.method().equals("sendMessage") || c.method().equals("editMessageText"))
                        && c.param("text") != null && PersianText.key(c.param("text")).contains("روبیکا به تنهایی"),
                        1, WAIT, "the evidence sentence");

                // Inline: "@bot question" in any chat gets results with the answer.
                api.pushInline(9, "روبیکا چند کاربر دارد؟", "");
                JsonNode results = results(api.awaitCalls("answerInlineQuery", 1, WAIT).get(0).params());
                assertTrue(results.size() >= 1 && results.size() <= 10, results.toString());
                assertTrue(PersianText.key(results.toString()).contains("40 میلیون"), results.toString());
            } finally {
                p.destroy();
            }
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "did not stop on SIGTERM");
            assertFalse(Files.readString(log).contains("CONVERSATION-token"));
        }
    }

    /** reply_markup may arrive as an object or as a JSON string (both are valid Bot API). */
    static String firstButtonData(JsonNode params) throws Exception {
        JsonNode markup = params.path("reply_markup");
        if (markup.isTextual()) markup = JSON.readTree(markup.asText());
        return markup.path("inline_keyboard").path(0).path(0).path("callback_data").asText("");
    }

    static JsonNode results(JsonNode params) throws Exception {
        JsonNode r = params.path("results");
        return r.isTextual() ? JSON.readTree(r.asText()) : r;
    }
}
