package ir.peyk.article;

import java.util.List;

/**
 * What an article holds, in numbers. Counts cover the body only (never the title, the dateline or the footer
 * boilerplate); numbers and dates are listed from the whole article, each with where it stands.
 *
 * <p>JSON field names are stable (the {@code stats --json} output and scripts rely on them).
 *
 * @param id                 the article id
 * @param title              the headline
 * @param words              body words (a ZWNJ compound such as پیام‌رسان is one word; 1382/10/17 is one word)
 * @param uniqueWords        distinct body words in key space
 * @param sentences          body sentences
 * @param paragraphs         body paragraphs
 * @param characters         body characters (Unicode code points, spaces inside a paragraph included, line breaks not)
 * @param readingTimeSeconds body words at {@link Statistics#WORDS_PER_MINUTE} words a minute
 * @param keywords           the most frequent body content words (stopwords and news boilerplate excluded)
 * @param numbers            every number mentioned, in article order
 * @param dates              every calendar date: the page date, the dateline's publication date, then the text's
 * @param relativeTimes      relative time words resolved against the publication date
 * @param source             where the article comes from, and what its text or page did not give
 */
public record ArticleStats(String id, String title, int words, int uniqueWords, int sentences, int paragraphs,
                           int characters, int readingTimeSeconds, List<Keyword> keywords, List<NumberMention> numbers,
                           List<DateMention> dates, List<RelativeTime> relativeTimes, Source source) {
    /**
     * The article's metadata as read (any field null when not given).
     *
     * @param outlet      the outlet of the outlet/date line
     * @param agency      the wire agency named in front of the lead
     * @param service     the desk named in front of the lead
     * @param place       the place of a wire dateline
     * @param kicker      the kicker above the headline
     * @param author      the author line
     * @param published   the publication date, Jalali {@code yyyy/MM/dd}, or {@code MM/dd} for a day and month
     *                    written without a year
     * @param publishedIso the same, ISO (null for a day and month without a year)
     * @param time        {@code HH:mm}
     * @param notOnThePage what the text or page did not give: "outlet", "date", "time", "author"
     */
    public record Source(String outlet, String agency, String service, String place, String kicker, String author,
                         String published,
                         String publishedIso, String time, List<String> notOnThePage) {
        public Source {
            notOnThePage = List.copyOf(notOnThePage);
        }

        static Source of(ArticleMeta m) {
            return new Source(m.outlet(), m.agency(), m.service(), m.place(), m.kicker(), m.author(),
                    m.published() != null ? m.published().toString()
                            : m.publishedDayMonth() != null ? m.publishedDayMonth().toString() : null,
                    m.publishedIso() == null ? null : m.publishedIso().toString(), m.time(), m.notGiven());
        }
    }

    public ArticleStats {
        keywords = List.copyOf(keywords);
        numbers = List.copyOf(numbers);
        dates = List.copyOf(dates);
        relativeTimes = List.copyOf(relativeTimes);
    }

    /** A keyword with its count; {@code term} is written as the article writes it. */
    public record Keyword(String term, int count) {}

    /**
     * A number mentioned: {@code بیش از ۴۰ میلیون نفر} → text as written, value 40000000, unit نفر,
     * qualifier "more than".
     *
     * @param value     a Long when whole (printed 40000000, not 4.0E7), else a Double
     * @param qualifier "more than", "less than", "about", "at least", "at most" or null
     * @param section   "title", "body" or "footer"
     * @param sentence  index of the sentence in {@code Article.sentences()}
     */
    public record NumberMention(String text, Number value, String unit, String qualifier, String section,
                                int sentence) {}

    /**
     * A date mentioned, in both calendars.
     *
     * @param jalali    yyyy/MM/dd
     * @param gregorian ISO yyyy-MM-dd
     * @param section   "page" (the date printed atop the page), "dateline" (publication), "title", "body", "footer"
     * @param sentence  index of the sentence, or -1 for the page date and the dateline (they are not sentences)
     */
    public record DateMention(String text, String jalali, String gregorian, String section, int sentence) {}

    /**
     * A relative time expression (امسال, یکسال گذشته …) and what it resolves to against the publication date.
     *
     * @param unit     day, week, month or year
     * @param resolved "1402" (a year), "1402/05" (a month), "1402/04/20" (a day), "1402/04/10..1402/04/16" (a week),
     *                 "before 1402/04/21" (vague); null when the article has no publication date
     * @param from     first day of the period, ISO, or null
     * @param to       last day of the period, ISO, or null
     */
    public record RelativeTime(String text, String unit, String resolved, String from, String to, String section,
                               int sentence) {}
}
