package ir.peyk.article;

import ir.peyk.text.JalaliDate;

/**
 * A Jalali day and month written without a year ("۱۵ خرداد"): kept as such when the text gives no year to complete it.
 */
public record DayMonth(int month, int day) {
    public DayMonth {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            throw new IllegalArgumentException("no Jalali day " + day + " of month " + month);
        }
    }

    /**
     * The date in the year of {@code reference}, or of the year before when that would fall after it (a page dated
     * ۲ فروردین ۱۴۰۳ that says "۲۸ اسفند" means ۱۴۰۲); null when the day does not exist in that year.
     */
    public JalaliDate in(JalaliDate reference) {
        int year = reference.year();
        if (month > reference.month() || (month == reference.month() && day > reference.day())) year--;
        try {
            return new JalaliDate(year, month, day);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** "MM/dd", the form of the JSON output. */
    @Override
    public String toString() {
        return String.format("%02d/%02d", month, day);
    }
}
