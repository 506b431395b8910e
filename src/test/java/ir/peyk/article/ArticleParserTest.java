package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.text.JalaliDate;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
    private static List<String> texts(List<Sentence> sentences) {
        return sentences.stream().map(Sentence::text).toList();
    }

    @Test
    void defaultArticle() {
        Article a = Fixtures.parse(Fixtures.DEFAULT);
        ArticleMeta m = a.meta();
        assertEquals("ارائه خدمات دولتی از طریق پیامرسانهای داخلی", m.title());
        assertEquals("دنیای اقتصاد", m.outlet());
        assertEquals("تسنیم", m.agency());
        assertEquals(new JalaliDate(1402, 4, 21), m.published());
        assertEquals(LocalDate.of(2023, 7, 12), m.publishedIso());
        assertEquals("00:09", m.time());
        assertEquals(new JalaliDate(1404, 10, 13), m.pageDate());
        assertEquals(LocalDate.of(2026, 1, 3), m.pageDateIso());

        List<Sentence> body = a.body();
        assertEquals(8, body.size());
        assertTrue(body.get(0).text().startsWith("وزیر ارتباطات و فناوری اطلاعات گفت: تلاشمان"), "agency prefix removed");
        // Colon quotes stay in their sentence.
        assertTrue(body.get(1).text().contains("اظهار کرد: درحال حاضر"));
        assertTrue(body.get(1).text().endsWith("کاربر ماهانه دارد."));
        assertEquals(3, body.stream().mapToInt(Sentence::paragraph).distinct().count());

        List<String> footer = texts(a.footer());
        assertEquals(3, footer.size());
        assertTrue(footer.get(0).startsWith("منبع خبر"));
        assertEquals("(ادامه)", footer.get(1));
        assertTrue(footer.get(2).contains("۱۳۸۲/۱۰/۱۷ مجلس"), "the date stays whole");
        assertTrue(texts(body).stream().noneMatch(s -> s.contains("منبع خبر") || s.contains("تیترآنلاین")));
        assertEquals(Section.TITLE, a.sentences().get(0).section());
        for (int i = 0; i < a.sentences().size(); i++) assertEquals(i, a.sentences().get(i).index());
    }

    @Test
    void irnaWithReportOpenerAndPageDates() {
        Article a = Fixtures.parse(Fixtures.IRNA);
        ArticleMeta m = a.meta();
        assertEquals("نرخ تورم نقطه‌ای بهمن‌ماه به ۳۵.۸ درصد رسید", m.title());
        assertEquals("ایرنا", m.outlet());
        assertEquals("مهر", m.agency(), "«به گزارش خبرگزاری مهر،» names the agency مهر");
        assertEquals(new JalaliDate(1402, 12, 15), m.published());
        assertEquals(LocalDate.of(2024, 3, 5), m.publishedIso());
        assertEquals("14:30", m.time());
        assertEquals(LocalDate.of(2024, 3, 6), m.pageDateIso());

        List<String> body = texts(a.body());
        assertEquals(List.of(
                "به گزارش خبرگزاری مهر، مرکز آمار ایران روز سه‌شنبه اعلام کرد نرخ تورم نقطه‌ای در بهمن‌ماه به ۳۵.۸ درصد رسیده که نسبت به ماه قبل ۳.۵ درصد کاهش نشان می‌دهد.",
                "این گزارش ساعت ۱۰:۳۰ صبح منتشر شد.",
                "دکتر ع. محمدی، رئیس مرکز آمار، در نشست خبری گفت: تورم ماهانه در بهمن ۱.۲ درصد بود و انتظار داریم تا پایان سال ۱۴۰۲ به زیر ۳۰ درصد برسد.",
                "وی افزود: بیش از ۸۵ هزار خانوار در این آمارگیری شرکت کردند؛ همچنین حدود ۲۷ میلیون نفر از جمعیت کشور در شهرها بررسی شدند.",
                "بر اساس این گزارش، قیمت اقلام خوراکی در مقایسه با بهمن پارسال ۴۲ درصد افزایش یافته است.",
                "آیا این روند ادامه می‌یابد؟",
                "کارشناسان می‌گویند پاسخ به سیاست‌های پولی بستگی دارد!",
                "آخرین گزارش مشابه در ۱۴۰۲/۱۱/۱۵ منتشر شده بود."), body);
        assertEquals(List.of("انتهای پیام", "کد خبر: ۸۵۴۲۱۳۷",
                "کلیه حقوق این سایت متعلق به خبرگزاری جمهوری اسلامی است و استفاده از مطالب با ذکر منبع آزاد است."),
                texts(a.footer()));
    }

    @Test
    void hamshahriWithColonAgencyAndNoPageDate() {
        Article a = Fixtures.parse(Fixtures.HAMSHAHRI);
        ArticleMeta m = a.meta();
        assertEquals("افزایش ۲۰ درصدی مسافران مترو در نوروز ۱۴۰۳", m.title());
        assertEquals("همشهری آنلاین", m.outlet());
        assertEquals("ایسنا", m.agency());
        assertEquals(LocalDate.of(2024, 3, 28), m.publishedIso());
        assertEquals("18:45", m.time());
        assertNull(m.pageDate());
        assertNull(m.pageDateIso());

        List<String> body = texts(a.body());
        assertEquals(8, body.size());
        assertTrue(body.get(0).startsWith("مدیرعامل شرکت بهره‌برداری متروی تهران گفت: در تعطیلات"));
        assertTrue(body.get(1).startsWith("دکتر م. رضایی"), "an initial does not end a sentence");
        assertTrue(body.get(1).contains("ساعت ۵:۳۰ صبح تا ۲۲:۰۰ کار"), "times stay whole");
        assertTrue(body.get(2).contains("۲/۵ درصد"));
        assertTrue(body.get(3).endsWith("آیا ظرفیت کافی است؟"));
        assertEquals("پاسخ مسئولان مثبت بود!", body.get(4));
        assertEquals("رضایی در پایان گفت: «ما آماده‌ایم. مسافران نگران نباشند.»", body.get(6),
                "a «…» quote stays with its speaker");
        assertEquals(List.of("انتهای پیام", "برچسب‌ها: مترو، نوروز، تهران"), texts(a.footer()));
    }

    @Test
    void idIsAContentHashIndependentOfLineEndings() {
        for (String name : List.of(Fixtures.DEFAULT, Fixtures.IRNA, Fixtures.HAMSHAHRI)) {
            String lf = Fixtures.text(name).replace("\r\n", "\n");
            String crlf = lf.replace("\n", "\r\n");
            Article a = parse(lf);
            Article b = parse(crlf);
            Article c = parse("\uFEFF" + crlf + "\r\n\r\n");
            assertEquals(a.id(), b.id(), name);
            assertEquals(a.id(), c.id(), name);
            assertEquals(texts(a.sentences()), texts(b.sentences()), name);
            assertEquals(a.meta(), b.meta(), name);
        }
        assertNotEquals(Fixtures.parse(Fixtures.IRNA).id(), Fixtures.parse(Fixtures.HAMSHAHRI).id());
        assertNotEquals(parse(Fixtures.text(Fixtures.IRNA).replace("۳۵.۸", "۳۵.۹")).id(), Fixtures.parse(Fixtures.IRNA).id());
    }

    @Test
    void aQuotedSpeakerIsNotAnAgency() throws ArticleException {
        Article a = ArticleParser.parse("عنوان خبر\nوزیر نفت گفت: تولید افزایش یافت.");
        assertNull(a.meta().agency());
        assertEquals("وزیر نفت گفت: تولید افزایش یافت.", a.body().get(0).text());
        Article b = ArticleParser.parse("عنوان خبر\nبه گزارش خبرنگار اقتصادی ایرنا، تولید افزایش یافت.");
        assertEquals("ایرنا", b.meta().agency());
        assertEquals("به گزارش خبرنگار اقتصادی ایرنا، تولید افزایش یافت.", b.body().get(0).text(),
                "another outlet's report is the sentence's attribution");
        Article c = ArticleParser.parse("عنوان خبر\nایرنا، ۱۵ اسفند ۱۴۰۲\nبه گزارش خبرنگار اقتصادی ایرنا، تولید افزایش یافت.");
        assertEquals("تولید افزایش یافت.", c.body().get(0).text(), "the outlet's own opener leaves the lead");
    }

    @Test
    void datelineVariants() throws ArticleException {
        Article piped = ArticleParser.parse("عنوان\nایرنا | سه‌شنبه ۱۵ اسفند ۱۴۰۲ | ساعت ۱۴:۳۰\nمتن خبر.");
        assertEquals("ایرنا", piped.meta().outlet());
        assertEquals("14:30", piped.meta().time());
        assertEquals(LocalDate.of(2024, 3, 5), piped.meta().publishedIso());
        Article noTime = ArticleParser.parse("عنوان\nروزنامه همشهری، ۹ فروردین‌ماه ۱۴۰۳\nمتن خبر.");
        assertEquals("روزنامه همشهری", noTime.meta().outlet());
        assertNull(noTime.meta().time());
        // A body sentence that mentions a date is not a dateline.
        Article body = ArticleParser.parse("عنوان\nبه گزارش ایرنا، روز ۲۱ تیر ۱۴۰۲ جلسه برگزار شد.");
        assertNull(body.meta().published());
        assertEquals("ایرنا", body.meta().agency());
        assertEquals(List.of("به گزارش ایرنا، روز ۲۱ تیر ۱۴۰۲ جلسه برگزار شد."), texts(body.body()));
    }

    @Test
    void aMinimalArticleHasOnlyTitleAndBody() throws ArticleException {
        Article a = ArticleParser.parse("عنوان\nمتن خبر. جمله دوم.");
        assertEquals("عنوان", a.title());
        assertNull(a.meta().outlet());
        assertNull(a.meta().published());
        assertEquals(List.of("متن خبر.", "جمله دوم."), texts(a.body()));
        assertTrue(a.footer().isEmpty());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertEquals("the file is empty", refused(new byte[0]));
        assertTrue(refused(new byte[] {'a', 0, 'b'}).contains("binary"));
        assertTrue(refused(new byte[] {(byte) 0xC3, (byte) 0x28, 'a'}).contains("not UTF-8"));
        byte[] big = new byte[ArticleParser.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertTrue(refused(big).contains("1 MiB"));
        assertTrue(refused("   \n\n\t ".getBytes(StandardCharsets.UTF_8)).contains("no text"));
        assertTrue(refused("شنبه 13 دی 1404\nعنوان تنها\n".getBytes(StandardCharsets.UTF_8)).contains("no body"));
        assertTrue(refused("عنوان\nدنیای اقتصاد چهارشنبه 21 تیر 1402 - 00:09\nمنبع خبر «الف» است.".getBytes(
                StandardCharsets.UTF_8)).contains("no body"));
        byte[] control = new byte[200];
        Arrays.fill(control, (byte) 1);
        assertTrue(refused(control).contains("binary"));
    }

    private static String refused(byte[] bytes) {
        return assertThrows(ArticleException.class, () -> ArticleParser.parse(bytes)).getMessage();
    }

    private static Article parse(String text) {
        try {
            return ArticleParser.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (ArticleException e) {
            throw new AssertionError(e);
        }
    }
}
