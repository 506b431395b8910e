package ir.peyk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JalaliDateTest {
    @Test
    void knownDates() {
        LocalDate tir = new JalaliDate(1402, 4, 21).toGregorian();
        assertEquals(LocalDate.of(2023, 7, 12), tir);
        assertEquals(DayOfWeek.WEDNESDAY, tir.getDayOfWeek());
        LocalDate dey = new JalaliDate(1404, 10, 13).toGregorian();
        assertEquals(LocalDate.of(2026, 1, 3), dey);
        assertEquals(DayOfWeek.SATURDAY, dey.getDayOfWeek());
        assertEquals(LocalDate.of(2004, 1, 7), new JalaliDate(1382, 10, 17).toGregorian());
        assertEquals(LocalDate.of(2024, 3, 20), new JalaliDate(1403, 1, 1).toGregorian());
        assertEquals(LocalDate.of(2025, 3, 21), new JalaliDate(1404, 1, 1).toGregorian());
        assertEquals(new JalaliDate(1402, 4, 21), JalaliDate.fromGregorian(LocalDate.of(2023, 7, 12)));
    }

    @Test
    void leapYears() {
        assertTrue(JalaliDate.isLeap(1403));
        assertFalse(JalaliDate.isLeap(1402));
        assertFalse(JalaliDate.isLeap(1404));
        assertEquals(30, JalaliDate.monthLength(1403, 12));
        assertEquals(29, JalaliDate.monthLength(1402, 12));
        assertEquals(LocalDate.of(2025, 3, 20), new JalaliDate(1403, 12, 30).toGregorian());
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1402, 12, 30));
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1402, 13, 1));
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1402, 7, 31));
    }

    @Test
    void roundTripOverEveryDayOfTwoCenturies() {
        LocalDate day = LocalDate.of(1925, 1, 1);
        JalaliDate previous = JalaliDate.fromGregorian(day.minusDays(1));
        int days = 0;
        for (; day.isBefore(LocalDate.of(2125, 1, 1)); day = day.plusDays(1), days++) {
            JalaliDate j = JalaliDate.fromGregorian(day);
            assertEquals(day, j.toGregorian());
            // Consecutive days: the next day of the previous date, or the 1st of the next month/year.
            boolean sameMonth = j.year() == previous.year() && j.month() == previous.month() && j.day() == previous.day() + 1;
            boolean newMonth = j.day() == 1 && previous.day() == JalaliDate.monthLength(previous.year(), previous.month())
                    && (j.month() == previous.month() + 1 && j.year() == previous.year()
                    || j.month() == 1 && previous.month() == 12 && j.year() == previous.year() + 1);
            JalaliDate before = previous;
            assertTrue(sameMonth || newMonth, () -> before + " then " + j);
            previous = j;
        }
        assertEquals(73_049, days);
    }

    @Test
    void monthNamesAndForms() {
        assertEquals(4, JalaliDate.monthOf("تیر"));
        assertEquals(4, JalaliDate.monthOf("تیرماه"));
        assertEquals(10, JalaliDate.monthOf("دي"));
        assertEquals(5, JalaliDate.monthOf("امرداد"));
        assertEquals(0, JalaliDate.monthOf("ژوئیه"));
        assertEquals("1402/04/21", new JalaliDate(1402, 4, 21).toString());
        assertEquals("21 تیر 1402", new JalaliDate(1402, 4, 21).display());
    }
}
