package ir.peyk.handler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /source says what the article gave and names what its page did not (issue #11). */
class SourceFieldsTest {
    @TempDir
    Path dir;

    @Test
    void namesWhatThePageDidNotGive() throws Exception {
        Article noDate = ArticleParser.parse("عنوان خبر آزمایشی\nشانا\n\nگروه اقتصادی ــ صادرات فرآورده‌های نفتی در ماه گذشته افزایش یافت.");
        try (TestBot bot = new TestBot(dir, "telegram", RecordingTransport.TELEGRAM, noDate)) {
            String text = bot.ask("/source");
            assertTrue(text.contains("رسانه: شانا"), text);
            assertTrue(text.contains("سرویس: گروه اقتصادی"), text);
            assertTrue(text.contains("در صفحه نیامده: تاریخ، ساعت، نویسنده"), text);
            assertFalse(text.contains("تاریخ انتشار"), "no empty date line: " + text);
        }
        Article full = ArticleParser.parse("عنوان خبر آزمایشی\nایسنا، ۱۵ اسفند ۱۴۰۲ - ۱۴:۳۰\nنویسنده: مریم احمدی\n\nمتن خبر اینجاست.");
        try (TestBot bot = new TestBot(dir.resolve("b"), "telegram", RecordingTransport.TELEGRAM, full)) {
            String text = bot.ask("/source");
            assertTrue(text.contains("نویسنده: مریم احمدی"), text);
            assertFalse(text.contains("در صفحه نیامده"), text);
        }
    }
}
