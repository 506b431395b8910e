package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.RelativeTimeExtractor.RelativeMatch;
import ir.peyk.article.RelativeTimeExtractor.Unit;
import ir.peyk.text.JalaliDate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelativeTimeExtractorTest {
    private static final JalaliDate PUBLISHED = new JalaliDate(1402, 4, 21); // Wednesday 2023-07-12

    private static RelativeMatch only(String text) {
        List<RelativeMatch> all = RelativeTimeExtractor.extract(text, PUBLISHED);
        assertEquals(1, all.size(), () -> "expected one relative time in «" + text + "», got " + all);
        return all.get(0);
    }

    @Test
    void yearsResolveToJalaliYears() {
        assertEquals("1402", only("تلاش ما این است که امسال خدمات ارائه شود").resolved());
        assertEquals("1401", only("پارسال").resolved());
        assertEquals("1401", only("سال گذشته").resolved());
        for (String s : List.of("یکسال گذشته", "یک سال گذشته", "یک‌سال گذشته", "يکسال  گذشته")) {
            RelativeMatch m = only("همانطور که " + s + " در کنار آنها بودیم");
            assertEquals("1401", m.resolved(), s);
            assertEquals(Unit.YEAR, m.unit());
            assertEquals(-1, m.offset());
            assertEquals(s, m.text());
        }
        assertEquals(LocalDate.of(2022, 3, 21), only("پارسال").fromIso());
    }

    @Test
    void daysAreExact() {
        RelativeMatch y = only("دیروز");
        assertEquals("1402/04/20", y.resolved());
        assertEquals(LocalDate.of(2023, 7, 11), y.fromIso());
        assertEquals(LocalDate.of(2023, 7, 12), only("امروز").fromIso());
        assertEquals(LocalDate.of(2023, 7, 13), only("فردا").fromIso());
        assertEquals(LocalDate.of(2023, 7, 10), only("دو روز پیش").fromIso());
        assertEquals(LocalDate.of(2023, 7, 9), only("۳ روز قبل").fromIso());
    }

    @Test
    void weeksRunSaturdayToFriday() {
        RelativeMatch w = only("هفته گذشته");
        assertEquals(LocalDate.of(2023, 7, 1), w.fromIso());
        assertEquals(LocalDate.of(2023, 7, 7), w.toIso());
    }

    @Test
    void monthsAndCountedYears() {
        assertEquals("1402/05", only("ماه آینده").resolved());
        assertEquals("1402/03", only("ماه گذشته").resolved());
        assertEquals("1399", only("سه سال پیش").resolved());
        // Across a year end: Esfand 1402 + 1 month = Farvardin 1403.
        assertEquals("1403/01", RelativeTimeExtractor.extract("ماه آینده", new JalaliDate(1402, 12, 5)).get(0).resolved());
    }

    @Test
    void vagueTimesPointBeforeThePublicationDate() {
        RelativeMatch m = only("چندروز گذشته تعدادی از پلتفرم‌ها گلایه کردند");
        assertNull(m.offset());
        assertTrue(m.before());
        assertEquals("before 1402/04/21", m.resolved());
        assertEquals("چندروز گذشته", m.text());
    }

    @Test
    void unresolvedWithoutAReference() {
        List<RelativeMatch> all = RelativeTimeExtractor.extract("امسال", null);
        assertEquals(1, all.size());
        assertNull(all.get(0).resolved());
    }
}
