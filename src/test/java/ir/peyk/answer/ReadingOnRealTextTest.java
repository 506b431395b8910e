package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.ArticleParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readings a person does without thinking that real news writing needs: a phrase for a word, every item a plural
 * question asks for, a rate shared by a list, a figure in a "با" phrase beside a denial, a title word used as a noun.
 */
class ReadingOnRealTextTest {
    private static AnswerEngine engine(String text) throws Exception {
        return new AnswerEngine(ArticleParser.parse(text));
    }

    @Test
    void aPluralWhichQuestionGetsEveryItemAndAWordMatchesItsPhraseEquivalent() throws Exception {
        AnswerEngine e = engine("""
                واژگونی اتوبوس در محور کاشان

                خبرگزاری نمونه
                معاون استانداری گفت: اتوبوس مسافربری شامگاه جمعه در محور کاشان واژگون شد.
                وی افزود: مصدومان حادثه به مراکز درمانی شفا و کوثر کاشان منتقل شدند.
                """);
        Answer a = e.ask("زخمی‌ها را به کدام بیمارستان‌ها بردند؟");   // بیمارستان ↔ "مراکز درمانی", two words
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().contains("شفا") && a.answer().contains("کوثر"), a.answer());
    }

    @Test
    void aRatePerItemHoldsForEachOfAPair() throws Exception {
        AnswerEngine e = engine("""
                گرانی گوشت قرمز

                خبرگزاری نمونه
                رئیس اتحادیه قصابان گفت: گوشت گوسفندی و گوساله‌ای در بازار کیلویی ۶۰۰ هزار تومان است.
                """);
        Answer a = e.ask("گوشت گوسفندی کیلویی چند است؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("۶۰۰ هزار تومان"), a.answer());
    }

    @Test
    void aFigureInABaPhraseIsNotWhatANearbyDenialDenies() throws Exception {
        AnswerEngine e = engine("""
                ورزشگاه جدید شهر

                خبرگزاری نمونه
                مدیرکل ورزش استان گفت: ورزشگاه جدید شهر با پیشرفت حدود ۷۰ درصد هنوز سقف نداشته و بازی‌ها در سالن قدیمی برگزار می‌شود.
                """);
        Answer a = e.ask("ورزشگاه جدید چند درصد پیشرفت کرده؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().contains("۷۰ درصد"), a.answer());
    }

    @Test
    void anHonorificWithNoNameAfterItIsANoun() {
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new ArticleIndex(Fixtures.article(Fixtures.DEFAULT)).matcher);
        assertTrue(analyzer.analyze("چند خانم در مسابقه شرکت کردند؟").terms().stream()
                .anyMatch(t -> t.text().equals("خانم")));
        assertTrue(analyzer.analyze("خانم رضایی کجا کار می‌کند؟").terms().stream()     // before a name: the name is asked
                .noneMatch(t -> t.text().equals("خانم")));
    }

    @Test
    void theStorysOwnTimeAndAFigureNounTheArticleLacksDoNotPinTheQuestion() throws Exception {
        AnswerEngine e = engine("""
                نتایج انتخابات شورای شهر

                خبرگزاری نمونه
                رئیس ستاد انتخابات گفت: ۱۲۰ هزار نفر در انتخابات شورای شهر رای دادند و زنان ۳۵ درصد از کرسی‌های شورا را به دست آوردند.
                """);
        Answer count = e.ask("امسال چند نفر در انتخابات شورای شهر رای دادند؟");   // the sentence does not say امسال
        assertEquals(Answer.Kind.SPAN, count.kind(), count.answer());
        assertTrue(count.answer().startsWith("۱۲۰ هزار نفر"), count.answer());
        Answer share = e.ask("سهم زنان از کرسی‌های شورا چند درصد است؟");        // nor سهم
        assertTrue(share.answered() && share.answer().contains("۳۵ درصد"), share.answer());
    }

    @Test
    void theAskedKindOfAWhichQuestionIsNotItsEvent() {
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new ArticleIndex(Fixtures.article(Fixtures.DEFAULT)).matcher);
        Question q = analyzer.analyze("این فیلم چه جایزه‌هایی گرفت؟");
        assertEquals(AnswerType.WHICH, q.type());
        assertEquals(Question.Role.NOUN, q.head().role(), q.head().toString());   // the answer names the prizes otherwise
    }

    @Test
    void aNounPointedBackToCarriesTheCountTheSentenceBeforeGaveIt() throws Exception {
        AnswerEngine e = engine("""
                کشف کالای قاچاق

                خبرگزاری نمونه
                فرمانده انتظامی استان گفت: ماموران موفق به شناسایی ۸ باند قاچاق کالا شدند.
                وی افزود: اعضای این باندها در بازجویی به ۴۵ فقره قاچاق اعتراف کردند.
                """);
        Answer a = e.ask("اعضای ۸ باند به چند فقره قاچاق اعتراف کردند؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("۴۵ فقره"), a.answer());
    }

    @Test
    void whenWasTheNounIsTheTimeOfTheSentenceThatHoldsItNotOfOneMoreEvent() throws Exception {
        AnswerEngine e = engine("""
                افتتاح کتابخانه مرکزی شهر

                خبرگزاری نمونه
                شهردار امروز (سه‌شنبه) در مراسمی که با حضور اعضای شورای شهر و جمعی از نویسندگان و اهالی محله برگزار شد، کتابخانه مرکزی شهر را افتتاح کرد.
                روز یکشنبه گذشته نیز شهردار با حضور در محله شمالی کتابخانه کودکان این محله را افتتاح کرد.
                """);
        Answer a = e.ask("افتتاح چه روزی بود؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().contains("سه‌شنبه") && !a.answer().contains("یکشنبه"), a.answer());
    }

    @Test
    void aCategoryTheArticleWordsOtherwiseIsFoundByItsAdjective() throws Exception {
        AnswerEngine e = engine("""
                مرمت آثار شهر

                خبرگزاری نمونه
                مدیرکل میراث فرهنگی استان گفت: امسال آثار تاریخی شهر از جمله کاروانسرای شاه‌عباسی، مسجد جامع و حمام قدیمی مرمت شد.
                """);
        Answer a = e.ask("کدام اماکن تاریخی مرمت شد؟");   // "تاریخی" is the adjective, not a "when" word; اماکن is unwritten
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("کاروانسرای شاه‌عباسی") && a.answer().contains("مسجد جامع"), a.answer());
    }

    @Test
    void whatSomeoneAskedIsWhatFollowsTheRequestVerbOfTheSentenceTheirPronounOpens() throws Exception {
        AnswerEngine e = engine("""
                ترافیک سنگین در پایتخت

                خبرگزاری نمونه
                محسن کریمی، معاون حمل و نقل شهرداری، گفت: ترافیک این هفته سنگین‌تر از هفته پیش بود.
                وی ضمن اشاره به بارندگی که در روزهای اخیر رفت و آمد را کند کرده است، از شهروندان خواست از وسایل نقلیه عمومی استفاده کنند.
                """);
        Answer a = e.ask("کریمی از شهروندان چه خواست؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("از وسایل نقلیه عمومی استفاده کنند"), a.answer());
    }

    @Test
    void aTimeWrittenInPartsIsOneTimeOfTheEventTheQuestionsSubjectNames() throws Exception {
        AnswerEngine e = engine("""
                آتش‌سوزی انبار کالا در شهرک صنعتی

                خبرگزاری نمونه
                آتش‌سوزی گسترده در انبار کالای شهرک صنعتی خسارت زیادی به بار آورد.
                فرمانده آتش‌نشانی گفت: آتش‌سوزی با تلاش ۴۰ آتش‌نشان مهار شد.
                وی افزود: علت آتش‌سوزی در دست بررسی است.
                به گفته وی، در این آتش‌سوزی به کسی آسیب نرسید.
                مدیر شهرک صنعتی گفت: خسارت آتش‌سوزی هنوز برآورد نشده است.
                رئیس پلیس آگاهی گفت: در ساعت ۲۲:۱۵ جمعه ۵ مهر ماه، در انبار شماره سه شهرک پس از قطع برق شعله‌ها دیده شد و آتش‌سوزی آغاز شد.
                """);
        Answer a = e.ask("آتش‌سوزی کی رخ داد؟");     // "رخ داد" names no event: the fire is the question's event
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("ساعت ۲۲:۱۵ جمعه ۵ مهر ماه"), a.answer());
    }

    @Test
    void whichPartOfAPlaceIsTheWordsBetweenDarAndThePlace() throws Exception {
        AnswerEngine e = engine("""
                واژگونی کامیون در جاده چالوس

                خبرگزاری نمونه
                رئیس پلیس راه استان گفت: واژگونی کامیون در جاده چالوس ترافیک را سنگین کرد.
                وی افزود: بامداد امروز در باند جنوبی جاده چالوس، پس از تونل کندوان یک کامیون واژگون شد.
                """);
        Answer a = e.ask("کامیون کجای جاده چالوس واژگون شد؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("باند جنوبی جاده"), a.answer());
    }

    @Test
    void aGenericNounAndAnEquivalentClassifierDoNotStopACount() throws Exception {
        AnswerEngine e = engine("""
                سفرهای تابستانی به استان

                خبرگزاری نمونه
                مدیرکل گردشگری استان گفت: در تابستان امسال بیش از ۴۲۰ هزار مورد بازدید از سواحل شمالی استان ثبت شد.
                """);
        Answer a = e.ask("از جاهای شمالی چند بار بازدید شد؟");   // جا: the article names the kind (سواحل); بار ↔ مورد
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("بیش از ۴۲۰ هزار مورد"), a.answer());
    }

    @Test
    void aVerbFindsTheNounOfItsActionAndBeWrittenSolidIsNoBar() throws Exception {
        assertEquals(List.of("فروش"), WordForms.verbNouns("فروخته"));
        assertEquals(List.of("کاهش"), WordForms.verbNouns("میکاستند"));
        assertTrue(WordForms.verbNouns("فروشگاه").isEmpty());
        AnswerEngine e = engine("""
                بازار میوه

                خبرگزاری نمونه
                رئیس اتحادیه میوه‌فروشان گفت: سیب درختی در میدان بار کیلویی ۴۰ هزار تومان است و در مغازه‌ها بالای ۶۰هزارتومان بهفروش می‌رسد.
                """);
        Answer a = e.ask("سیب در مغازه‌ها چند فروخته میشه؟");   // فروخته → فروش, found in "بهفروش"
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("بالای ۶۰هزارتومان"), a.answer());
    }

    @Test
    void aYesNoAboutHavingIsAnsweredByTheSentenceThatSaysHaveOrHaveNot() throws Exception {
        AnswerEngine e = engine("""
                ساخت مدرسه جدید

                خبرگزاری نمونه
                مدیر آموزش و پرورش گفت: سالن ورزشی مدرسه شهید رجایی در ساختمان تازه جای می‌گیرد.
                وی افزود: مدرسه شهید رجایی که سال‌ها پیش در محله قدیمی شهر با کمک خیران و اهالی ساخته شده و اکنون با ۸۰ درصد پیشرفت در بازسازی همراه است هنوز سالن ورزشی نداشته و دانش‌آموزان آن در پارک محله ورزش می‌کنند.
                """);
        Answer a = e.ask("آیا مدرسه شهید رجایی سالن ورزشی دارد؟");
        assertEquals(Answer.Kind.SPAN, a.kind(), a.answer());
        assertTrue(a.answer().startsWith("خیر") && a.answer().contains("نداشته"), a.answer());
    }

    @Test
    void spokenAndDerivedFormsReachTheArticlesWords() throws Exception {
        assertTrue(Colloquial.forms("میتونن").contains("میتوانند"));      // ون → وان, then -ن → -ند
        assertTrue(Colloquial.forms("آتیش").contains("آتش"));
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new ArticleIndex(ir.peyk.article.ArticleParser.parse("""
                واکسن کودکان

                خبرگزاری نمونه
                تزریق این واکسن برای کودکان بالای ۶ ماه و زنان باردار توصیه می‌شود.
                """)).matcher);
        Question q = analyzer.analyze("از چند ماهگی میشه به بچه‌ها و خانم‌های حامله واکسن زد؟");
        assertTrue(q.terms().stream().anyMatch(t -> t.text().equals("ماهگی") && t.matched()), q.terms().toString());
        assertTrue(q.terms().stream().anyMatch(t -> t.text().equals("حامله") && t.matched()), q.terms().toString());
    }

    @Test
    void aSpokenYesNoQuestionNeedsNoAyaAndANounInYatIsItsBase() throws Exception {
        AnswerEngine e = engine("""
                آتش‌سوزی در بازار

                خبرگزاری نمونه
                سخنگوی آتش‌نشانی گفت: آتش‌سوزی دیشب در یک مغازه پارچه‌فروشی بازار مهار شد.
                وی با تأکید بر اینکه این حادثه هیچ مصدومیتی نداشته است، افزود: علت حادثه در دست بررسی است.
                """);
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new ArticleIndex(ir.peyk.article.ArticleParser.parse("عنوان\n\nمتن خبر.")).matcher);
        assertEquals(AnswerType.YESNO, analyzer.analyze("کسی تو این حادثه مصدوم شد؟").type());
        assertEquals(AnswerType.UNKNOWN, analyzer.analyze("این حادثه را خلاصه کن").type());   // no question mark
        Answer a = e.ask("کسی تو این حادثه مصدوم شد؟");
        assertTrue(a.answered() && a.answer().contains("مصدومیتی نداشته"), a.answer());   // مصدوم ↔ مصدومیت
    }

    @Test
    void aSpokenFormOfAFunctionWordIsNoContent() {
        QuestionAnalyzer analyzer = new QuestionAnalyzer(new ArticleIndex(Fixtures.article(Fixtures.DEFAULT)).matcher);
        assertEquals(List.of("مسافرها", "بلیت", "تهیه"), analyzer.analyze("مسافرها از کجا میتونن بلیت تهیه کنن؟").terms()
                .stream().map(Question.Term::text).toList());                // میتونن: می‌توانند, a modal
        assertTrue(analyzer.analyze("بهترین موقعیه برای سفر چه موقعیه؟").terms().stream()
                .noneMatch(t -> t.text().equals("موقعیه")));                  // موقع + a spoken "is"
    }

    @Test
    void aWhichAnswerThatRunsIntoTheQuestionsOwnSubjectIsNoAnswer() throws Exception {
        AnswerEngine e = engine("""
                برنامه والیبال

                خبرگزاری نمونه
                رئیس فدراسیون گفت: تیم ملی والیبال ایران تا پیش از المپیک ۵ بازی تدارکاتی برگزار خواهد کرد.
                """);
        Answer a = e.ask("ایران در المپیک با کدام تیم‌ها هم‌گروه است؟");   // "تیم ملی والیبال ایران" is Iran's own team
        assertTrue(!a.answered() || !a.answer().startsWith("تیم ملی والیبال"), a.answer());
    }

    @Test
    void aNameBeforeAPartOfDayOpensTheSentenceAsItsSpeakerEvenAfterAWireOpener() throws Exception {
        AnswerEngine e = engine("""
                آغاز طرح کاشت درخت

                خبرگزاری نمونه
                به گزارش خبرنگار ما، بردیا کاوسی ظهر چهارشنبه در جمع خبرنگاران اظهار کرد: طرح کاشت درخت در حاشیه شهر آغاز شد.
                """);
        Answer a = e.ask("کی درباره طرح کاشت درخت صحبت کرده؟");      // صحبت کرده: a reporting verb, so کی asks who
        assertTrue(a.answered() && a.answer().startsWith("بردیا کاوسی"), a.answer());
    }

    @Test
    void digitsInsideALargerNumberAreNotThatNumber() throws Exception {
        ArticleIndex index = new ArticleIndex(ir.peyk.article.ArticleParser.parse("""
                نتایج آزمون

                خبرگزاری نمونه
                در آزمون سال 95 شمار پذیرفته‌شدگان 2 هزار و 95 نفر بود.
                """));
        // the year is found; the 95 of "2 هزار و 95" is a part of 2,095, not the number 95
        assertEquals(1, index.occurrences("95").size(), index.occurrences("95").toString());
    }

    @Test
    void aWhyNotIsAnsweredByTheSentenceThatSaysWhatCouldNotHappen() throws Exception {
        AnswerEngine e = engine("""
                لغو کنسرت

                خبرگزاری نمونه
                مدیر تالار شهر گفت: برنامه‌های پاییز تالار اعلام شد و فروش بلیت از هفته آینده آغاز می‌شود.
                با وجود قراردادی که با گروه ارکستر داشتیم، آنها نتوانستند اعضای گروه را برای اجرای کنسرت در تالار شهر آماده کنند.
                """);
        Answer a = e.ask("چرا ارکستر در تالار شهر کنسرت اجرا نمی‌کنه؟");
        assertTrue(a.answered() && a.answer().contains("نتوانستند"), a.answer());
    }
}
