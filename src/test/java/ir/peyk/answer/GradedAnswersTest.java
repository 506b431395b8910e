package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.ArticleParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graded path: spoken and reworded questions matched softly, the best sentence given as what the article says
 * when no typed reader is sure, a decline when the article does not match — on an article written for this test.
 */
class GradedAnswersTest {
    private static final AnswerEngine CLINIC = engine();

    private static AnswerEngine engine() {
        try (InputStream in = GradedAnswersTest.class.getResourceAsStream("/eval-fixture/clinic-opening.fa.txt")) {
            return new AnswerEngine(ArticleParser.parse(in.readAllBytes()));
        } catch (IOException | ir.peyk.article.ArticleException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void spokenFormsReachTheirWrittenWords() {
        assertTrue(Colloquial.forms("خونه").contains("خانه"));
        assertTrue(Colloquial.forms("داره").contains("دارد"));
        assertTrue(Colloquial.forms("تومنه").contains("تومان"));          // two shifts: copula, then the vowel
        assertTrue(Colloquial.forms("پیامرسانا").contains("پیامرسانها"));
        assertTrue(Colloquial.forms("گرفتن").contains("گرفتند"));
        assertTrue(Colloquial.forms("میشه").contains("میشود"));
        assertFalse(Colloquial.forms("خانه").contains("خانه"));          // never the word itself
    }

    @Test
    void aSpokenQuestionIsAnsweredWithTheArticlesWords() {
        Answer a = CLINIC.ask("درمانگاه چند تا تخت داره؟");
        assertTrue(a.answered(), a::toString);
        assertTrue(a.answer().startsWith("۲۰ تخت"), a.answer());
        Answer how = CLINIC.ask("ساختنش چقدر طول کشید؟");                 // a duration: the period, not the cost
        assertTrue(how.answer().startsWith("دو سال"), how.answer());
    }

    @Test
    void aReasonAskedWithASpokenNegatedVerbIsFound() {
        Answer a = CLINIC.ask("چرا بخش جراحی راه نیفتاده؟");          // نیفتاده: the negative of افتاده
        assertTrue(a.answered(), a::toString);
        assertTrue(a.answer().contains("کمبود پزشک"), a.answer());
        assertEquals(1, a.evidence().size());
        assertTrue(a.confidence() > 0 && a.confidence() <= 1);
    }

    @Test
    void aWellMatchedQuestionWithoutATypedSpanIsTheSentenceAsTheArticleSaysIt() {
        AnswerEngine health = Fixtures.engine("answers-health-tasnim.fa.txt");
        Answer a = health.ask("Is the vaccine free?");
        assertTrue(a.answered(), a::toString);
        assertEquals(Answer.Kind.SENTENCE, a.kind(), a.answer());
        assertTrue(a.answer().contains("رایگان"), a.answer());
        assertTrue(a.answer().contains("«") && a.answer().contains("»"), a.answer());
        assertTrue(a.confidence() > 0 && a.confidence() <= 1);
    }

    @Test
    void whatTheArticleDoesNotCoverIsDeclined() {
        for (String q : List.of("حقوق پزشکان درمانگاه چقدر است؟", "پایتخت فرانسه کجاست؟", "قیمت بلیت هواپیما چند است؟")) {
            Answer a = CLINIC.ask(q);
            assertFalse(a.answered(), () -> q + " -> " + a.answer());
            assertEquals(Answer.Kind.DECLINE, a.kind());
        }
    }

    @Test
    void aTypedAnswerStaysASpan() {
        Answer a = CLINIC.ask("رئیس شبکه بهداشت کیه؟");
        assertEquals(Answer.Kind.SPAN, a.kind());
        assertTrue(a.answer().startsWith("رضا کاظمی"), a.answer());
    }

    @Test
    void aLongSentenceIsCutToTheClausesAroundTheMatch() throws Exception {
        StringBuilder body = new StringBuilder("در این گزارش آمده است که ");
        for (int i = 0; i < 40; i++) body.append("بند شماره ").append(i + 1).append(" از برنامه، ");
        body.append("و سرانجام کتابخانه مرکزی شهر با ۳۰۰ هزار جلد کتاب در روز شنبه بازگشایی شد.");
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("بازگشایی کتابخانه\n\nخبرگزاری نمونه\n\n" + body + "\n"));
        Answer a = e.ask("کتابخونه مرکزی چند جلد کتاب داره؟");
        assertTrue(a.answered(), a::toString);
        assertTrue(a.answer().length() <= 450, () -> a.answer().length() + ": " + a.answer());
        assertTrue(a.answer().contains("۳۰۰ هزار جلد"), a.answer());
    }

    @Test
    void theModelFileSaysWhatIsWrongWithIt() {
        AnswerModel shipped = AnswerModel.shipped();
        assertEquals(AnswerModel.FEATURES.size(), shipped.weights().length);
        assertTrue(shipped.threshold() > 0 && shipped.threshold() < 1);
        AnswerModel back = AnswerModel.parse(shipped.format("round trip"));
        assertEquals(shipped.bias(), back.bias(), 1e-5);
        assertEquals(shipped.threshold(), back.threshold(), 1e-4);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> AnswerModel.parse("coverage\t1\nbias\t0\n"));
        assertTrue(missing.getMessage().contains("no weight for"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnswerModel.parse("coverage 1"));
        assertThrows(NumberFormatException.class, () -> AnswerModel.parse("coverage\tmany\n"));
    }

    @Test
    void moreCoverageNeverLowersTheProbability() {
        AnswerModel m = AnswerModel.shipped();
        double[] f = new double[AnswerModel.FEATURES.size()];
        double before = m.probability(f);
        f[AnswerModel.FEATURES.indexOf("coverage")] = 1;
        assertTrue(m.probability(f) >= before);
        for (int i = 0; i < f.length; i++) {
            int sign = AnswerModel.SIGNS.get(i);
            double w = m.weights()[i];
            String name = AnswerModel.FEATURES.get(i);
            assertTrue(sign == 0 || sign * w >= 0, () -> "weight of " + name + " breaks its sign");
        }
    }

    @Test
    void aQuestionWithNothingToMatchIsDeclined() {
        for (String q : List.of("", "؟", "آیا", "چه", "   ")) assertNotEquals(Answer.Kind.SENTENCE, CLINIC.ask(q).kind());
    }
}
