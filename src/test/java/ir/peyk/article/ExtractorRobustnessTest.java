package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.text.JalaliDate;
import ir.peyk.text.KeyedText;
import ir.peyk.text.PersianText;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and random text: the extractors never throw, and every span they report cuts the text they claim. */
class ExtractorRobustnessTest {
    private static final List<String> PIECES = List.of(
            "۴۰", "٤٠", "40", "۳.۵", "۳٫۵", "۲/۵", "1382/10/17", "00:09", "۲۰٬۰۰۰", "1,5", "99999999999999999999",
            "میلیون", "هزار", "میلیارد", "بیست", "و", "پنج", "یک", "نه", "سه", "شنبه", "نفر", "درصد", "٪", "%",
            "قریب به", "بیش از", "حدود", "کمتر از", "تیر", "دی", "ماه", "سال", "1402", "۱۴۰۴", "July", "ژوئیه",
            "امسال", "یکسال", "گذشته", "دو", "روز", "پیش", "چند", "هفته", "\u200C", "\u200F", "ـ", "\u064E", "ي", "ك",
            "ة", " ", "  ", "\n", "،", "؛", ".", ":", "-", "«", "»", "(", ")", "\uD83D\uDE00", "\uFDFA", "ﻻ", "a\u0301");

    @Test
    void randomTextNeverBreaksTheExtractors() {
        Random random = new Random(20240101);
        JalaliDate ref = new JalaliDate(1402, 4, 21);
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(14);
            for (int i = 0; i < n; i++) {
                b.append(PIECES.get(random.nextInt(PIECES.size())));
                if (random.nextInt(3) > 0) b.append(' ');
            }
            String text = b.toString();
            KeyedText kt = KeyedText.of(text);
            assertEquals(PersianText.key(text), kt.key(), text);
            for (NumberExtractor.NumberMatch m : NumberExtractor.extract(text)) {
                checkSpan(text, m.start(), m.end(), m.text());
                assertTrue(m.numberStart() >= m.start() && m.numberStart() < m.end(), text);
                assertNotNull(m.number());
            }
            for (DateExtractor.DateMatch d : DateExtractor.extract(text, ref)) {
                checkSpan(text, d.start(), d.end(), d.text());
                assertEquals(d.gregorian(), d.jalali().toGregorian());
            }
            for (RelativeTimeExtractor.RelativeMatch r : RelativeTimeExtractor.extract(text, ref)) {
                checkSpan(text, r.start(), r.end(), r.text());
                assertNotNull(r.resolved());
            }
        }
    }

    @Test
    void longInputStaysLinear() {
        String text = "۴۰ میلیون نفر و ۲۱ تیر ۱۴۰۲ و امسال ".repeat(5000);
        assertEquals(5000, NumberExtractor.extract(text).size());
        assertEquals(5000, DateExtractor.extract(text, null).size());
        assertEquals(5000, RelativeTimeExtractor.extract(text, new JalaliDate(1402, 4, 21)).size());
        String digits = "1".repeat(100_000);
        assertEquals(1, NumberExtractor.extract(digits).size());
        assertTrue(DateExtractor.extract(digits, null).isEmpty());
    }

    private static void checkSpan(String text, int start, int end, String claimed) {
        assertTrue(0 <= start && start < end && end <= text.length(), text);
        assertEquals(text.substring(start, end), claimed, text);
        assertEquals(claimed.strip(), claimed, "spans carry no outer white space: «" + claimed + "»");
    }
}
