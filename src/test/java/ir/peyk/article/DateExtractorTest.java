package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.DateExtractor.DateMatch;
import ir.peyk.text.JalaliDate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateExtractorTest {
    private static final JalaliDate REF = new JalaliDate(1402, 4, 21);

    private static DateMatch only(String text) {
        List<DateMatch> all = DateExtractor.extract(text, REF);
        assertEquals(1, all.size(), () -> "expected one date in «" + text + "», got " + all);
        return all.get(0);
    }

    @Test
    void jalaliDayMonthYearInEverySpelling() {
        for (String s : List.of("۲۱ تیر ۱۴۰۲", "21 تیر 1402", "۲۱ تیرماه ۱۴۰۲", "۲۱ تیر‌ماه ۱۴۰۲", "۲۱ تیر ماه سال ۱۴۰۲",
                "٢١ تير ١٤٠٢", "۲۱ تیر ۱۴۰۲ هجری شمسی")) {
            DateMatch d = only("روز " + s + " بود");
            assertEquals(new JalaliDate(1402, 4, 21), d.jalali(), s);
            assertEquals(LocalDate.of(2023, 7, 12), d.gregorian(), s);
            assertEquals(s, d.text());
        }
        assertEquals(LocalDate.of(2026, 1, 3), only("شنبه 13 دی 1404").gregorian());
        assertEquals(LocalDate.of(2026, 1, 3), only("۱۳ دی‌ماه ۱۴۰۴").gregorian());
    }

    @Test
    void aDayAndMonthWithoutYearTakeTheReferenceYear() {
        assertEquals(new JalaliDate(1402, 3, 15), only("از ۱۵ خرداد تا امروز").jalali());
        assertTrue(DateExtractor.extract("از ۱۵ خرداد", null).isEmpty());
    }

    @Test
    void aDayWrittenAsAnOrdinalWord() {
        assertEquals(new JalaliDate(1402, 10, 3), only("سردار الهی سوم دی ماه در جمع خبرنگاران گفت").jalali());
        assertEquals(new JalaliDate(1399, 3, 21), only("روز بیست و یکم خرداد ۱۳۹۹ بود").jalali());
        assertEquals("اول فروردین‌ماه", only("از اول فروردین‌ماه تا امروز").text());
        assertTrue(DateExtractor.extract("او سوم شد و دی را دید", REF).isEmpty());   // no month after the ordinal
        assertTrue(DateExtractor.extract("نفر سوم خرداد را ندید", REF).size() == 1);   // "سوم خرداد" reads as a date
    }

    @Test
    void numericDatesByYearRange() {
        DateMatch legal = only("مصوب ۱۳۸۲/۱۰/۱۷ مجلس");
        assertEquals(LocalDate.of(2004, 1, 7), legal.gregorian());
        assertEquals("jalali", legal.calendar());
        assertEquals("۱۳۸۲/۱۰/۱۷", legal.text());
        DateMatch iso = only("on 2023-07-12 it was");
        assertEquals(new JalaliDate(1402, 4, 21), iso.jalali());
        assertEquals("gregorian", iso.calendar());
        assertEquals(LocalDate.of(2023, 7, 12), only("12/07/2023").gregorian());
        assertEquals(new JalaliDate(1402, 4, 21), only("21/04/1402").jalali());
        assertTrue(DateExtractor.extract("کد 1600/10/10 و 1402/13/01 و 1402/12/30", REF).isEmpty()); // 1402 not leap
    }

    @Test
    void gregorianMonthNames() {
        assertEquals(LocalDate.of(2023, 7, 12), only("۱۲ ژوئیه ۲۰۲۳").gregorian());
        assertEquals(LocalDate.of(2023, 7, 12), only("12 جولای 2023 میلادی").gregorian());
        assertEquals(LocalDate.of(2026, 1, 3), only("Saturday, 03 January 2026").gregorian());
        assertEquals(LocalDate.of(2026, 1, 3), only("Saturday, January 3rd, 2026").gregorian());
        assertEquals(new JalaliDate(1404, 10, 13), only("Jan 3, 2026").jalali());
    }

    @Test
    void spansAreOriginalOffsets() {
        String text = "متن‌ِ خبر در ۲۱ تیر‌ماه ۱۴۰۲ منتشر شد";
        DateMatch d = only(text);
        assertEquals(text.substring(d.start(), d.end()), d.text());
        assertEquals("۲۱ تیر‌ماه ۱۴۰۲", d.text());
    }

    @Test
    void monthWordsWithoutDigitsAreNotDates() {
        assertTrue(DateExtractor.extract("مهر مادری و تیر و کمان در دی", REF).isEmpty());
    }
}
