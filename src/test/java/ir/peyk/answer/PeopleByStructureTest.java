package ir.peyk.answer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.ArticleParser;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * People found by where they stand, not by a first-name list: the fixture's first names (یاشار، آرتین) are in no data
 * file, and the surnames are common words (بخشی "a part", خوش "pleasant").
 */
class PeopleByStructureTest {
    @Test
    void theSpeakerBeforeAReportingVerbAndAnAppositionAfterBeGoftehAreNamed() throws Exception {
        AnswerEngine e;
        try (InputStream in = getClass().getResourceAsStream("/eval-fixture/tax-office.fa.txt")) {
            e = new AnswerEngine(ArticleParser.parse(in.readAllBytes()));
        }
        assertTrue(e.ask("مدیرکل امور مالیاتی استان کیست؟").answer().startsWith("یاشار بخشی، مدیرکل"));
        assertTrue(e.ask("بخشی چه سمتی دارد؟").answer().contains("مدیرکل امور مالیاتی استان"));
        assertTrue(e.ask("معاون فنی کیست؟").answer().startsWith("آرتین خوش، معاون فنی"), e.ask("معاون فنی کیست؟").answer());
        assertTrue(e.ask("خوش کیست؟").answer().startsWith("آرتین خوش، معاون فنی"));
        assertTrue(e.ask("بخشی چه گفت؟").answer().contains("ارزش افزوده"));
        // "به کارگردانی X": the role's holder follows the role noun
        assertTrue(e.ask("کارگردان «حساب روشن» کیه؟").answer().contains("نیما کاوه"));
    }

    @Test
    void aQuotedNameBeforeItsTitleIsAnAppositionAndTheTitleLinksLaterSentences() throws Exception {
        AnswerEngine e = new AnswerEngine(ArticleParser.parse("""
                بازدید از موزه‌های استان

                خبرگزاری نمونه، ۱۵ فروردین ۱۴۰۳
                " ساناز پرتوی " مدیرکل موزه‌داری، گردشگری و صنایع دستی استان گیلان، امروز اعلام کرد: «بیش از ۲۰ هزار بازدید انجام شد.»

                مدیرکل موزه‌داری استان گیلان بیان کرد: «پروتکل‌های بهداشتی رعایت شد.»
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(e.ask("مدیرکل موزه‌داری کیه؟").answer().startsWith("ساناز پرتوی"), e.ask("مدیرکل موزه‌داری کیه؟").answer());
        // the question's "موزه داری استان" meets the article's joined words; the title is linked across sentences
        assertTrue(e.ask("مدیرکل موزه داری استان گیلان کیست؟").answer().startsWith("ساناز پرتوی"),
                e.ask("مدیرکل موزه داری استان گیلان کیست؟").answer());
    }
}
