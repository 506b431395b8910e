package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Question typing (before stopwords go), content terms, joined words and the word matcher. */
class QuestionAnalyzerTest {
    private final ArticleIndex index = new ArticleIndex(Fixtures.article(Fixtures.DEFAULT));
    private final QuestionAnalyzer analyzer = new QuestionAnalyzer(index.matcher);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "چه کسی وزیر است؟|PERSON",
            "وزیر کیه|PERSON",
            "اونا کیا بودن؟|PERSON",
            "کی وزیر ارتباطاته؟|PERSON",
            "کی پلتفرم‌ها گلایه کردند؟|DATE",
            "چه کسی گفت رقابت خوب است؟|SPEAKER",
            "روبیکا چند کاربر داره؟|NUMBER",
            "کاربران روبیکا چقدره؟|NUMBER",
            "چه تعداد کاربر؟|NUMBER",
            "چه زمانی گلایه کردند؟|DATE",
            "کجاست؟|LOCATION",
            "چرا گلایه کردند؟|REASON",
            "به چه دلیل گلایه کردند؟|REASON",
            "چطوری کار می‌کنه؟|MANNER",
            "وزیر رقابت را چگونه توصیف کرد؟|QUOTE",
            "وزیر درباره رقابت چی گفت؟|QUOTE",
            "نام پیام‌رسان‌های بومی چیست؟|LIST",
            "کدام پیام‌رسان‌ها؟|WHICH",
            "چه خدماتی ارائه می‌شود؟|WHICH",
            "از چه محلی تامین شده؟|WHICH",
            "از چه چیزی گلایه داشتند؟|DEFINITION",
            "رقابت چیه؟|DEFINITION",
            "آیا رقابت خوب است؟|YESNO",
            "منبع خبر کدام رسانه است؟|SOURCE",
            "تاریخ انتشار خبر؟|PUBLISHED",
            "How many users?|NUMBER",
            "Who is the minister?|PERSON",
            "What did the minister say about competition?|QUOTE",
    })
    void detectsTheAnswerTypeFromQuestionWords(String q, AnswerType type) {
        assertEquals(type, analyzer.analyze(q).type());
    }

    @Test
    void questionWordsStopwordsAndLightVerbsAreNotContentTerms() {
        Question q = analyzer.analyze("روبیکا به تنهایی چند کاربر ماهانه دارد؟");
        List<String> terms = q.terms().stream().map(Question.Term::text).toList();
        assertFalse(terms.contains("چند"));
        assertFalse(terms.contains("دارد"));
        assertFalse(terms.contains("به"));
        assertTrue(terms.contains("روبیکا"));
        assertEquals("کاربر", q.units());
    }

    @Test
    void splitWordsAreJoinedWhenTheArticleWritesThemAsOne() {
        for (String spelling : List.of("پیام رسان های بومی", "پیام‌رسان‌های بومی", "پیامرسانهای بومی", "پيام رسانها")) {
            Question q = analyzer.analyze(spelling + " چند کاربر دارند؟");
            Question.Term first = q.terms().get(0);
            assertTrue(first.matched(), spelling);
            assertTrue(first.hits().stream().anyMatch(h -> h.word().equals("پیامرسانهای")), spelling + " " + first);
        }
        Question q = analyzer.analyze("روز به روز چه شد؟");
        assertTrue(q.terms().stream().anyMatch(t -> t.hits().stream().anyMatch(h -> h.word().equals("روزبهروز"))));
    }

    @Test
    void aNumberQuestionKnowsItsUnitAndScale() {
        Question q = analyzer.analyze("بودجه دقیق تبلیغات چند میلیارد تومان بود؟");
        assertEquals("تومان", q.units());
        assertEquals(1e9, q.scale());
        assertEquals("کاربر", analyzer.analyze("روبیکا چند کاربر داره").head().text());
        assertNull(analyzer.analyze("روبیکا چند کاربر داره").fallback());
        assertEquals(AnswerType.PERSON, analyzer.analyze("کی پلتفرم‌ها گلایه کردند؟").fallback());
    }

    @Test
    void aNegatedModalIsANegativeVerb() {
        for (String w : List.of("نتوانستند", "نتوانست", "نخواست", "نشد", "نمیکنه")) assertTrue(SpanAnswers.isNegativeVerb(w), w);
        for (String w : List.of("توانستند", "نان", "نرخ", "نفر")) assertFalse(SpanAnswers.isNegativeVerb(w), w);
    }

    @Test
    void classifiersVagueEventsAndPointedNounsWeighLittle() {
        // the noun of an eventless light verb is no term: the accident is what the question is about
        for (String q : List.of("تصادف چه روزی رخ داد؟", "تصادف کجا اتفاق افتاد؟")) {
            List<String> terms = analyzer.analyze(q).terms().stream().map(Question.Term::text).toList();
            assertEquals(List.of("تصادف"), terms, q);
        }
        // "چند نفر": the classifier says a count is asked; the victims are the content
        Question count = analyzer.analyze("چند نفر مجروح شدند؟");
        Question.Term person = count.terms().stream().filter(t -> t.text().equals("نفر")).findFirst().orElseThrow();
        Question.Term hurt = count.terms().stream().filter(t -> t.text().equals("مجروح")).findFirst().orElseThrow();
        assertTrue(person.weight() < 0.5 && !person.required(), person.toString());
        assertEquals(1.0, hurt.weight());
        // "این آمار" points back at what the article said: half weight, never required
        Question pointed = analyzer.analyze("وزیر کی این ارقام را اعلام کرد؟");   // the article writes no ارقام
        Question.Term figures = pointed.terms().stream().filter(t -> t.text().equals("ارقام")).findFirst().orElseThrow();
        assertEquals(0.5, figures.weight());
        assertFalse(figures.required());
    }

    @Test
    void phrasesThatPointAtTheTextAreDropped() {
        Question q = analyzer.analyze("چه پیام رسان هایی نام برده شده اند؟");
        assertEquals(AnswerType.WHICH, q.type());
        assertEquals(List.of("پیامرسان"), q.terms().stream().map(Question.Term::text).toList());
        assertEquals(1, analyzer.analyze("چه پیام‌رسان‌هایی در خبر آمده است؟").terms().size());
    }

    @Test
    void theEventOfTheQuestionIsItsPredicateAndRequiredForFactQuestions() {
        Question when = analyzer.analyze("چه زمانی خدمات دولتی راه‌اندازی شد؟");
        Question.Term event = when.terms().get(when.terms().size() - 1);
        assertEquals("راهاندازی", event.text());
        assertEquals(Question.Role.EVENT, event.role());
        assertTrue(event.required());
        Question state = analyzer.analyze("چند درصد کاربران روبیکا فعال هستند؟");
        Question.Term full = state.terms().get(state.terms().size() - 1);
        assertEquals(Question.Role.STATE, full.role());            // a state may be worded otherwise: not required
        assertFalse(full.required());
        assertFalse(state.nounMissing());
        Question quote = analyzer.analyze("وزیر رقابت را چگونه توصیف کرد؟");
        assertFalse(quote.terms().stream().anyMatch(t -> t.predicate() && t.required()));   // quotes need no event
        assertTrue(analyzer.analyze("هزینه بلیت اتوبوس چقدر است؟").nounMissing());
    }

    @Test
    void aCountedNounFollowsChandButNotCheghadr() {
        assertEquals("ایستگاه", analyzer.analyze("چند ایستگاه افتتاح شد؟").head().text());
        assertNull(analyzer.analyze("چقدر آب در سدها هست؟").head());
        assertEquals(AnswerType.NUMBER, analyzer.analyze("چقدر آب در سدها هست؟").type());
    }

    @Test
    void keyAfterItsSubjectAsksWhenWithNoWhoReading() {
        Question q = analyzer.analyze("مرکز آمار کی نرخ تورم را اعلام کرد؟");
        assertEquals(AnswerType.DATE, q.type());
        assertNull(q.fallback());
        assertEquals(AnswerType.PERSON, analyzer.analyze("وزیر ارتباطات کی بود؟").type());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "نام خبرگزاری چیست؟|AGENCY",
            "خبر از کدوم خبرگزاریه؟|AGENCY",
            "این خبر در چه ساعتی منتشر شد؟|TIME",
            "تاریخ انتشار خبر؟|DATE",
            "این خبر کی منتشر شد؟|DATE",
            "تیتر خبر چیه؟|TITLE",
            "What is the title of the news?|TITLE",
            "این خبر مال کدوم روزنامه است؟|SOURCE",
            "ساعت چند است؟|-",
            "خبرگزاری مهر چه گفت؟|-",
            "این گزارش چه ساعتی منتشر شد؟|-",
    })
    void questionsAboutTheNewsItemNameAHeaderField(String q, NewsAnswers.Field field) {
        assertEquals(field, analyzer.analyze(q).news());
    }

    @Test
    void matcherFindsSuffixedStemmedAndFuzzyForms() {
        TermMatcher m = index.matcher;
        assertTrue(has(m, "پیامرسان", "پیامرسانهای"));      // word + suffix
        assertTrue(has(m, "کاربران", "کاربر"));              // question plural, article singular
        assertTrue(has(m, "گلایه", "گلایهمند"));
        assertTrue(has(m, "خدماتی", "خدمات"));
        assertTrue(has(m, "ارتباطاته", "ارتباطات"));        // colloquial copula: 3-gram Dice
        assertTrue(m.match("فرانسه").isEmpty());
        assertTrue(m.match("مدیرعامل").isEmpty());
        assertTrue(m.match("پایتخت").isEmpty());
    }

    @Test
    void diceOfPaddedTrigramsMatchesTheReferenceValue() {
        long[] a = TermMatcher.trigrams("پیامرسانهای");
        long[] b = TermMatcher.trigrams("پیامرسان");
        long common = java.util.Arrays.stream(a).filter(x -> java.util.Arrays.stream(b).anyMatch(y -> y == x)).count();
        assertEquals(0.74, 2.0 * common / (a.length + b.length), 0.01);
    }

    @Test
    void longQuestionsAreCapped() {
        Question q = analyzer.analyze("روبیکا ".repeat(5000));
        assertTrue(q.raw().length() <= QuestionAnalyzer.MAX_CHARS);
    }

    private static boolean has(TermMatcher m, String term, String word) {
        return m.match(term).stream().anyMatch(h -> h.word().equals(word));
    }

    /** Word-level data the engine reads by: broken plurals both ways, می- nouns, negated verbs, place nouns. */
    @Test
    void brokenPluralsMiNounsNegationAndPlaceNouns() {
        assertEquals("خط", Lang.PLURAL_PAIRS.get("خطوط"));
        assertEquals("اقلام", Lang.PLURAL_PAIRS.get("قلم"));
        assertFalse(Lang.isVerbLike("میدان"));
        assertFalse(Lang.isVerbLike("میانگین"));
        assertTrue(Lang.isVerbLike("میدانند"));
        assertTrue(SpanAnswers.isNegativeVerb("نبوده"));
        assertTrue(SpanAnswers.isNegativeVerb("نشد"));
        assertFalse(SpanAnswers.isNegativeVerb("نشست"));
        assertFalse(SpanAnswers.isNegativeVerb("نزد"));
        assertTrue(Lang.isPlaceNoun("پایانههای"));
        assertFalse(Lang.isPlaceNoun("اتوبوس"));
    }
}
