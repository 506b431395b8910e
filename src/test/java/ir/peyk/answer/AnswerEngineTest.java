package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.Article;
import ir.peyk.article.ArticleParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answer shape: the span plus its sentence, evidence indices, confidence, title↔name linking and honest declines. */
class AnswerEngineTest {
    private final AnswerEngine def = Fixtures.engine(Fixtures.DEFAULT);
    private final AnswerEngine dams = Fixtures.engine(Fixtures.DAMS);

    @Test
    void aNumberAnswerIsTheSpanWithUnitAndQualifierThenItsSentence() {
        Answer a = def.ask("روبیکا به تنهایی چند کاربر ماهانه دارد؟");
        assertTrue(a.answer().startsWith("بیش از ۴۰ میلیون نفر"), a.answer());
        assertTrue(a.answer().contains(" — «"));
        Evidence e = a.evidence().get(0);
        assertEquals(def.article().sentences().get(e.sentence()).text(), e.text());
        assertTrue(a.answer().contains(e.text()));
    }

    @Test
    void whoIsTheTitleHolderLinksTheTitleSentenceToTheNameSentence() {
        Answer a = def.ask("چه کسی وزیر ارتباطات و فناوری اطلاعات است؟");
        assertTrue(a.answer().startsWith("عیسی زارعپور، وزیر ارتباطات و فناوری اطلاعات"), a.answer());
        List<Integer> ev = a.evidence().stream().map(Evidence::sentence).toList();
        assertEquals(List.of(1, 2), ev);            // the title speaks in sentence 1, the name appears in sentence 2
    }

    @Test
    void aQuestionNamingThePersonFindsSentencesThatSayOnlyTheTitleOrVi() {
        Answer a = def.ask("زارعپور درباره رقابت چه گفت؟");
        assertTrue(a.answered());
        assertTrue(a.answer().contains("رقابت همیشه خوب است"));
        assertTrue(a.evidence().stream().anyMatch(e -> e.sentence() == 8));
    }

    @Test
    void theSourceIsTheOutletWithTheFooterCreditAsEvidence() {
        Answer a = def.ask("منبع خبر کدام رسانه است؟");
        assertTrue(a.answer().startsWith("دنیای اقتصاد"));
        assertTrue(a.evidence().get(0).text().startsWith("منبع خبر"));
        Answer b = dams.ask("این خبر مال کدام رسانه است؟");
        assertTrue(b.answer().startsWith("همشهری آنلاین"), b.answer());
    }

    @Test
    void thePublicationDateComesFromTheDateline() {
        Answer a = dams.ask("تاریخ انتشار خبر چیست؟");
        assertTrue(a.answer().contains("2024-11-25"), a.answer());
        assertEquals(-1, a.evidence().get(0).sentence());
    }

    @Test
    void declinesWhenTheHeadNounOrTheUnitIsMissingOrNoNumberIsNear() {
        assertFalse(def.ask("مدیرعامل روبیکا کیست؟").answered());          // head noun absent
        assertFalse(def.ask("بودجه دقیق تبلیغات چند میلیارد تومان بود؟").answered()); // unit absent
        assertFalse(def.ask("بودجه تبلیغات چقدر بود؟").answered());          // no number near the words
        assertFalse(def.ask("پایتخت فرانسه کجاست؟").answered());            // off topic
        assertFalse(dams.ask("سد کرج چند درصد پر است؟").answered());          // a place the article never names
    }

    @Test
    void aTitleTheArticleNeverNamesIsDeclined() throws Exception {
        Article a = ArticleParser.parse("""
                عنوان خبر درباره آب

                سخنگوی شرکت آب گفت: مصرف آب در تابستان ۲۰ درصد بیشتر شد.
                """);
        AnswerEngine e = new AnswerEngine(a);
        assertFalse(e.ask("سخنگوی شرکت آب کیست؟").answered());             // only the title, never a name
        assertTrue(e.ask("مصرف آب در تابستان چند درصد بیشتر شد؟").answered());
        assertEquals("سخنگوی شرکت آب", e.quotes().get(0).speaker());
    }

    @Test
    void questionsAboutTheNewsItemAreAnsweredFromTheHeaderOrDeclined() throws Exception {
        assertTrue(def.ask("نام خبرگزاری چیست؟").answer().startsWith("تسنیم"));
        assertEquals("ارائه خدمات دولتی از طریق پیامرسانهای داخلی", def.ask("تیتر خبر چیست؟").answer());
        assertTrue(def.ask("این خبر در چه ساعتی منتشر شد؟").answer().startsWith("ساعت 00:09"));
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                افتتاح مرکز جدید در شیراز

                ایسنا سه‌شنبه ۲۰ شهریور ۱۴۰۳
                مرکز جدید خدمات شهری در شیراز افتتاح شد. این مرکز توسط شهرداری شیراز ساخته شد.
                """));
        assertFalse(e.ask("این خبر ساعت چند منتشر شد؟").answered());   // the dateline gives no time
        assertTrue(e.ask("این خبر کی منتشر شد؟").answer().startsWith("20 شهریور 1403"));
    }

    @Test
    void aDoerThatIsNoPersonIsTheSubjectOrTheAgentOfItsClause() throws Exception {
        Answer a = def.ask("تماس تصویری چندنفره را چه کسانی راه اندازی کرده اند؟");
        assertTrue(a.answer().startsWith("بعضی از این پلتفرمها — «"), a.answer());
        assertEquals(5, a.evidence().get(0).sentence());
        assertFalse(def.ask("چه کسی روبیکا را راه‌اندازی کرد؟").answered());      // no sentence says it
        // تخصیص is no verb there: no doer is named; at most the sentence on the allocation, as what the article says
        assertNotEquals(Answer.Kind.SPAN, def.ask("چه کسی بودجه کلان را تخصیص داد؟").kind());
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                افتتاح مرکز جدید در شیراز

                ایسنا سه‌شنبه ۲۰ شهریور ۱۴۰۳
                مرکز جدید خدمات شهری در شیراز افتتاح شد. این مرکز توسط شهرداری شیراز ساخته شد.
                """));
        assertFalse(e.ask("چه کسی مرکز جدید خدمات شهری را افتتاح کرد؟").answered());   // passive, no doer said
        assertTrue(e.ask("این مرکز توسط چه کسی ساخته شد؟").answer().startsWith("شهرداری شیراز — «"));
    }

    @Test
    void aPlaceTheHeadlineNamesIsTheStorysOwnInATitle() throws Exception {
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                اتمام جشنواره فیلم کوتاه شیراز

                ایرنا، ۳ آبان ۱۴۰۳
                فیلم «باران» جایزه بهترین فیلم را گرفت. سپهر رادمهر، دبیر جشنواره، اعلام کرد دوره آینده بخش‌های تازه‌ای دارد.
                """));
        assertTrue(e.ask("دبیر جشنواره فیلم کوتاه شیراز کیست؟").answer().startsWith("سپهر رادمهر"));
        // a place the story does not name is another festival's
        assertNotEquals(Answer.Kind.SPAN, e.ask("دبیر جشنواره فیلم کوتاه تبریز کیست؟").kind());
    }

    @Test
    void aDayAndMonthAnswerWhenTheArticleGivesNoDateOfItsOwn() throws Exception {
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                دیدار دوستانه تیم ملی

                روزنامه ورزشی
                رئیس فدراسیون گفت: تیم سیرالئون را هماهنگ کردیم که ۲۶ اسفندماه در ورزشگاه آزادی با تیم ملی یک دیدار دوستانه داشته باشد.
                """));
        Answer a = e.ask("دیدار با سیرالئون چه روزی است؟");
        assertTrue(a.answered() && a.answer().startsWith("۲۶ اسفندماه"), a.answer());
        assertFalse(a.answer().contains("null"), a.answer());     // no year to convert: the day as written, nothing made up
    }

    @Test
    void theOneTimeOfASentenceThatSaysTheEventIsItsTimeHoweverFar() throws Exception {
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                افتتاح پروژه آبرسانی

                خبرگزاری نمونه
                وزیر نیرو امروز (دوشنبه) در آیینی که در فرمانداری شهر برگزار شد، پروژه آبرسانی روستاهای شرق استان را افتتاح کرد.
                """));
        Answer a = e.ask("پروژه آبرسانی روستاها چه روزی افتتاح شد؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());     // the time itself, not the sentence around it
        assertTrue(a.answer().contains("دوشنبه"), a.answer());
    }

    @Test
    void aRankIsAnsweredWithTheOrdinalWordBeforeTheQuestionsNoun() throws Exception {
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                اتمام جشنواره فیلم کوتاه

                کیهان
                آیین اختتامیه چهل‌ودومین جشنواره بین‌المللی فیلم کوتاه تهران شامگاه جمعه برگزار شد و دومین جایزه به فیلم «باران» رسید.
                """));
        Answer a = e.ask("این چندمین دوره جشنواره فیلم کوتاه تهران بود؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("چهل‌ودومین"), a.answer());     // not دومین, which ranks a prize
    }

    @Test
    void aCountedNounIsTheWordItselfNotOneThatLooksLikeIt() throws Exception {
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                دستگیری باند سرقت

                ایسنا، ۳ دی ۱۴۰۲
                فرمانده انتظامی استان گفت: اعضای این باندها که شامل ۲۸ سارق بودند دستگیر شدند و در تحقیقات پلیس به ۹۶ فقره سرقت اعتراف کردند.
                """));
        Answer a = e.ask("سارقان به چند سرقت اعتراف کردند؟");
        // سارق shares letters with سرقت, but "۲۸ سارق" counts thieves
        assertFalse(a.answered() && a.answer().startsWith("۲۸"), a.answer());
    }

    @Test
    void aClockQuestionWantsAClockTimeAndItsPrepositionPicksStartOrEnd() {
        AnswerEngine metro = Fixtures.engine("hamshahri-metro.fa.txt");
        assertTrue(metro.ask("قطارها تا چه ساعتی کار می‌کنند؟").answer().startsWith("۲۲:۰۰"));
        assertTrue(metro.ask("قطارها از چه ساعتی کار می‌کنند؟").answer().startsWith("ساعت ۵:۳۰ صبح"));
        assertTrue(metro.ask("قطارها از کی ساعت ۵:۳۰ کار می‌کنند؟").answer().startsWith("۱۱ فروردین"));   // not the time it says
    }

    @Test
    void spansAreTheAnswerNotJustSomethingInTheSentence() {
        AnswerEngine export = Fixtures.engine("answers-export-irna.fa.txt");
        assertTrue(export.ask("نمایشگاه بین‌المللی صادرات کجا برگزار می‌شود؟").answer().startsWith("تهران — «"));
        assertTrue(export.ask("عمده صادرات به کدام کشورها انجام شده است؟").answer()
                .startsWith("عراق، ترکیه، امارات و افغانستان — «"));
        assertFalse(export.ask("سهم عراق از صادرات چند درصد بود؟").answered());    // ۲۵ درصد is China's share
        assertTrue(export.ask("واردات کشور در دو ماه چقدر بود؟").answer().startsWith("۹.۵ میلیارد دلار"));
        AnswerEngine sport = Fixtures.engine("answers-sport-isna.fa.txt");
        assertTrue(sport.ask("تیم ملی والیبال ایران کدام تیم را شکست داد؟").answer().startsWith("ژاپن — «"));
        assertTrue(sport.ask("سرمربی تیم ملی والیبال کیست؟").answer().startsWith("پیمان اکبری"));
        assertFalse(sport.ask("سرمربی تیم ملی فوتبال کیست؟").answered());
        AnswerEngine health = Fixtures.engine("answers-health-tasnim.fa.txt");
        assertTrue(health.ask("واکسن ها به چه کسانی تحویل داده شده است؟").answer().startsWith("دانشگاه‌های علوم پزشکی — «"));
        assertTrue(health.ask("چه کسی واکسن‌ها را تولید کرده است؟").answer().startsWith("انستیتو پاستور ایران — «"));
        assertTrue(health.ask("کدام استان‌ها در مرحله نخست طرح قرار دارند؟").answer()
                .startsWith("تهران، اصفهان، خراسان رضوی و فارس — «"));
    }

    @Test
    void theEngineIsSharedSafelyAcrossThreads() throws Exception {
        String q = "روزانه چند نفر در شبکه‌های اجتماعی داخلی فعال هستند؟";
        String expected = def.ask(q).answer();
        Thread[] ts = new Thread[4];
        String[] got = new String[ts.length];
        for (int i = 0; i < ts.length; i++) {
            int k = i;
            ts[i] = new Thread(() -> {
                for (int j = 0; j < 500; j++) def.ask(j % 2 == 0 ? q : "پایتخت فرانسه کجاست؟ " + j);
                got[k] = def.ask(q).answer();
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        for (String g : got) assertEquals(expected, g);
    }
}
