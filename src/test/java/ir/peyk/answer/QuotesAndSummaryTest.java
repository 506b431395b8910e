package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.Article;
import ir.peyk.article.Section;
import ir.peyk.article.Sentence;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quotes (speakers resolved from pronouns and titles), quote search, and summaries, on both test articles. */
class QuotesAndSummaryTest {
    private final AnswerEngine def = Fixtures.engine(Fixtures.DEFAULT);
    private final AnswerEngine dams = Fixtures.engine(Fixtures.DAMS);

    @Test
    void everyColonQuoteOfTheDefaultArticleIsFoundWithTheNamedSpeakerAndTitle() {
        List<Quote> q = def.quotes();
        assertEquals(List.of("گفت", "اظهار کرد", "افزود", "تاکید کرد", "توضیح داد"), q.stream().map(Quote::verb).toList());
        for (Quote x : q) {
            assertEquals("عیسی زارعپور", x.speaker(), x.toString());           // title-only and وی resolved to the name
            assertEquals("وزیر ارتباطات و فناوری اطلاعات", x.title(), x.toString());
            assertFalse(x.text().isBlank());
            assertFalse(x.text().startsWith(":"));
        }
        assertTrue(q.get(0).text().startsWith("تلاشمان این است"));
        // the quote after توضیح داد runs on into the next sentence of its paragraph
        assertTrue(q.get(4).text().contains("رقابت همیشه خوب است"), q.get(4).text());
    }

    @Test
    void theWireAgencyPrefixIsNotASpeaker() {
        for (Quote x : def.quotes()) assertNotEquals("تسنیم", x.speaker());
        for (Quote x : dams.quotes()) assertNotEquals("ایرنا", x.speaker());
    }

    @Test
    void secondArticleQuotesResolveTitlePronounAndApposition() {
        List<Quote> q = dams.quotes();
        assertEquals(5, q.size(), q.toString());
        assertEquals("محمد شهریاری", q.get(0).speaker());                      // title first, name in the next sentence
        assertEquals("مدیرعامل شرکت آب منطقه‌ای تهران", q.get(0).title());
        assertEquals("افزود", q.get(2).verb());
        assertEquals("محمد شهریاری", q.get(2).speaker());                      // وی افزود
        assertEquals("عباس علی‌آبادی", q.get(4).speaker());                    // NAME، TITLE گفته بود
        assertEquals("وزیر نیرو", q.get(4).title());
        // "به گفته او، …" is the reporter speaking again: not part of the quote before it
        assertFalse(q.get(3).text().contains("به گفته او"), q.get(3).text());
    }

    @Test
    void quoteSearchIgnoresZwnjArabicLettersAndDigits() {
        List<Quote> plain = def.searchQuotes("پیامرسان");
        assertFalse(plain.isEmpty());
        assertEquals(plain, def.searchQuotes("پیام‌رسان"));
        assertEquals(plain, def.searchQuotes("پيام‌رسان"));
        assertEquals(1, def.searchQuotes("رقابت").size());
        assertEquals(def.searchQuotes("۴۰ میلیون"), def.searchQuotes("40 ميليون"));
        assertFalse(def.searchQuotes("40 میلیون").isEmpty());
        assertTrue(def.searchQuotes("فوتبال").isEmpty());
        assertTrue(def.searchQuotes("").isEmpty());
        assertEquals(1, dams.searchQuotes("میلیارد تومان").size());
    }

    @Test
    void randomQuoteComesFromTheQuotes() {
        Random r = new Random(7);
        Set<Quote> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) seen.add(def.randomQuote(r).orElseThrow());
        assertTrue(def.quotes().containsAll(seen));
        assertTrue(seen.size() > 1);
    }

    @Test
    void summaryIsBodyOnlyInArticleOrderWithoutDuplicates() {
        for (AnswerEngine e : List.of(def, dams)) {
            Article a = e.article();
            for (int n = 1; n <= 10; n++) {
                Summary s = e.summary(n);
                assertTrue(s.sentences().size() <= n && !s.sentences().isEmpty(), "n=" + n);
                int last = -1;
                Set<String> texts = new HashSet<>();
                for (Evidence ev : s.sentences()) {
                    Sentence src = a.sentences().get(ev.sentence());
                    assertEquals(Section.BODY, src.section());
                    assertEquals(src.text(), ev.text());
                    assertTrue(ev.sentence() > last, "article order");
                    last = ev.sentence();
                    assertTrue(texts.add(Fixtures.norm(ev.text()).replace("عزیزمان", "")), "near-duplicate");
                }
                assertFalse(s.gist().isBlank());
            }
        }
    }

    @Test
    void theRepeatedStatementOfTheDefaultArticleIsSummarizedOnce() {
        Summary s = def.summary(10);
        long repeats = s.sentences().stream().filter(e -> e.text().contains("تلاشمان این است که امسال خدمات دولتی")).count();
        assertEquals(1, repeats, s.text());
    }

    @Test
    void summaryLengthIsClampedAndDefaultsMakeSense() {
        assertEquals(1, def.summary(0).sentences().size());
        assertEquals(1, def.summary(-5).sentences().size());
        assertEquals(def.summary(10), def.summary(1000));
        assertEquals(3, def.summary(3).sentences().size());
        assertEquals(3, dams.summary(3).sentences().size());
    }

    @Test
    void neverSummarizesTheFooterOrTitle() {
        for (Evidence e : def.summary(10).sentences()) {
            assertFalse(e.text().contains("منبع خبر"));
            assertFalse(e.text().contains("ماده ۷۴"));
        }
        for (Evidence e : dams.summary(10).sentences()) assertFalse(e.text().contains("انتهای پیام"));
    }
}
