package ir.peyk.article;

import java.util.List;

/**
 * What an article holds, in numbers. Counts cover the body only (not the title or footer boilerplate); numbers and
 * dates are listed from the whole text with the sentence they stand in.
 */
public record ArticleStats(int words, int uniqueWords, int sentences, int paragraphs, int characters,
                           int readingTimeSeconds, List<Keyword> keywords, List<NumberMention> numbers,
                           List<DateMention> dates, List<RelativeTime> relativeTimes) {

    /** A keyword with its count (stopwords and news boilerplate excluded). */
    public record Keyword(String term, int count) {}

    /**
     * A number mentioned: {@code بیش از ۴۰ میلیون نفر} → text as written, value 40000000, unit نفر,
     * qualifier "more than".
     *
     * @param qualifier "more than", "less than", "about", "at least", "at most" or null
     */
    public record NumberMention(String text, double value, String unit, String qualifier, int sentence) {}

    /** A date mentioned, in both calendars ({@code gregorian} ISO yyyy-MM-dd; {@code jalali} yyyy/MM/dd). */
    public record DateMention(String text, String jalali, String gregorian, int sentence) {}

    /** A relative time word (امسال, یکسال گذشته …) and what it resolves to against the publication date, if anything. */
    public record RelativeTime(String text, String resolved, int sentence) {}
}
