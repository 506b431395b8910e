package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outlet/date line and the lead prefixes as Iranian outlets write them (invented text in each outlet's
 * convention): what is read, and that neither the dateline nor a wire prefix is left in the body.
 */
class ArticleShapesTest {
    private static final String BODY2 = "\n\nجمله دوم خبر در پاراگراف بعدی آمده است و نکته دیگری را می‌گوید.";

    static Stream<Arguments> shapes() {
        return Stream.of(
                // name, dateline, lead, outlet, ISO date, time, agency, service, place, lead after prefixes
                Arguments.of("ISNA", "ایسنا، سه‌شنبه ۱۵ اسفند ۱۴۰۲ - ۱۴:۳۰",
                        "به گزارش ایسنا، شورای شهر طرح تازه‌ای را برای حمل و نقل عمومی تصویب کرد.",
                        "ایسنا", "2024-03-05", "14:30", null, null, null, "شورای شهر طرح"),
                Arguments.of("IRNA", "ایرنا، ۲۹ شهریور ۱۳۹۵، ۲۲:۴۶",
                        "تهران- ایرنا- نتایج آزمون سراسری ساعاتی پیش منتشر شد و داوطلبان کارنامه خود را دیدند.",
                        "ایرنا", "2016-09-19", "22:46", "ایرنا", null, "تهران", "نتایج آزمون سراسری"),
                Arguments.of("Tasnim", "خبرگزاری تسنیم، ۱۴۰۲/۱۲/۱۵ - ۰۹:۰۵",
                        "به گزارش خبرنگار اقتصادی خبرگزاری تسنیم، قیمت نهاده‌های دامی در بازار کاهش یافت.",
                        "خبرگزاری تسنیم", "2024-03-05", "09:05", null, null, null, "قیمت نهاده‌های دامی"),
                Arguments.of("Mehr", "خبرگزاری مهر، سه شنبه ۱۵ اسفند ۱۴۰۲ ساعت ۱۴:۳۰",
                        "خبرگزاری مهر - گروه اقتصادی: وزیر صمت از افزایش تولید خودرو در سال جاری خبر داد.",
                        "خبرگزاری مهر", "2024-03-05", "14:30", "مهر", "گروه اقتصادی", null, "وزیر صمت از"),
                Arguments.of("Fars", "خبرگزاری فارس | ۱۴:۳۰ - ۱۴۰۲-۱۲-۱۵",
                        "گروه اقتصادی ــ بانک مرکزی نرخ سود سپرده‌های بانکی را اعلام کرد و جزئیات آن را شرح داد.",
                        "خبرگزاری فارس", "2024-03-05", "14:30", null, "گروه اقتصادی", null, "بانک مرکزی نرخ"),
                Arguments.of("IRIB", "خبرگزاری صدا و سیما، 2024-02-10T18:20:00+03:30",
                        "به گزارش خبرگزاری صدا و سیما، مسابقات کشتی آزاد قهرمانی آسیا از فردا آغاز می‌شود.",
                        "خبرگزاری صدا و سیما", "2024-02-10", "18:20", null, null, null, "مسابقات کشتی"),
                Arguments.of("YJC", "باشگاه خبرنگاران جوان - دوشنبه ۱۴ اسفند ۱۴۰۲",
                        "به گزارش خبرنگار گروه اجتماعی باشگاه خبرنگاران جوان، ثبت نام مدارس از هفته آینده آغاز می‌شود.",
                        "باشگاه خبرنگاران جوان", "2024-03-04", null, null, null, null, "ثبت نام مدارس"),
                Arguments.of("Hamshahri", "همشهری آنلاین، ۹ فروردین‌ماه ۱۴۰۳",
                        "همشهری آنلاین: مترو تهران در روزهای نوروز بیش از دو میلیون مسافر را جابه‌جا کرد.",
                        "همشهری آنلاین", "2024-03-28", null, "همشهری آنلاین", null, null, "مترو تهران"),
                Arguments.of("Donya-e-Eqtesad", "دنیای اقتصاد، ۲۰ تیر ۱۴۰۲",
                        "گروه بازار ــ قیمت برنج ایرانی در هفته‌های اخیر دوباره افزایش یافته است.",
                        "دنیای اقتصاد", "2023-07-11", null, null, "گروه بازار", null, "قیمت برنج ایرانی"),
                Arguments.of("Kayhan", "کیهان، ۰۳ آبان ۱۴۰۴ - ۲۰:۳۸",
                        "سرویس فرهنگی- آیین پایانی جشنواره فیلم کوتاه شامگاه جمعه برگزار شد.",
                        "کیهان", "2025-10-25", "20:38", null, "سرویس فرهنگی", null, "آیین پایانی"),
                Arguments.of("outlet alone", "شانا",
                        "مدیر شرکت پخش فرآورده‌های نفتی از افزایش صادرات روزانه خبر داد.",
                        "شانا", null, null, null, null, null, "مدیر شرکت پخش"),
                Arguments.of("slashed month name", "هتل نیوز، 15/فروردین/1400",
                        "بهگزارش هتل نیوز، بیش از یک میلیون بازدید نوروزی در استان ثبت شد.",
                        "هتل نیوز", "2021-04-04", null, null, null, null, "بیش از یک میلیون"),
                Arguments.of("multi-word outlet, spaced weekday, no separator", "روزنامه همشهری سه شنبه ۱۵ اسفند ۱۴۰۲",
                        "شهردار تهران از افتتاح دو ایستگاه تازه مترو در هفته آینده خبر داد.",
                        "روزنامه همشهری", "2024-03-05", null, null, null, null, "شهردار تهران"),
                Arguments.of("Gregorian, Arabic-Indic digits", "خبرگزاری جمهوری اسلامی، 10 February 2024 ١٤:٠٥",
                        "بوشهر- رئیس دانشگاه علوم پزشکی از افتتاح بخش تازه بیمارستان خبر داد.",
                        "خبرگزاری جمهوری اسلامی", "2024-02-10", "14:05", null, null, "بوشهر", "رئیس دانشگاه"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsTheDatelineAndTheLead(String name, String dateline, String lead, String outlet, String iso, String time,
                                    String agency, String service, String place, String leadStart) throws Exception {
        Article a = ArticleParser.parse("عنوانی برای خبر آزمایشی\n" + dateline + "\n\n" + lead + BODY2);
        ArticleMeta m = a.meta();
        assertEquals("عنوانی برای خبر آزمایشی", m.title());
        assertEquals(outlet, m.outlet(), "outlet");
        assertEquals(iso, m.publishedIso() == null ? null : m.publishedIso().toString(), "date");
        assertEquals(time, m.time(), "time");
        assertEquals(agency, m.agency(), "agency");
        assertEquals(service, m.service(), "service");
        assertEquals(place, m.place(), "place");
        assertTrue(a.body().get(0).text().startsWith(leadStart), a.body().get(0).text());
        assertEquals(2, a.body().size(), "the dateline is not a body sentence");
        for (Sentence s : a.body()) assertTrue(!s.text().contains(dateline), "dateline in the body");
    }

    @ParameterizedTest
    @MethodSource("notDatelines")
    void aShortSentenceOrQuoteIsNotADateline(String line) throws Exception {
        Article a = ArticleParser.parse("عنوان خبر\n" + line + BODY2);
        assertNull(a.meta().outlet(), line);
        assertEquals(line, a.body().get(0).text());
    }

    static Stream<String> notDatelines() {
        return Stream.of("قیمت‌ها بالا رفت.", "وزیر گفت:", "«این پایان کار نیست»", "جلسه در ۱۵ خرداد ۱۴۰۲ برگزار شد",
                "از تهران به مشهد", "سه هزار و ۲۰۰ نفر");
    }

    @org.junit.jupiter.api.Test
    void aDayAndMonthTakesThePageYearOrStaysADayAndMonth() throws Exception {
        Article noYear = ArticleParser.parse("عنوان خبر\nایسنا، ۱۵ خرداد\n\nمتن خبر در اینجا آمده است." + BODY2);
        assertEquals("ایسنا", noYear.meta().outlet());
        assertNull(noYear.meta().published());
        assertEquals(new DayMonth(3, 15), noYear.meta().publishedDayMonth());
        ArticleStats stats = Statistics.of(noYear);
        assertEquals("03/15", stats.source().published());
        assertEquals(java.util.List.of("time", "author"), stats.source().notOnThePage());
        ArticleStats.DateMention dateline = stats.dates().get(0);
        assertEquals("۱۵ خرداد", dateline.text());
        assertEquals("dateline", dateline.section());
        assertNull(dateline.gregorian());
        Article paged = ArticleParser.parse("شنبه ۱۳ دی ۱۴۰۴\nعنوان خبر\nایسنا، ۱۵ خرداد\n\nمتن خبر در اینجا آمده است.");
        assertEquals("1404/03/15", paged.meta().published().toString());
        assertNull(paged.meta().publishedDayMonth());
        Article before = ArticleParser.parse("شنبه ۲ فروردین ۱۴۰۴\nعنوان خبر\nایسنا، ۲۸ اسفند\n\nمتن خبر در اینجا آمده است.");
        assertEquals("1403/12/28", before.meta().published().toString(), "a later month is last year's");
    }

    @org.junit.jupiter.api.Test
    void aMissingHeadlineFallsBackToTheLead() throws Exception {
        String lead = "وزیر ارتباطات امروز از افتتاح پروژه فیبر نوری در چهار شهر استان تهران خبر داد و گفت بیش از صد هزار"
                + " خانوار به اینترنت پرسرعت دسترسی پیدا می‌کنند. این طرح با سرمایه بخش خصوصی اجرا شده است.";
        Article a = ArticleParser.parse(lead + BODY2);
        assertEquals("وزیر ارتباطات امروز از افتتاح پروژه فیبر نوری در چهار شهر استان تهران خبر داد و گفت بیش از صد هزار"
                + " خانوار به اینترنت پرسرعت دسترسی پیدا می‌کنند.", a.title());
        assertTrue(a.body().get(0).text().startsWith("وزیر ارتباطات"));
        Article dated = ArticleParser.parse("ایرنا، ۱۵ اسفند ۱۴۰۲\n" + lead);
        assertEquals("ایرنا", dated.meta().outlet());
        assertEquals("2024-03-05", dated.meta().publishedIso().toString());
        assertTrue(dated.title().startsWith("وزیر ارتباطات"));
        // A headline that ends in a date is a headline, not a dateline.
        Article headline = ArticleParser.parse("تعطیلی مدارس تهران ۱۵ خرداد ۱۴۰۳\n" + lead);
        assertEquals("تعطیلی مدارس تهران ۱۵ خرداد ۱۴۰۳", headline.title());
        assertNull(headline.meta().outlet());
    }

    @org.junit.jupiter.api.Test
    void aQuotedSourceStaysInTheSentenceAndIsTheAgency() throws Exception {
        Article a = ArticleParser.parse("عنوان خبر\nوبگاه نمونه\n\nبه گزارش وبگاه نمونه به نقل از ایسنا، وزیر ارتباطات پروژه را افتتاح کرد.");
        assertEquals("ایسنا", a.meta().agency());
        assertTrue(a.body().get(0).text().startsWith("به گزارش وبگاه نمونه به نقل از ایسنا،"));
    }

    @org.junit.jupiter.api.Test
    void aKickerAboveTheHeadlineIsMetadata() throws Exception {
        Article a = ArticleParser.parse("رئیس مرکز ملی فرش:\nصادرات فرش دستباف ۱۵ درصد افزایش یافت\nایرنا، ۲۱ بهمن ۱۴۰۲\n\n"
                + "تهران- ایرنا- صادرات فرش دستباف در ده ماه نخست امسال افزایش یافت.");
        assertEquals("رئیس مرکز ملی فرش", a.meta().kicker());
        assertEquals("صادرات فرش دستباف ۱۵ درصد افزایش یافت", a.title());
        assertEquals("ایرنا", a.meta().outlet());
        assertEquals("2024-02-10", a.meta().publishedIso().toString());
        assertEquals("تهران", a.meta().place());
        assertTrue(a.body().get(0).text().startsWith("صادرات فرش دستباف در ده ماه"));
        // A quote's opening line is not a kicker.
        Article b = ArticleParser.parse("وزیر نفت گفت:\nتولید امسال ده درصد بیشتر بود\nاین روند ادامه خواهد داشت.");
        assertNull(b.meta().kicker());
        assertEquals("وزیر نفت گفت:", b.title());
    }

    @org.junit.jupiter.api.Test
    void anAuthorLineIsMetadata() throws Exception {
        Article a = ArticleParser.parse("عنوان خبر\nایسنا، ۱۵ اسفند ۱۴۰۲\nنویسنده: مریم احمدی\n\nمتن خبر در اینجا آمده است.");
        assertEquals("مریم احمدی", a.meta().author());
        assertEquals(1, a.body().size());
    }
}
