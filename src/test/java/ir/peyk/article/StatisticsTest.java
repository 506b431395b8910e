package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.ArticleStats.DateMention;
import ir.peyk.article.ArticleStats.Keyword;
import ir.peyk.article.ArticleStats.NumberMention;
import ir.peyk.article.ArticleStats.RelativeTime;
import ir.peyk.text.Lexicon;
import ir.peyk.text.PersianText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    private static final ArticleStats DEFAULT = Statistics.of(Fixtures.parse(Fixtures.DEFAULT));

    @Test
    void countsCoverTheBodyOnly() {
        Article a = Fixtures.parse(Fixtures.DEFAULT);
        int bodyWords = a.body().stream().mapToInt(s -> PersianText.words(s.key()).size()).sum();
        assertEquals(bodyWords, DEFAULT.words());
        assertEquals(294, DEFAULT.words());
        assertEquals(8, DEFAULT.sentences());
        assertEquals(3, DEFAULT.paragraphs());
        assertTrue(DEFAULT.uniqueWords() > 100 && DEFAULT.uniqueWords() < DEFAULT.words());
        int bodyChars = a.body().stream().mapToInt(s -> s.text().length()).sum();
        assertTrue(DEFAULT.characters() >= bodyChars && DEFAULT.characters() < bodyChars + 10, DEFAULT.characters() + "");
        assertEquals(Math.round(294 * 60.0 / Statistics.WORDS_PER_MINUTE), DEFAULT.readingTimeSeconds());
        assertEquals(a.id(), DEFAULT.id());
    }

    @Test
    void keywordsAreContentWordsFromTheBody() {
        Map<String, Integer> kw = DEFAULT.keywords().stream().collect(Collectors.toMap(
                k -> PersianText.key(k.term()), Keyword::count));
        assertEquals(Statistics.TOP_KEYWORDS, DEFAULT.keywords().size());
        assertEquals(5, kw.get("مردم"));
        assertEquals(3, kw.get("خدمات"));
        // پلتفرمها and پلتفرمهای are one term (9 = 7 + 2).
        assertEquals(9, kw.get("پلتفرمها"));
        assertFalse(kw.containsKey("پلتفرمهای"));
        Set<String> stop = Lexicon.keySet("stopwords.txt");
        Set<String> boiler = Lexicon.keySet("keyword-boilerplate.txt");
        for (String k : kw.keySet()) {
            assertFalse(stop.contains(k), k);
            assertFalse(boiler.contains(k), k);
            assertFalse(k.equals("تسنیم") || k.equals("تیترآنلاین") || k.equals("منبع"), k + " is not body content");
        }
        List<Integer> counts = DEFAULT.keywords().stream().map(Keyword::count).toList();
        for (int i = 1; i < counts.size(); i++) assertTrue(counts.get(i - 1) >= counts.get(i));
    }

    @Test
    void pluralEndingsMergeOnlyWhereSafe() {
        assertEquals("کتاب", Statistics.stem("کتابهای"));
        assertEquals("کتاب", Statistics.stem("کتابها"));
        assertEquals("تنها", Statistics.stem("تنها"));
        assertEquals("انتها", Statistics.stem("انتها"));
        assertEquals("گلها", Statistics.stem("گلها"), "a two-letter stem is too short to be sure");
    }

    @Test
    void numbersOfTheDefaultArticle() {
        List<NumberMention> body = DEFAULT.numbers().stream().filter(n -> n.section().equals("body")).toList();
        assertEquals(List.of(40_000_000L, 40_000_000L, 20_000_000L), body.stream().map(NumberMention::value).toList());
        assertEquals(List.of("about", "more than", "more than"), body.stream().map(NumberMention::qualifier).toList());
        assertTrue(body.stream().allMatch(n -> n.unit().equals("نفر")));
        assertEquals("قریب به ۴۰ میلیون نفر", body.get(0).text());
        Article a = Fixtures.parse(Fixtures.DEFAULT);
        for (NumberMention n : body) assertTrue(a.sentences().get(n.sentence()).text().contains(n.text()));
        // The footer's ماده ۷۴ is a number; its date ۱۳۸۲/۱۰/۱۷ is not.
        List<NumberMention> footer = DEFAULT.numbers().stream().filter(n -> n.section().equals("footer")).toList();
        assertEquals(List.of(74L), footer.stream().map(NumberMention::value).toList());
    }

    @Test
    void datesOfTheDefaultArticle() {
        Map<String, DateMention> bySection = DEFAULT.dates().stream()
                .collect(Collectors.toMap(DateMention::section, Function.identity()));
        assertEquals("2026-01-03", bySection.get("page").gregorian());
        assertEquals("1404/10/13", bySection.get("page").jalali());
        assertEquals("2023-07-12", bySection.get("dateline").gregorian());
        assertEquals("21 تیر 1402", bySection.get("dateline").text());
        assertEquals("2004-01-07", bySection.get("footer").gregorian());
        assertEquals("۱۳۸۲/۱۰/۱۷", bySection.get("footer").text());
        assertEquals(3, DEFAULT.dates().size());
    }

    @Test
    void relativeTimesResolveAgainstThePublicationDate() {
        List<RelativeTime> r = DEFAULT.relativeTimes();
        assertEquals(List.of("امسال", "یکسال گذشته", "امسال", "چندروز گذشته"), r.stream().map(RelativeTime::text).toList());
        assertEquals(List.of("1402", "1401", "1402", "before 1402/04/21"), r.stream().map(RelativeTime::resolved).toList());
        assertEquals("2022-03-21", r.get(1).from());
    }

    @Test
    void anotherOutletsNumbersAndDates() {
        ArticleStats s = Statistics.of(Fixtures.parse(Fixtures.HAMSHAHRI));
        List<NumberMention> body = s.numbers().stream().filter(n -> n.section().equals("body")).toList();
        assertEquals(List.<Number>of(1_200_000L, 20L, 35_000L, 2.5, 2L, 450_000L, 3L),
                body.stream().map(NumberMention::value).toList());
        assertEquals("حدود ۳۵ هزار ريال", body.get(2).text());
        assertEquals("ریال", body.get(2).unit());
        assertEquals("about", body.get(2).qualifier());
        assertEquals(List.of("2024-03-28", "2024-03-30", "2024-05-04", "2024-03-28"),
                s.dates().stream().map(DateMention::gregorian).toList());
        assertEquals(List.of("dateline", "body", "body", "body"), s.dates().stream().map(DateMention::section).toList());
        assertEquals(List.of("1403", "1402", "1403/01/07"), s.relativeTimes().stream().map(RelativeTime::resolved).toList());

        ArticleStats irna = Statistics.of(Fixtures.parse(Fixtures.IRNA));
        List<Number> values = irna.numbers().stream().filter(n -> n.section().equals("body"))
                .map(NumberMention::value).toList();
        assertEquals(List.<Number>of(35.8, 3.5, 1.2, 30L, 85_000L, 27_000_000L, 42L), values,
                "the time ۱۰:۳۰, the year in «سال ۱۴۰۲» and the date ۱۴۰۲/۱۱/۱۵ are not numbers");
        assertEquals(List.of("2024-03-06", "2024-03-05", "2024-02-04"),
                irna.dates().stream().map(DateMention::gregorian).toList());
    }

    @Test
    void stopwordListIsFunctionWordsOnly() {
        Set<String> stop = Lexicon.keySet("stopwords.txt");
        assertTrue(stop.size() >= 150 && stop.size() <= 250, "size " + stop.size());
        for (String content : List.of("بله", "خدمات", "میلیون", "مردم", "امسال", "جدید", "هزار", "امروز", "چه", "چند",
                "کدام", "کجا", "چرا")) {
            assertFalse(stop.contains(PersianText.key(content)), content + " must not be a stopword");
        }
        assertTrue(stop.contains("و") && stop.contains("از") && stop.contains("میشود"));
    }
}
