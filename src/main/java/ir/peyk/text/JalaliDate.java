package ir.peyk.text;

import java.time.LocalDate;
import java.time.temporal.JulianFields;
import java.util.List;

/**
 * A date of the Solar Hijri (Jalali) calendar, exact in both directions. The 33-year arithmetic rule below matches
 * ICU4J's PersianCalendar on every day from 1921 to 2122 (see the project README, "Persian text").
 *
 * @param year  the Solar Hijri year, e.g. 1402
 * @param month 1 (Farvardin) to 12 (Esfand)
 * @param day   1 to 31
 */
public record JalaliDate(int year, int month, int day) {
    private static final long EPOCH_JDN = 1948320; // Julian day number of 1 Farvardin 1 AP

    /** Month names as written in Persian, index 0 = Farvardin. */
    public static final List<String> MONTHS = List.of(
            "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
            "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند");

    public JalaliDate {
        if (month < 1 || month > 12) throw new IllegalArgumentException("Jalali month must be 1..12, got " + month);
        if (day < 1 || day > monthLength(year, month)) {
            throw new IllegalArgumentException("Jalali day " + day + " does not exist in " + year + "/" + month);
        }
    }

    public static boolean isLeap(int year) {
        return Math.floorMod(25L * year + 11, 33) < 8;
    }

    public static int monthLength(int year, int month) {
        if (month <= 6) return 31;
        if (month <= 11) return 30;
        return isLeap(year) ? 30 : 29;
    }

    private static long daysBeforeYear(int y) {
        return 365L * (y - 1) + Math.floorDiv(8L * y + 21, 33);
    }

    public LocalDate toGregorian() {
        long dayOfYear = (month <= 7) ? 31L * (month - 1) : 30L * (month - 1) + 6;
        return LocalDate.MIN.with(JulianFields.JULIAN_DAY, EPOCH_JDN - 1 + daysBeforeYear(year) + dayOfYear + day);
    }

    public static JalaliDate fromGregorian(LocalDate g) {
        long days = g.getLong(JulianFields.JULIAN_DAY) - EPOCH_JDN;
        int y = (int) Math.floorDiv(33L * days + 3, 12053) + 1;
        long doy = days - daysBeforeYear(y);
        if (doy < 0) {
            y--;
            doy = days - daysBeforeYear(y);
        }
        int m = doy < 216 ? (int) (doy / 31) : (int) ((doy - 6) / 30);
        int d = (int) (doy - (m < 7 ? 31L * m : 30L * m + 6)) + 1;
        return new JalaliDate(y, m + 1, d);
    }

    /** 1-based month of a Persian month name in key space (with or without a trailing ماه), or 0. */
    public static int monthOf(String word) {
        String w = PersianText.key(word);
        if (w.endsWith("ماه") && w.length() > 3) w = w.substring(0, w.length() - 3).trim();
        if (w.equals("امرداد")) return 5;
        for (int i = 0; i < MONTHS.size(); i++) if (PersianText.key(MONTHS.get(i)).equals(w)) return i + 1;
        return 0;
    }

    public String monthName() {
        return MONTHS.get(month - 1);
    }

    /** "1402/04/21": the form used in JSON output. */
    @Override
    public String toString() {
        return String.format("%04d/%02d/%02d", year, month, day);
    }

    /** "21 تیر 1402": the form used in messages. */
    public String display() {
        return day + " " + monthName() + " " + year;
    }
}
