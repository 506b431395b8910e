package ir.peyk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.peyk.article.NumberExtractor.NumberMatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberExtractorTest {
    private static NumberMatch only(String text) {
        List<NumberMatch> all = NumberExtractor.extract(text);
        assertEquals(1, all.size(), () -> "expected one number in «" + text + "», got " + all);
        return all.get(0);
    }

    @Test
    void qualifierScaleAndUnit() {
        NumberMatch about = only("پیام‌رسان‌ها قریب به ۴۰ میلیون نفر کاربر دارند");
        assertEquals(40_000_000L, about.number());
        assertEquals("نفر", about.unit());
        assertEquals("about", about.qualifier());
        assertEquals("قریب به ۴۰ میلیون نفر", about.text());

        NumberMatch more = only("بیش از ۲۰ میلیون نفر");
        assertEquals(20_000_000L, more.number());
        assertEquals("more than", more.qualifier());
        assertEquals("بالغ بر ۳ میلیارد تومان", only("بودجه بالغ بر ۳ میلیارد تومان است").text());
        assertEquals("more than", only("بالغ بر ۳ میلیارد تومان").qualifier());
        assertEquals("less than", only("کمتر از ۵ درصد").qualifier());
        assertEquals("about", only("در حدود ۵ درصد").qualifier());
        assertEquals("در حدود ۵ درصد", only("در حدود ۵ درصد").text());
        assertEquals("about", only("تقریباً ۵ درصد").qualifier());
        assertEquals("at least", only("دست‌کم ۱۰ نفر").qualifier());
        assertNull(only("۱۰ نفر").qualifier());
    }

    @Test
    void aScaleWrittenSolidWithItsUnitIsBothWords() {
        NumberMatch m = only("این برنج در خرده‌فروشی‌ها بالای ۱۰۰هزارتومان فروخته می‌شود");
        assertEquals(100_000L, m.number());
        assertEquals("تومان", m.unit());
        assertEquals("بالای ۱۰۰هزارتومان", m.text());
        assertEquals(2_500_000L, only("۲.۵میلیونتومان").number());
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "در‌این آمار، روزانه بیش از ۲۰ ميليون نفر از مردم";  // ZWNJ and Arabic yeh before the number
        NumberMatch n = only(text);
        assertEquals(text.substring(n.start(), n.end()), n.text());
        assertEquals("بیش از ۲۰ ميليون نفر", n.text());
        assertEquals(text.indexOf("۲۰"), n.numberStart());
    }

    @Test
    void digitsInEveryScriptDecimalsAndGrouping() {
        assertEquals(40L, only("٤٠ نفر").number());
        assertEquals(40L, only("40 نفر").number());
        assertEquals(3.5, only("۳.۵ درصد").value());
        assertEquals(3.5, only("۳٫۵ درصد").value());
        assertEquals(2.5, only("۲/۵ درصد").value());
        assertEquals("درصد", only("۳۰٪ رشد").unit());
        assertEquals("درصد", only("30% رشد").unit());
        assertEquals(20_000L, only("۲۰٬۰۰۰ ریال").number());
        assertEquals(1_250_000L, only("1,250,000 دلار").number());
        assertEquals(30L, only("۳۰درصد").number());
        assertEquals("درصد", only("۳۰درصد").unit());
    }

    @Test
    void numberWords() {
        assertEquals(25L, only("بیست و پنج کاربر").number());
        assertEquals(365L, only("سیصد و شصت و پنج روز").number());
        assertEquals(2_500L, only("دو هزار و پانصد نفر").number());
        assertEquals(1_500_000L, only("یک و نیم میلیون نفر").number());
        assertEquals(2_500_000L, only("۲ میلیون و ۵۰۰ هزار تومان").number());
        assertEquals(10_000_000_000_000L, only("ده هزار میلیارد ریال").number());
        assertEquals(1_000L, only("هزار نفر").number());
        assertEquals(3L, only("سه پلتفرم").number());
    }

    @Test
    void weakWordsNeedAUnit() {
        assertTrue(NumberExtractor.extract("ما همه در یک مسیر هستیم").isEmpty());
        assertTrue(NumberExtractor.extract("نه این و نه آن").isEmpty());
        assertEquals(1L, only("یک نفر").number());
    }

    @Test
    void separateNumbersStaySeparate() {
        List<NumberMatch> all = NumberExtractor.extract("۱۰ و ۲۰ نفر؛ ۴۰ میلیون و ۲۰ میلیون");
        assertEquals(List.of(10L, 20L, 40_000_000L, 20_000_000L), all.stream().map(NumberMatch::number).toList());
    }

    @Test
    void datesTimesAndWeekdaysAreNotNumbers() {
        assertTrue(NumberExtractor.extract("مصوب ۱۳۸۲/۱۰/۱۷ مجلس").isEmpty());
        assertTrue(NumberExtractor.extract("ساعت 00:09 بامداد").isEmpty());
        assertTrue(NumberExtractor.extract("چهارشنبه 21 تیر 1402 و سه شنبه ۲۰ تیرماه").isEmpty());
        assertTrue(NumberExtractor.extract("2023-07-12").isEmpty());
        assertTrue(NumberExtractor.extract("پنج شنبه").isEmpty());
        assertEquals(74L, only("ماده ۷۴ قانون مصوب ۱۳۸۲/۱۰/۱۷").number());
    }

    @Test
    void nonIntegralValuesStayDoubles() {
        assertEquals(3.5, only("۳.۵ درصد").number());
        assertTrue(only("۴۰ میلیون").number() instanceof Long);
    }
}
