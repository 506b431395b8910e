package ir.peyk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersianTextTest {
    @Test
    void arabicLettersBecomePersian() {
        assertEquals(PersianText.key("رییس کتاب"), PersianText.key("رئيس كتاب"));
        assertEquals("علی", PersianText.key("علي"));
        assertEquals("موسی", PersianText.key("موسى"));
        assertEquals("مدرسه", PersianText.key("مدرسة"));
        assertEquals("خانه", PersianText.key("خانۀ"));
        assertEquals("موسسه", PersianText.key("مؤسسه"));
        assertEquals("اسلام", PersianText.key("إسلام"));
        assertEquals("آب", PersianText.key("آب"), "آ keeps its madda");
    }

    @Test
    void digitsBecomeAscii() {
        assertEquals("1402 40 3.5 20,000", PersianText.key("۱۴۰۲ ٤٠ ۳٫۵ ۲۰٬۰۰۰"));
        assertEquals("1382/10/17", PersianText.key("۱۳۸۲/۱۰/۱۷"));
        assertEquals("00:09", PersianText.asciiDigits("۰۰:۰۹"));
    }

    @Test
    void diacriticsTatweelAndBidiMarksAreRemoved() {
        assertEquals("کتاب", PersianText.key("کِتاب"));
        assertEquals("تقریبا", PersianText.key("تقریباً"));
        assertEquals("خانه", PersianText.key("خانهٔ"));
        assertEquals("کتاب", PersianText.key("کتـــاب"));
        assertEquals("سلام", PersianText.key("\u200Fسلام\u200E\u202B\u202C\u2067\u2069\uFEFF"));
        assertEquals("a b", PersianText.key("  A \u00A0\t\n b  "));
    }

    @Test
    void zwnjVariantsMatchInKeySpace() {
        assertEquals(PersianText.key("پیامرسان"), PersianText.key("پیام‌رسان"));
        assertEquals("پیامرسانهای", PersianText.key("پیام‌رسان‌های"));
        // With a space the words stay two: the matchers join adjacent words (PhraseTable, the answer engine).
        assertEquals(List.of("پیام", "رسان"), PersianText.keyWords("پیام رسان"));
        assertNotEquals(PersianText.key("پیام رسان"), PersianText.key("پیامرسان"));
    }

    @Test
    void wordsKeepNumbersDatesAndTimesWhole() {
        assertEquals(List.of("در", "1382/10/17", "ساعت", "00:09", "3.5", "درصد", "20,000"),
                PersianText.keyWords("در ۱۳۸۲/۱۰/۱۷، ساعت ۰۰:۰۹؛ ۳.۵ درصد (۲۰٬۰۰۰)."));
        assertEquals(List.of("بله", "سروش", "پلاس"), PersianText.keyWords("(بله، سروش پلاس)"));
    }

    @Test
    void nullAndEmptyAreSafe() {
        assertEquals("", PersianText.key(null));
        assertEquals("", PersianText.key(""));
        assertEquals(List.of(), PersianText.keyWords("  ،؛. "));
    }
}
