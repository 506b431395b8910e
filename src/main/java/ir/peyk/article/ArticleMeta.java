package ir.peyk.article;

import ir.peyk.text.JalaliDate;
import java.time.LocalDate;

/**
 * What the article says about itself. Any field may be null when the text does not carry it.
 *
 * @param title          the headline (the lead's first sentence when the text has no headline)
 * @param outlet         the publishing outlet from the dateline (e.g. a newspaper)
 * @param agency         the wire agency named in front of the lead («ایسنا:», «به گزارش خبرگزاری مهر،»), if any
 * @param published      publication date (Jalali) from the dateline
 * @param publishedIso   the same date in the Gregorian calendar
 * @param time           publication time, "HH:mm"
 * @param pageDate       the date printed at the top of the page (when the text was captured), Jalali
 * @param pageDateIso    the same in the Gregorian calendar
 * @param service        the desk named in front of the lead («گروه اقتصادی»), if any
 * @param place          the place of a wire dateline in front of the lead («تهران- ایرنا-»), if any
 * @param author         the author, from a «نویسنده: …» line under the dateline, if any
 * @param publishedDayMonth a publication day and month written without a year, when no year could complete it
 * @param kicker         the kicker (روتیتر) above the headline, a short line ending in a colon, if any
 */
public record ArticleMeta(String title, String outlet, String agency, JalaliDate published, LocalDate publishedIso,
                          String time, JalaliDate pageDate, LocalDate pageDateIso, String service, String place,
                          String author, DayMonth publishedDayMonth, String kicker) {
    /** The metadata without the fields a lead prefix, an author line or a yearless date give. */
    public ArticleMeta(String title, String outlet, String agency, JalaliDate published, LocalDate publishedIso,
                       String time, JalaliDate pageDate, LocalDate pageDateIso) {
        this(title, outlet, agency, published, publishedIso, time, pageDate, pageDateIso, null, null, null, null, null);
    }

    /** What the text or page did not give, by name: "outlet", "date", "time", "author" (for "not on the page"). */
    public java.util.List<String> notGiven() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (outlet == null) out.add("outlet");
        if (published == null && publishedDayMonth == null) out.add("date");
        if (time == null) out.add("time");
        if (author == null) out.add("author");
        return java.util.List.copyOf(out);
    }
}
