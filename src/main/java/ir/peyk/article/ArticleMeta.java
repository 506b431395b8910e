package ir.peyk.article;

import ir.peyk.text.JalaliDate;
import java.time.LocalDate;

/**
 * What the article says about itself. Any field may be null when the text does not carry it.
 *
 * @param title          the headline
 * @param outlet         the publishing outlet from the dateline (e.g. a newspaper)
 * @param agency         the wire agency named as a prefix of the first paragraph, if any
 * @param published      publication date (Jalali) from the dateline
 * @param publishedIso   the same date in the Gregorian calendar
 * @param time           publication time, "HH:mm"
 * @param pageDate       the date printed at the top of the page (when the text was captured), Jalali
 * @param pageDateIso    the same in the Gregorian calendar
 */
public record ArticleMeta(String title, String outlet, String agency, JalaliDate published, LocalDate publishedIso,
                          String time, JalaliDate pageDate, LocalDate pageDateIso) {}
